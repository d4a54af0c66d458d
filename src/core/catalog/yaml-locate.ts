import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';

/** A 1-based place in a file. */
export interface SourcePosition {
  line: number;
  column: number;
}

const keyMatches = (key: unknown, segment: string | number): boolean => (isScalar(key) ? String(key.value) === String(segment) : false);

/**
 * Offset of the deepest node that exists along `path`: for a mapping entry, its key (where a
 * person looks for `owner:`), for a list item, the item. Stops at the first missing step, so a
 * missing field points at its parent.
 */
const locateOffset = (document: Document.Parsed, path: readonly (string | number)[]): number => {
  let node: unknown = document.contents;
  let offset = document.contents?.range[0] ?? document.range[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => keyMatches(item.key, segment));
      if (!pair) break;
      offset = isScalar(pair.key) && pair.key.range ? pair.key.range[0] : offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as { range?: [number, number, number] } | undefined;
      if (!item?.range) break;
      offset = item.range[0];
      node = item;
    } else break;
  }
  return offset;
};

/** Line and column of the deepest existing node on `path` in a composed document. */
export function locateInDocument(document: Document.Parsed, lineCounter: LineCounter, path: readonly (string | number)[]): SourcePosition {
  const { line, col } = lineCounter.linePos(locateOffset(document, path));
  return { line, column: col };
}
