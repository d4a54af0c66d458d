/**
 * A cheap, conservative line scanner for the fast path of {@link readPlainYaml}: it accepts
 * only the plain YAML that catalog files are made of (block mappings and sequences, plain and
 * quoted scalars, `|`/`>` block scalars, one-line flow lists and mappings of scalars) and
 * answers "unsure" for anything else: anchors, aliases, tags, directives, explicit `?` keys,
 * collections as keys, multi-line flow collections, tabs. Unsure costs only speed, since the
 * caller then reads the file with the full reader; being wrong would cost correctness, so
 * every doubt is answered with unsure.
 */
import type { SourcePosition } from './yaml-locate.ts';
import {
  DASH,
  HASH,
  NONE,
  UNSURE,
  isBreakOrEnd,
  restIsBlank,
  scanPlainYamlLine,
  scanQuotedLine,
  skipSpaces,
  type Continuation,
} from './scan-plain-yaml-line.ts';

// Characters the scanner does not want to reason about anywhere: tabs, controls, line and
// paragraph separators, byte-order marks, non-characters, lone carriage returns.
// (Two tests: a plain character class is much faster to run than one with a lookahead.)
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const AWKWARD = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\t]/;
const LONE_CARRIAGE_RETURN = /\r(?!\n)/;

const isAwkward = (text: string): boolean => AWKWARD.test(text) || (text.includes('\r') && LONE_CARRIAGE_RETURN.test(text));

/** `---` or `...` at the start of a line, followed by a space or the end of the line. */
const markerAt = (text: string, at: number, end: number): number => {
  const code = text.charCodeAt(at);
  if ((code !== DASH && code !== 0x2e) || text.charCodeAt(at + 1) !== code || text.charCodeAt(at + 2) !== code) return 0;
  return isBreakOrEnd(text, at + 3, end) ? code : 0;
};

/** A block scalar being skipped: its content lines are not YAML structure. */
interface BlockScalar {
  indent: number;
  /** Indentation of its first non-blank line, -1 before it. */
  contentIndent: number;
  /** Most spaces on a blank line before the first non-blank one. */
  leadingBlank: number;
}

/**
 * One line while a block scalar is open: 'content', 'end' (this line is structure again) or
 * 'unsure'. Blank lines more indented than the first content line, lines between the two
 * indentations and block scalars without content are read differently by different parsers.
 */
const scanBlockLine = (block: BlockScalar, indent: number, blank: boolean): 'content' | 'end' | 'unsure' => {
  if (blank) {
    if (block.contentIndent < 0) block.leadingBlank = Math.max(block.leadingBlank, indent);
    return 'content';
  }
  if (indent <= block.indent) return block.contentIndent < 0 ? 'unsure' : 'end';
  if (block.contentIndent < 0) {
    if (block.leadingBlank > indent) return 'unsure';
    block.contentIndent = indent;
  }
  return indent < block.contentIndent ? 'unsure' : 'content';
};

/**
 * Scans `text` line by line. Returns where each document that has content starts (its first
 * line that is neither blank nor a comment, at its first character: where the full reader
 * places the document), or undefined when the text is not plain enough to be sure.
 */
export function scanPlainYaml(text: string): SourcePosition[] | undefined {
  if (isAwkward(text)) return undefined;
  const starts: SourcePosition[] = [];
  let documentHasContent = false;
  let open: Continuation = NONE;
  let block: BlockScalar | undefined;
  let line = 0;
  for (let lineStart = 0; lineStart < text.length;) {
    let end = text.indexOf('\n', lineStart);
    const nextLine = end < 0 ? text.length : end + 1;
    if (end < 0) end = text.length;
    if (end > lineStart && text.charCodeAt(end - 1) === 0x0d) end--;
    line++;
    const at = skipSpaces(text, lineStart, end);
    const indent = at - lineStart;
    const blank = at >= end;
    lineStart = nextLine;
    if (block) {
      const verdict = scanBlockLine(block, indent, blank);
      if (verdict === 'unsure') return undefined;
      if (verdict === 'content') continue;
      block = undefined;
    }
    if (open.kind === 'quoted') {
      if (blank) continue;
      if (indent <= open.indent) return undefined;
      const closed = scanQuotedLine(text, at, end, open.quote);
      if (closed === UNSURE) return undefined;
      if (closed === NONE) open = NONE;
      continue;
    }
    if (blank || text.charCodeAt(at) === HASH) continue;
    if (indent === 0) {
      const marker = markerAt(text, at, end);
      if (marker === 0x2e || text.charCodeAt(at) === 0x25) return undefined;
      if (marker === DASH) {
        if (!restIsBlank(text, at + 3, end)) return undefined;
        documentHasContent = false;
        continue;
      }
    }
    if (!documentHasContent) starts.push({ line, column: indent + 1 });
    documentHasContent = true;
    open = scanPlainYamlLine(text, at, end, at - indent);
    if (open.kind === 'unsure') return undefined;
    if (open.kind === 'block') {
      block = { indent: open.indent, contentIndent: -1, leadingBlank: 0 };
      open = NONE;
    }
  }
  if (open.kind === 'quoted') return undefined;
  // js-yaml adds a missing final line break before reading, which changes a block scalar ending there.
  if (block && (block.contentIndent < 0 || !text.endsWith('\n'))) return undefined;
  return starts;
}
