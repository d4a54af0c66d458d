import { Composer, LineCounter, Parser, type CST, type Document } from 'yaml';
import { DEFAULT_BULK_LIMITS, describeBulkOverflow, findBulkOverflow, type YamlBulkLimits } from './yaml-bulk.ts';
import { describeLimit, exceedsDepth, findBracketOverflow, findInvalidUtf8, measureCstShape, measureOversize } from './yaml-guards.ts';

/** Limits on one YAML input; every default is far above what a real catalog file needs. */
export interface YamlLimits extends Partial<YamlBulkLimits> {
  /** Default 4 MiB. */
  maxBytes?: number;
  /** Default 100, as in `yaml` and Backstage: expanding more aliases is treated as an alias bomb. */
  maxAliasCount?: number;
  /** Maximum nesting of mappings and lists; default 64. */
  maxDepth?: number;
}

/** A problem found while reading YAML, positioned when it can be (1-based). */
export interface YamlFault {
  severity: 'error' | 'warning';
  message: string;
  line?: number;
  column?: number;
}

/** One document that composed without error and is not empty. */
export interface ComposedDocument {
  index: number;
  value: unknown;
  node: Document.Parsed;
}

export interface ComposedYaml {
  documents: ComposedDocument[];
  faults: YamlFault[];
  lineCounter: LineCounter;
}

const DEFAULTS = { maxBytes: 4 * 1024 * 1024, maxAliasCount: 100, maxDepth: 64, ...DEFAULT_BULK_LIMITS };
// Brackets inside quoted strings and block scalars count in the raw scan, hence the wide margin.
const BRACKET_MARGIN = 16;
// YAML 1.2 core schema as Backstage uses it, merge keys off; explicit YAML 1.1 tags such as
// !!binary or !!set stay unresolved (a warning) so every value stays plain JSON.
const PARSE_OPTIONS = { merge: false, prettyErrors: false, resolveKnownTags: false, schema: 'core', version: '1.2' } as const;

const decoder = new TextDecoder('utf-8', { fatal: true });

const failed = (fault: YamlFault): ComposedYaml => ({ documents: [], faults: [fault], lineCounter: new LineCounter() });

const decode = (content: string | Uint8Array): string | YamlFault => {
  if (typeof content === 'string') return content;
  try {
    return decoder.decode(content);
  } catch {
    const at = findInvalidUtf8(content);
    return { severity: 'error', message: `file is not valid UTF-8: invalid byte at offset ${at.offset}`, line: at.line, column: at.column };
  }
};

const positionOf = (text: string, offset: number): { line: number; column: number } => {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
};

/** yaml's messages sometimes embed the position; ours carry it separately. */
const cleanMessage = (message: string): string => message.replace(/ at line \d+, column \d+[\s\S]*$/, '').split('\n')[0]!;

type DocumentStatus = 'ok' | 'too-deep' | 'too-wide' | 'aliased';

/** What the CST check found for one document; `offset` is where a refused document's content (or wide mapping) began. */
interface DocumentCheck {
  status: DocumentStatus;
  offset?: number;
}

/** What the CST says about one document, before composing it costs anything. */
const checkDocument = (token: CST.Document, limits: typeof DEFAULTS): DocumentCheck => {
  const shape = measureCstShape(token.value, { maxDepth: limits.maxDepth, maxEntries: limits.maxMappingEntries });
  if (shape.tooDeep) return { status: 'too-deep', offset: token.value?.offset ?? token.offset };
  if (shape.wideMappingAt !== undefined) return { status: 'too-wide', offset: shape.wideMappingAt };
  return { status: shape.hasAlias ? 'aliased' : 'ok' };
};

/** Parses the CST and composes documents, replacing any document nested too deep or too wide by an empty one. */
const composeDocuments = (text: string, lineCounter: LineCounter, limits: typeof DEFAULTS) => {
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer(PARSE_OPTIONS);
  const checks: DocumentCheck[] = [];
  const nodes: Document.Parsed[] = [];
  for (const token of parser.parse(text)) {
    let next: CST.Token = token;
    if (token.type === 'document') {
      const check = checkDocument(token, limits);
      checks.push(check);
      // A refused document reaches the composer empty; the check remembers where its content began.
      if (check.status === 'too-deep' || check.status === 'too-wide') next = { ...token, value: undefined };
    }
    for (const node of composer.next(next)) nodes.push(node);
  }
  for (const node of composer.end(true, text.length)) nodes.push(node);
  return { nodes, checks };
};

const faultAt = (severity: YamlFault['severity'], message: string, offset: number, lineCounter: LineCounter): YamlFault => {
  const { line, col } = lineCounter.linePos(offset);
  return { severity, message, line, column: col };
};

/** Converts one composed document to a plain value, or explains why it cannot be used. */
const toValue = (node: Document.Parsed, status: DocumentStatus, limits: typeof DEFAULTS): { value: unknown } | { error: string } => {
  if (status === 'too-deep') return { error: `document nests mappings and lists more than ${limits.maxDepth} levels deep` };
  if (status === 'too-wide') {
    const limit = limits.maxMappingEntries.toLocaleString('en-US');
    return { error: `mapping has more than ${limit} keys (the limit per mapping, which keeps reading it fast); split it or move data out of the catalog` };
  }
  if (node.errors.length > 0) return { error: `YAML syntax error: ${cleanMessage(node.errors[0]!.message)}` };
  let value: unknown;
  try {
    value = node.toJS({ json: true, maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    if (error instanceof ReferenceError) {
      return { error: `document expands aliases beyond the limit of ${limits.maxAliasCount} (an alias bomb?)` };
    }
    // The CST check bounds nesting, so a stack overflow here is a last line of defence.
    if (error instanceof RangeError) return { error: `document is nested too deeply to read (${error.message})` };
    throw error;
  }
  // Aliases can nest a value deeper than its text, or make it refer to itself.
  if (status === 'aliased' && exceedsDepth(value, limits.maxDepth)) {
    return { error: `document nests more than ${limits.maxDepth} levels deep through aliases, or refers to itself` };
  }
  return { value };
};

/**
 * The text of `content` when it is within the default size limit and valid UTF-8, else
 * undefined ({@link composeYaml} then explains what is wrong). Decoding once lets a fast
 * reader try the text before the full one.
 */
export function decodeYamlText(content: string | Uint8Array): string | undefined {
  if (measureOversize(content, DEFAULTS.maxBytes)) return undefined;
  const text = decode(content);
  return typeof text === 'string' ? text : undefined;
}

/**
 * Reads YAML text or bytes into plain values, one per non-empty document, with a fault for
 * each document that cannot be used; other documents still come back (partial success).
 */
export function composeYaml(content: string | Uint8Array, limitsInput: YamlLimits = {}): ComposedYaml {
  const limits = { ...DEFAULTS, ...limitsInput };
  const oversize = measureOversize(content, limits.maxBytes);
  if (oversize) return failed({ severity: 'error', message: `file is ${oversize}; the limit is ${describeLimit(limits.maxBytes)}` });
  const text = decode(content);
  if (typeof text !== 'string') return failed(text);
  const overflow = findBracketOverflow(text, limits.maxDepth * BRACKET_MARGIN);
  if (overflow >= 0) {
    const message = `file nests brackets more than ${limits.maxDepth * BRACKET_MARGIN} levels deep; the limit is ${limits.maxDepth}`;
    return failed({ severity: 'error', message, ...positionOf(text, overflow) });
  }
  const bulk = findBulkOverflow(text, limits);
  if (bulk) return failed({ severity: 'error', message: describeBulkOverflow(bulk, limits), ...positionOf(text, bulk.offset) });
  const lineCounter = new LineCounter();
  const { nodes, checks } = composeDocuments(text, lineCounter, limits);
  const documents: ComposedDocument[] = [];
  const faults: YamlFault[] = [];
  nodes.forEach((node, index) => {
    for (const warning of node.warnings) faults.push(faultAt('warning', cleanMessage(warning.message), warning.pos[0], lineCounter));
    const check = checks[index] ?? { status: 'ok' };
    if (node.contents === null && check.status === 'ok' && node.errors.length === 0) return; // empty document: skipped
    const result = toValue(node, check.status, limits);
    const offset = check.offset ?? node.errors[0]?.pos[0] ?? node.contents?.range[0] ?? node.range[0];
    if ('error' in result) faults.push(faultAt('error', result.error, offset, lineCounter));
    else if (result.value !== null) documents.push({ index, value: result.value, node });
  });
  return { documents, faults, lineCounter };
}
