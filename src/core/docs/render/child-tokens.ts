import type { Token, Tokens } from 'marked';

/** The fields that hold child tokens across marked's tokens and this renderer's own (tabs, admonitions, footnotes). */
interface WithChildren {
  titleTokens?: Token[];
  tokens?: Token[];
  items?: Token[];
  tabs?: Token[];
  content?: Token[];
}

/**
 * Calls `each` with every child token list of `token`, in document order: inline tokens, list items, table cells,
 * tabs (title, then body), footnote contents. Plain property checks: this runs for every token of every page.
 */
export const forEachChildList = (token: Token, each: (children: Token[]) => void): void => {
  if (token.type === 'table') {
    const table = token as Tokens.Table;
    for (const cell of table.header) each(cell.tokens);
    for (const row of table.rows) for (const cell of row) each(cell.tokens);
    return;
  }
  const { titleTokens, tokens, items, tabs, content } = token as WithChildren;
  if (titleTokens) each(titleTokens);
  if (tokens) each(tokens);
  if (items) each(items);
  if (tabs) each(tabs);
  if (content) each(content);
};
