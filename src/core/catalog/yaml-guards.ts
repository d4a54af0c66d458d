/**
 * Cheap checks that run before and around the YAML parser so that hostile or broken input
 * (huge files, bad bytes, deep nesting, alias loops) gives a problem instead of a hang or a
 * crashed process. Deep recursion inside `yaml` can even abort Node outright when the stack
 * runs out during a regular-expression compile, so depth must be bounded before composing.
 */
import type { CST } from 'yaml';

const MIB = 1024 * 1024;

const formatSize = (bytes: number): string => (bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MiB (${bytes} bytes)` : `${bytes} bytes`);

/** UTF-8 length of a string without encoding it; only called near the limit. */
const utf8Length = (text: string): number => {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++; // the low surrogate belongs to the same character
    } else bytes += 3;
  }
  return bytes;
};

/** Byte size when over `maxBytes`, else undefined. A string's length is a lower bound on its UTF-8 size. */
export function measureOversize(content: string | Uint8Array, maxBytes: number): string | undefined {
  if (typeof content !== 'string') return content.byteLength > maxBytes ? formatSize(content.byteLength) : undefined;
  if (content.length > maxBytes) return `more than ${formatSize(maxBytes)}`;
  if (content.length * 3 <= maxBytes) return undefined;
  const bytes = utf8Length(content);
  return bytes > maxBytes ? formatSize(bytes) : undefined;
}

export const describeLimit = formatSize;

/** Length of a valid UTF-8 sequence starting at `i`, or 0 when the bytes there are invalid. */
const sequenceLength = (bytes: Uint8Array, i: number): number => {
  const lead = bytes[i]!;
  const need = lead < 0x80 ? 0 : lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : -1;
  if (need < 0) return 0;
  for (let k = 1; k <= need; k++) {
    const next = bytes[i + k];
    if (next === undefined || (next & 0xc0) !== 0x80) return 0;
  }
  // Overlong forms, surrogates and code points past U+10FFFF are invalid too.
  const second = bytes[i + 1] ?? 0;
  if (lead === 0xe0 && second < 0xa0) return 0;
  if (lead === 0xed && second > 0x9f) return 0;
  if (lead === 0xf0 && second < 0x90) return 0;
  if (lead === 0xf4 && second > 0x8f) return 0;
  return need + 1;
};

/** Offset, line and column of the first byte that is not valid UTF-8; only called after decoding failed. */
export function findInvalidUtf8(bytes: Uint8Array): { offset: number; line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length;) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return { offset: i, line, column: i - lineStart + 1 };
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
    i += length;
  }
  return { offset: bytes.length, line, column: bytes.length - lineStart + 1 };
}

/**
 * Offset where flow brackets nest deeper than `limit`, or -1. Brackets inside strings count
 * too, so callers pass a limit well above the real depth limit; the exact check runs on the CST.
 */
export function findBracketOverflow(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return i;
    } else if ((code === 0x5d || code === 0x7d) && depth > 0) depth--;
  }
  return -1;
}

/** What {@link measureCstShape} found in one CST document. */
export interface CstShape {
  tooDeep: boolean;
  hasAlias: boolean;
  /** Offset of a mapping with more than the allowed entries, if any. */
  wideMappingAt?: number;
}

const isMapping = (token: CST.Token): boolean => token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{');

/**
 * Collection nesting of one CST document (what the composed value would have, aliases aside),
 * and whether a mapping has more than `maxEntries` entries: `yaml` checks each new key against
 * every earlier one, so composing a mapping costs the square of its size (50,000 keys took 40 s).
 */
export function measureCstShape(root: CST.Token | undefined, limits: { maxDepth: number; maxEntries: number }): CstShape {
  let hasAlias = false;
  const stack: Array<[CST.Token, number]> = root ? [[root, 0]] : [];
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (token.type === 'alias') hasAlias = true;
    if (!('items' in token)) continue;
    if (depth + 1 > limits.maxDepth) return { tooDeep: true, hasAlias };
    if (token.items.length > limits.maxEntries && isMapping(token)) return { tooDeep: false, hasAlias, wideMappingAt: token.offset };
    for (const item of token.items) {
      if (item.key) stack.push([item.key, depth + 1]);
      if (item.value) stack.push([item.value, depth + 1]);
    }
  }
  return { tooDeep: false, hasAlias };
}

/** Whether a composed value nests deeper than `limit`; also catches alias cycles, which never end. */
export function exceedsDepth(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}
