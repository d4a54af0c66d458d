import type { Token, Tokens } from 'marked';

const TAG = /<[^>]*>/g;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };
const decodeEntities = (text: string): string => text.replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity]!);

/**
 * The readable text of tokens, for headings (anchors, titles) and search sections: words only, no markup.
 * Code is included (people search for commands); raw HTML contributes its text, not its tags.
 */
export const plainText = (tokens: Token[]): string => {
  const parts: string[] = [];
  const add = (token: Token): void => {
    switch (token.type) {
      // marked-footnote's `footnotes` list at the top repeats the `footnote` tokens that sit where they were written.
      case 'footnotes':
      case 'space':
      case 'hr':
      case 'def':
        return;
      case 'br':
        parts.push(' ');
        return;
      case 'html':
        parts.push(decodeEntities(token.text.replace(TAG, ' ')));
        return;
      case 'code':
      case 'codespan':
      case 'escape':
        parts.push(decodeEntities(token.text));
        return;
      case 'table': {
        const table = token as Tokens.Table;
        table.header.forEach((cell) => (cell.tokens.forEach(add), parts.push(' ')));
        table.rows.forEach((row) => row.forEach((cell) => (cell.tokens.forEach(add), parts.push(' '))));
        return;
      }
    }
    const record = token as unknown as Record<string, unknown>;
    const lists = ['titleTokens', 'tokens', 'items', 'tabs', 'content'].filter((key) => Array.isArray(record[key]) && (record[key] as Token[]).length > 0);
    if (lists.length === 0) {
      if ('text' in token && typeof token.text === 'string') parts.push(decodeEntities(token.text));
      return;
    }
    if (token.type === 'admonition' && typeof record.title === 'string') parts.push(record.title, ' ');
    for (const key of lists) {
      for (const child of record[key] as Token[]) {
        add(child);
        if (isBlock(child)) parts.push(' ');
      }
      if (key === 'titleTokens') parts.push(' ');
    }
  };
  tokens.forEach(add);
  return parts.join('');
};

const BLOCKS = new Set(['paragraph', 'list_item', 'list', 'heading', 'code', 'blockquote', 'table', 'tab', 'tabbedSet', 'admonition', 'footnote']);
const isBlock = (token: Token): boolean => BLOCKS.has(token.type);
