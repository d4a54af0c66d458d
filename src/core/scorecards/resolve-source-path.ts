/**
 * Paths of `file` checks: relative to the folder of the entity's catalog file, or to the source root when they start
 * with `/`. Resolved purely to one source-relative path (`services/a/README.md`, no leading slash) that an adapter
 * reads at the synced commit; `..` may climb folders but never above the source root.
 */

/** A file path as a check wrote it, checked and split once when the Scorecard is read. */
export interface SourcePath {
  written: string;
  fromRoot: boolean;
  /** Without empty and `.` steps; `..` kept (from the root, already applied). */
  segments: readonly string[];
  /** `segments` joined: the whole answer from the root, or the part after the folder when nothing climbs. */
  joined: string;
  climbs: boolean;
}

export type ParseSourcePathResult = { ok: true; path: SourcePath } | { ok: false; message: string };
export type SourcePathResult = { ok: true; path: string } | { ok: false; message: string };

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
/** A catalog file path that needs normalising before its folder can be sliced off: `./a`, `/a`, `a//b`, `a/../b`. */
const UNTIDY = /(^|\/)\.{1,2}(\/|$)|\/\/|^\//;

const stepsOf = (path: string): string[] => path.split('/').filter((segment) => segment !== '' && segment !== '.');

const applySteps = (base: readonly string[], segments: readonly string[], written: string): SourcePathResult => {
  const out = [...base];
  for (const segment of segments) {
    if (segment !== '..') out.push(segment);
    else if (out.length === 0) return { ok: false, message: `"${written}" leaves the source root through ".."` };
    else out.pop();
  }
  if (out.length === 0) return { ok: false, message: `"${written}" names the source root, not a file` };
  return { ok: true, path: out.join('/') };
};

/** Checks a path as written, whatever the entity: done when the Scorecard is validated. */
export function parseSourcePath(path: string): ParseSourcePathResult {
  if (path === '') return { ok: false, message: 'it is empty' };
  if (URL_LIKE.test(path)) return { ok: false, message: 'a path inside the entity’s source, not a URL' };
  if (path.includes('\\')) return { ok: false, message: 'write / between folders, not \\' };
  if (path.includes('\u0000')) return { ok: false, message: 'it holds a NUL character' };
  const segments = stepsOf(path);
  if (path.endsWith('/') || segments.length === 0 || segments[segments.length - 1] === '..') return { ok: false, message: 'it names a folder; name a file' };
  const fromRoot = path.startsWith('/');
  if (!fromRoot) return { ok: true, path: { written: path, fromRoot, segments, joined: segments.join('/'), climbs: segments.includes('..') } };
  // From the root, an escape is known now; a relative path can only be judged against a catalog file.
  const resolved = applySteps([], segments, path);
  if (!resolved.ok) return resolved;
  return { ok: true, path: { written: path, fromRoot, segments: resolved.path.split('/'), joined: resolved.path, climbs: false } };
}

/** The catalog file's folder as steps, or undefined when the file path itself climbs out of the source. */
const folderStepsOf = (catalogFile: string): string[] | undefined => {
  const steps = stepsOf(catalogFile);
  steps.pop(); // the file name
  return steps.includes('..') ? undefined : steps;
};

/**
 * The source-relative path a check's path names for an entity read from `catalogFile` (itself source-relative; a
 * leading `/` or `./` is ignored). Refuses paths that leave the source root. Runs for every file check of every
 * entity, so the common case (a tidy catalog path, nothing climbing) is two string operations.
 */
export function resolveSourcePath(catalogFile: string, path: string | SourcePath): SourcePathResult {
  let parsed: SourcePath;
  if (typeof path === 'string') {
    const read = parseSourcePath(path);
    if (!read.ok) return read;
    parsed = read.path;
  } else parsed = path;
  if (parsed.fromRoot) return { ok: true, path: parsed.joined };
  if (!parsed.climbs && !UNTIDY.test(catalogFile)) {
    return { ok: true, path: catalogFile.slice(0, catalogFile.lastIndexOf('/') + 1) + parsed.joined };
  }
  const folder = folderStepsOf(catalogFile);
  if (!folder) return { ok: false, message: `the catalog file "${catalogFile}" is not a path inside the source` };
  return applySteps(folder, parsed.segments, parsed.written);
}
