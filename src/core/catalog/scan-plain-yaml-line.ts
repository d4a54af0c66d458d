/**
 * Line-level part of {@link scanPlainYaml}: one content line of plain YAML, read as block
 * sequence dashes, then a key and its value or a lone scalar, and what the line leaves open
 * for the next ones (a block scalar, a quoted scalar going on). Anything it is not sure of
 * is `UNSURE`.
 */

const SPACE = 0x20;
export const HASH = 0x23;
const COLON = 0x3a;
export const DASH = 0x2d;
const COMMA = 0x2c;
const SINGLE = 0x27;
const DOUBLE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_SEQ = 0x5b;
const CLOSE_SEQ = 0x5d;
const OPEN_MAP = 0x7b;
const CLOSE_MAP = 0x7d;

/**
 * What a content line leaves open for the next lines: nothing, a block scalar whose content
 * lines are indented more than `indent`, or a quoted scalar whose lines must be too.
 */
export type Continuation = { kind: 'none' } | { kind: 'unsure' } | { kind: 'block'; indent: number } | { kind: 'quoted'; quote: number; indent: number };

export const NONE: Continuation = { kind: 'none' };
export const UNSURE: Continuation = { kind: 'unsure' };

// A node may not start with these indicators on the fast path: explicit keys, anchors, aliases,
// tags, directives, reserved characters, flow collections (they could be keys) and stray flow punctuation.
const UNSURE_NODE_START = new Set([...'?&*!%@`[{|>,]}:'].map((char) => char.charCodeAt(0)));
const UNSURE_VALUE_START = new Set([...'?&*!%@`,]}:'].map((char) => char.charCodeAt(0)));
// Inside a flow collection, anything that could open another collection or a property.
const UNSURE_FLOW_START = new Set([...'?&*!%@`[{|>#,:'].map((char) => char.charCodeAt(0)));

export const isBreakOrEnd = (text: string, at: number, end: number): boolean => at >= end || text.charCodeAt(at) === SPACE;

const isFlowIndicator = (code: number): boolean => code === COMMA || code === OPEN_SEQ || code === CLOSE_SEQ || code === OPEN_MAP || code === CLOSE_MAP;

export const skipSpaces = (text: string, at: number, end: number): number => {
  while (at < end && text.charCodeAt(at) === SPACE) at++;
  return at;
};

/** End of a quoted scalar starting at `at` (just past the closing quote), or -1 when it goes on past the line. */
const skipQuoted = (text: string, at: number, end: number): number => {
  const quote = text.charCodeAt(at);
  for (let i = at + 1; i < end; i++) {
    const code = text.charCodeAt(i);
    if (quote === DOUBLE && code === BACKSLASH) i++;
    else if (code === quote) {
      if (quote === SINGLE && text.charCodeAt(i + 1) === SINGLE) i++;
      else return i + 1;
    }
  }
  return -1;
};

/** End of a plain scalar inside a flow collection: stops at flow indicators, `: ` and ` #`. */
const skipFlowPlain = (text: string, at: number, end: number): number => {
  let i = at;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (isFlowIndicator(code)) break;
    if (code === COLON && (i + 1 >= end || text.charCodeAt(i + 1) === SPACE || isFlowIndicator(text.charCodeAt(i + 1)))) break;
    if (code === HASH && text.charCodeAt(i - 1) === SPACE) return -1;
    i++;
  }
  return i;
};

/** One scalar entry of a flow collection (quoted or plain, never empty); returns its end or -1. */
const skipFlowScalar = (text: string, at: number, end: number): number => {
  const code = text.charCodeAt(at);
  if (UNSURE_FLOW_START.has(code) || isFlowIndicator(code)) return -1;
  if (code === DASH && isBreakOrEnd(text, at + 1, end)) return -1;
  if (code === SINGLE || code === DOUBLE) return skipQuoted(text, at, end);
  return skipFlowPlain(text, at, end);
};

/**
 * A flow collection of scalars that opens and closes on this line (`[a, "b"]`, `{a: 1}`);
 * returns where it ends, or -1. Nested collections, pairs in lists, empty entries, a trailing
 * comma or a comment inside make it unsure.
 */
const skipFlowCollection = (text: string, at: number, end: number): number => {
  const isMap = text.charCodeAt(at) === OPEN_MAP;
  const close = isMap ? CLOSE_MAP : CLOSE_SEQ;
  let i = skipSpaces(text, at + 1, end);
  if (text.charCodeAt(i) === close) return i + 1;
  while (i < end) {
    i = skipFlowScalar(text, i, end);
    if (i < 0) return -1;
    i = skipSpaces(text, i, end);
    if (isMap) {
      if (text.charCodeAt(i) !== COLON) return -1;
      i = skipSpaces(text, i + 1, end);
      i = skipFlowScalar(text, i, end);
      if (i < 0) return -1;
      i = skipSpaces(text, i, end);
    }
    const code = text.charCodeAt(i);
    if (code === close) return i + 1;
    if (code !== COMMA) return -1;
    i = skipSpaces(text, i + 1, end);
  }
  return -1;
};

/** After a complete node on this line only spaces may follow, and a comment after at least one space. */
export const restIsBlank = (text: string, at: number, end: number): boolean => {
  const next = skipSpaces(text, at, end);
  return next >= end || (next > at && text.charCodeAt(next) === HASH);
};

/** `|`, `>`, with an optional chomping indicator and comment; explicit indentation is unsure. */
const isBlockScalarHeader = (text: string, at: number, end: number): boolean => {
  const chomp = text.charCodeAt(at + 1);
  const afterChomp = chomp === 0x2b || chomp === DASH ? at + 2 : at + 1;
  return afterChomp >= end || (text.charCodeAt(afterChomp) === SPACE && restIsBlank(text, afterChomp, end));
};

/**
 * A quoted scalar going on to the next lines, which must be indented more than its key. An
 * escaped line break (`\` at the end of a double-quoted line) is read differently by parsers.
 */
const continueQuoted = (text: string, end: number, quote: number, indent: number): Continuation =>
  quote === DOUBLE && text.charCodeAt(end - 1) === BACKSLASH ? UNSURE : { kind: 'quoted', quote, indent };

/** The value after `key:` on the same line; `keyColumn` is the mapping's indentation. */
const scanValue = (text: string, at: number, end: number, keyColumn: number): Continuation => {
  const start = skipSpaces(text, at, end);
  if (start >= end) return NONE;
  const code = text.charCodeAt(start);
  if (code === HASH) return start > at ? NONE : UNSURE;
  if (UNSURE_VALUE_START.has(code)) return UNSURE;
  if (code === DASH && isBreakOrEnd(text, start + 1, end)) return UNSURE;
  if (code === 0x7c || code === 0x3e) return isBlockScalarHeader(text, start, end) ? { kind: 'block', indent: keyColumn } : UNSURE;
  if (code === OPEN_SEQ || code === OPEN_MAP) {
    const close = skipFlowCollection(text, start, end);
    return close >= 0 && restIsBlank(text, close, end) ? NONE : UNSURE;
  }
  if (code === SINGLE || code === DOUBLE) {
    const close = skipQuoted(text, start, end);
    if (close < 0) return continueQuoted(text, end, code, keyColumn);
    return restIsBlank(text, close, end) ? NONE : UNSURE;
  }
  return NONE;
};

/** A node at the start of a line (after any `- `): a key with its value, or a lone scalar. */
const scanNode = (text: string, at: number, end: number, lineStart: number): Continuation => {
  const code = text.charCodeAt(at);
  if (code === HASH) return NONE;
  if (UNSURE_NODE_START.has(code)) return UNSURE;
  if (code === SINGLE || code === DOUBLE) {
    // A quoted key or list item going on to the next line is unusual enough to leave to the full reader.
    const close = skipQuoted(text, at, end);
    if (close < 0) return UNSURE;
    if (restIsBlank(text, close, end)) return NONE;
    const colon = skipSpaces(text, close, end);
    if (text.charCodeAt(colon) !== COLON || !isBreakOrEnd(text, colon + 1, end)) return UNSURE;
    return scanValue(text, colon + 1, end, at - lineStart);
  }
  for (let i = at + 1; i < end; i++) {
    const next = text.charCodeAt(i);
    if (next === COLON && isBreakOrEnd(text, i + 1, end)) return scanValue(text, i + 1, end, at - lineStart);
    if (next === HASH && text.charCodeAt(i - 1) === SPACE) return NONE;
  }
  return NONE;
};

/** One content line, from its first non-space character `at`: block sequence dashes, then a node. */
export function scanPlainYamlLine(text: string, at: number, end: number, lineStart: number): Continuation {
  let i = at;
  while (text.charCodeAt(i) === DASH && isBreakOrEnd(text, i + 1, end)) {
    i = skipSpaces(text, i + 1, end);
    if (i >= end) return NONE;
  }
  return scanNode(text, i, end, lineStart);
}

/** A further line of a quoted scalar: does it close it, and is the rest of the line blank then? */
export function scanQuotedLine(text: string, at: number, end: number, quote: number): Continuation | 'open' {
  for (let i = at; i < end; i++) {
    const code = text.charCodeAt(i);
    if (quote === DOUBLE && code === BACKSLASH) i++;
    else if (code === quote) {
      if (quote === SINGLE && text.charCodeAt(i + 1) === SINGLE) i++;
      else return restIsBlank(text, i + 1, end) ? NONE : UNSURE;
    }
  }
  return quote === DOUBLE && text.charCodeAt(end - 1) === BACKSLASH ? UNSURE : 'open';
}
