/**
 * A bound on how much work one file may ask of the YAML reader, checked on the raw text in
 * one cheap pass before any parser builds anything. `yaml` spends about a kilobyte and several
 * microseconds per document, node and line, so text far under the 4 MiB size limit could still
 * cost a gigabyte and seconds: a million empty `---` documents, a million `- x` items, a
 * million blank lines (measured in docs/decisions/0001-yaml-fast-path.md).
 *
 * The counts are deliberately rough and err on the high side (a `, ` or `: ` inside a quoted
 * string counts too), so the limits are set well above real catalog files: a typical entity
 * is 20 to 40 nodes and 15 to 30 lines, and even an org-wide export of a few thousand users
 * or groups in one file stays under them. Both readers (the fast path and the full one) check
 * the same counts on the same text, so they always agree on which files are too big.
 */

/** Limits on the bulk of one file; every default is far above what a real catalog file needs. */
export interface YamlBulkLimits {
  /** Default 10,000: documents (`---` markers), each costing a full document object even when empty. */
  maxDocuments: number;
  /** Default 100,000: nodes, counted as list items, key/value pairs (two), flow entries, anchors and aliases. */
  maxNodes: number;
  /** Default 200,000: lines, blank and comment lines included (each is a token for the reader). */
  maxLines: number;
  /**
   * Default 2,000: keys in one mapping, checked on the parsed structure, not in the scan below:
   * `yaml` compares each new key with every earlier one, so a mapping costs the square of its
   * size. Real mappings (annotations, spec, template parameters) have tens of keys.
   */
  maxMappingEntries: number;
}

export const DEFAULT_BULK_LIMITS: YamlBulkLimits = { maxDocuments: 10_000, maxNodes: 100_000, maxLines: 200_000, maxMappingEntries: 2_000 };

/** Which limit the text went past, and the offset where it did (the scan stops there). */
export interface BulkOverflow {
  limit: 'maxDocuments' | 'maxNodes' | 'maxLines';
  offset: number;
}

const NEWLINE = 0x0a;
const RETURN = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const DASH = 0x2d;
const COLON = 0x3a;

/** A space, tab, line break or the end of the text after an indicator makes it one. */
const isSeparated = (text: string, at: number): boolean => {
  if (at >= text.length) return true;
  const code = text.charCodeAt(at);
  return code === SPACE || code === TAB || code === NEWLINE || code === RETURN;
};

const isDocumentMarker = (text: string, at: number): boolean =>
  text.charCodeAt(at) === DASH && text.charCodeAt(at + 1) === DASH && text.charCodeAt(at + 2) === DASH && isSeparated(text, at + 3);

/** Nodes an indicator character at `at` stands for (0 when it is not one). */
const nodesAt = (text: string, at: number, code: number): number => {
  switch (code) {
    case DASH:
      return isSeparated(text, at + 1) ? 1 : 0;
    case COLON:
      return isSeparated(text, at + 1) ? 2 : 0;
    case 0x2c: // , [ { & *
    case 0x5b:
    case 0x7b:
    case 0x26:
    case 0x2a:
      return 1;
    default:
      return 0;
  }
};

/** The first limit `text` goes past, or undefined; stops reading at that point. */
export function findBulkOverflow(text: string, limits: YamlBulkLimits = DEFAULT_BULK_LIMITS): BulkOverflow | undefined {
  let documents = 1;
  let nodes = 0;
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === NEWLINE) {
      if (++lines > limits.maxLines) return { limit: 'maxLines', offset: i + 1 };
      if (isDocumentMarker(text, i + 1) && ++documents > limits.maxDocuments) return { limit: 'maxDocuments', offset: i + 1 };
      continue;
    }
    if (code > COLON && code !== 0x5b && code !== 0x7b) continue; // most characters: letters
    nodes += nodesAt(text, i, code);
    if (nodes > limits.maxNodes) return { limit: 'maxNodes', offset: i };
  }
  return undefined;
}

const WHAT: Record<BulkOverflow['limit'], string> = { maxDocuments: 'YAML documents', maxNodes: 'YAML nodes', maxLines: 'lines' };

/** The problem text for an overflow: what, the limit, and what to do about it. */
export function describeBulkOverflow(overflow: BulkOverflow, limits: YamlBulkLimits = DEFAULT_BULK_LIMITS): string {
  const limit = limits[overflow.limit].toLocaleString('en-US');
  return `file has more than ${limit} ${WHAT[overflow.limit]} (the limit per file, which keeps one file from using too much memory); nothing in it was read: split it into several files`;
}
