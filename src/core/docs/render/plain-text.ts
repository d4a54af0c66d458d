import type { Token, Tokens } from 'marked';
import { forEachChildList } from './child-tokens.ts';

const TAG = /<[^>]*>/g;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };
// Most text has no entity at all: a search for '&' is cheaper than running the replacement over every text token.
const decodeEntities = (text: string): string => (text.includes('&') ? text.replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity]!) : text);

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
    let hasChildren = false;
    const title = token.type === 'admonition' ? (token as unknown as { title?: string }).title : undefined;
    if (title) parts.push(title, ' ');
    forEachChildList(token, (children) => {
      hasChildren ||= children.length > 0;
      for (const child of children) {
        add(child);
        if (BLOCKS.has(child.type)) parts.push(' ');
      }
      // A tab's title is inline text: keep it apart from the tab's first words.
      if (token.type === 'tab' && children === (token as unknown as { titleTokens: Token[] }).titleTokens) parts.push(' ');
    });
    if (!hasChildren && 'text' in token && typeof token.text === 'string') parts.push(decodeEntities(token.text));
  };
  tokens.forEach(add);
  return parts.join('');
};

const BLOCKS = new Set(['paragraph', 'list_item', 'list', 'heading', 'code', 'blockquote', 'table', 'tab', 'tabbedSet', 'admonition', 'footnote']);
