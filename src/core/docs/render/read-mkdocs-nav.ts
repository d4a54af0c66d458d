import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';

/** One `nav` entry as written: a page or URL (`target`), or a section (`children`), with its mkdocs.yml line. */
export interface MkdocsNavEntry {
  title?: string;
  target?: string;
  children?: MkdocsNavEntry[];
  line: number;
}

/**
 * Reads mkdocs' `nav`: `- file.md`, `- Title: file.md`, `- Title: https://…` and `- Section: [ … ]`, nested.
 * An entry of another shape is skipped with a warning.
 */
export const readMkdocsNav = (node: Node, lineOf: (node: Node | Pair) => number, warnings: { line: number; message: string }[]): MkdocsNavEntry[] => {
  if (!isSeq(node)) {
    warnings.push({ line: lineOf(node), message: 'nav is not a list; the pages are listed by path instead' });
    return [];
  }
  return node.items.flatMap((item) => {
    const entry = readEntry(item as Node, lineOf, warnings);
    return entry ? [entry] : [];
  });
};

const readEntry = (item: Node, lineOf: (node: Node | Pair) => number, warnings: { line: number; message: string }[]): MkdocsNavEntry | undefined => {
  const line = lineOf(item);
  if (isScalar(item) && typeof item.value === 'string') return { target: item.value, line };
  const pair = isMap(item) && item.items.length === 1 ? item.items[0] : undefined;
  if (pair && isScalar(pair.key)) {
    const title = String(pair.key.value);
    const value = pair.value as Node | null;
    if (isScalar(value) && typeof value.value === 'string') return { title, target: value.value, line };
    if (isSeq(value)) return { title, children: readMkdocsNav(value, lineOf, warnings), line };
  }
  warnings.push({ line, message: 'nav entry is not "- file.md", "- Title: file.md", "- Title: https://…" or "- Section: [ … ]"; it is skipped' });
  return undefined;
};
