/**
 * Paths of `file` checks: relative to the folder of the entity's catalog file, or to the source root when they start
 * with `/`. Resolved purely to one source-relative path (`services/a/README.md`, no leading slash) that an adapter
 * reads at the synced commit; `..` may climb folders but never above the source root.
 */

export type SourcePathResult = { ok: true; path: string } | { ok: false; message: string };

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** What is wrong with a path as written, whatever the entity: checked when the Scorecard is validated. */
export function parseSourcePath(path: string): SourcePathResult {
  if (path === '') return { ok: false, message: 'it is empty' };
  if (URL_LIKE.test(path)) return { ok: false, message: 'a path inside the entity’s source, not a URL' };
  if (path.includes('\\')) return { ok: false, message: 'write / between folders, not \\' };
  if (path.includes('\u0000')) return { ok: false, message: 'it holds a NUL character' };
  if (path.endsWith('/')) return { ok: false, message: 'it names a folder; name a file' };
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0 || segments[segments.length - 1] === '..') return { ok: false, message: 'it names a folder; name a file' };
  // From the root, an escape is known now; a relative path can only be judged against a catalog file.
  return path.startsWith('/') ? resolveSegments([], segments, path) : { ok: true, path };
}

const resolveSegments = (base: readonly string[], segments: readonly string[], written: string): SourcePathResult => {
  const out = [...base];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') out.push(segment);
    else if (out.length === 0) return { ok: false, message: `"${written}" leaves the source root through ".."` };
    else out.pop();
  }
  if (out.length === 0) return { ok: false, message: `"${written}" names the source root, not a file` };
  return { ok: true, path: out.join('/') };
};

/**
 * The source-relative path a check's `path` names for an entity read from `catalogFile` (itself source-relative,
 * a leading `/` or `./` is ignored). Refuses paths that leave the source root.
 */
export function resolveSourcePath(catalogFile: string, path: string): SourcePathResult {
  const written = parseSourcePath(path);
  if (!written.ok) return written;
  if (path.startsWith('/')) return written;
  const folder = catalogFile.split('/').filter((segment) => segment !== '' && segment !== '.');
  folder.pop(); // the file name
  if (folder.includes('..')) return { ok: false, message: `the catalog file "${catalogFile}" is not a path inside the source` };
  return resolveSegments(folder, path.split('/'), path);
}
