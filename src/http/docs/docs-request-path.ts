import type { HttpRequest } from '../http-types.ts';

/** A request path below `/docs/` split into decoded segments, or refused. */
export type DocsRequestPath = { ok: true; segments: string[]; trailingSlash: boolean } | { ok: false };

// After one decoding a segment must be a plain name: no separator of either kind, no control character (NUL
// included), no Windows drive (`C:`), and no percent-escape left over (`%252e` is `%2e` once decoded: a second
// decoding somewhere else would make it `.`).
const UNSAFE_DECODED = /[/\\]|^[A-Za-z]:|%[0-9A-Fa-f]{2}/;

/** NUL and the other C0 controls, and DEL: no file name of a docs folder holds one. */
const hasControlCharacter = (text: string): boolean => [...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);

const decodeSegment = (segment: string): string | undefined => {
  try {
    const decoded = decodeURIComponent(segment);
    if (decoded === '.' || decoded === '..' || UNSAFE_DECODED.test(decoded) || hasControlCharacter(decoded)) return undefined;
    return decoded;
  } catch {
    return undefined;
  }
};

/**
 * Reads the path a client sent for a docs route and refuses every traversal form before anything is looked up:
 * `..` and `.` segments (plain or percent-encoded, any case), double encoding, backslashes (`\`, `%5c`), NUL and
 * other control characters, empty segments (`//`, which also make an absolute path), and drive letters. The raw
 * path is read because the server's URL parsing has already resolved `..` and `\` in `path`.
 */
export const readDocsRequestPath = (request: Pick<HttpRequest, 'path' | 'rawPath'>): DocsRequestPath => {
  const raw = request.rawPath ?? request.path;
  if (!raw.startsWith('/docs/') && raw !== '/docs') return { ok: false };
  if (raw.includes('\\') || hasControlCharacter(raw)) return { ok: false };
  const trailingSlash = raw.endsWith('/');
  const parts = raw.slice(1, trailingSlash ? -1 : undefined).split('/');
  const segments: string[] = [];
  for (const part of parts) {
    const decoded = part === '' ? undefined : decodeSegment(part);
    if (decoded === undefined) return { ok: false };
    segments.push(decoded);
  }
  return { ok: true, segments: segments.slice(1), trailingSlash };
};
