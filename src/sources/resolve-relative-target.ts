import { posix } from 'node:path';

/** A URL scheme such as `https:` or `file:`; two letters minimum so `C:` drive letters are not taken for one. */
const schemePattern = /^([a-z][a-z0-9+.-]+):/i;

/** The lower-cased scheme of `target` (`https`, `file`...), or undefined when it is a path. */
export function findUrlScheme(target: string): string | undefined {
  return schemePattern.exec(target)?.[1]?.toLowerCase();
}

/** Whether `target` is an http(s) URL that a UrlReader can fetch. */
export function isHttpUrl(target: string): boolean {
  const scheme = findUrlScheme(target);
  return scheme === 'http' || scheme === 'https';
}

/**
 * Joins a relative `target` to the folder of `fromPath` (both source-relative, forward slashes).
 * A leading `/` means the root of the source. Returns undefined when the result climbs above the root,
 * so callers can word the error for their kind of source.
 */
export function resolveRelativeTarget(fromPath: string, target: string): { path: string } | undefined {
  const fromRoot = target.startsWith('/');
  const base = fromRoot ? '' : posix.dirname(fromPath);
  const path = posix.normalize(posix.join(base, target.replace(/^\/+/, '')));
  if (path === '..' || path.startsWith('../') || path === '.' || path === '') return undefined;
  return { path };
}
