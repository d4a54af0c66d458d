/**
 * Line numbers for tokens, which marked does not record: a token's `raw` text is looked up in the page source
 * from where the previous lookup ended, so the whole page is scanned about once.
 */
export interface LineFinder {
  /** The 1-based line of `raw`, searched from the enclosing top-level block's offset onward. */
  (raw: string, blockOffset: number): number;
  /** The offset of a top-level token's `raw`, searched from the end of the previous top-level token. */
  offsetOf(raw: string): number;
}

export const createLineFinder = (source: string): LineFinder => {
  const lineStarts = [0];
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const lineAt = (offset: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
  let cursor = 0;
  let blockCursor = 0;
  const find = ((raw: string, blockOffset: number): number => {
    let at = source.indexOf(raw, Math.max(cursor, blockOffset));
    if (at === -1) at = source.indexOf(raw, blockOffset);
    if (at === -1) return lineAt(blockOffset);
    cursor = at + raw.length;
    return lineAt(at);
  }) as LineFinder;
  find.offsetOf = (raw) => {
    const at = source.indexOf(raw, blockCursor);
    if (at === -1) return blockCursor;
    blockCursor = at + raw.length;
    return at;
  };
  return find;
};
