/**
 * The body of a python-markdown block extension (admonition, tabbed): the lines after the opening line that are
 * indented by four spaces or a tab, with blank lines between them, up to the first line that is not. Scanned line
 * by line rather than with one regular expression, which would backtrack badly on long runs of blank lines.
 */
export interface IndentedBlock {
  /** The body with one level of indentation removed. */
  body: string;
  /** How many characters of the source the body spans (without trailing blank lines). */
  length: number;
}

const INDENT = /^(?: {4}|\t| {0,3}\t)/;

export const takeIndentedBlock = (src: string, start: number): IndentedBlock => {
  const lines: string[] = [];
  let end = start;
  let cursor = start;
  let pendingBlank: string[] = [];
  while (cursor < src.length) {
    const newline = src.indexOf('\n', cursor);
    const lineEnd = newline === -1 ? src.length : newline + 1;
    const line = src.slice(cursor, newline === -1 ? src.length : newline);
    if (/^[ \t]*$/.test(line)) pendingBlank.push('');
    else if (INDENT.test(line)) {
      lines.push(...pendingBlank, line.replace(INDENT, ''));
      pendingBlank = [];
      end = lineEnd;
    } else break;
    cursor = lineEnd;
  }
  return { body: lines.join('\n'), length: end - start };
};
