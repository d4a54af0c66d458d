import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import type { SourceFile } from '../../core/ports.ts';
import { comparePaths } from '../compute-source-version.ts';
import { mapWithConcurrency } from '../map-with-concurrency.ts';

/** What we knew about a file when we last hashed it; lets a re-open skip reading unchanged files. */
export interface HashedFileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  hash: string;
  hashedAtMs: number;
}

export interface ListDirFilesOptions {
  root: string;
  patterns: readonly string[];
  /** Per-path cache, updated in place; pass the same map on every open of one source. */
  cache: Map<string, HashedFileStat>;
}

/** Filesystem timestamps can be coarse (1-2 s); only trust a cached hash if the file was older than that then. */
const racyWindowMs = 2_500;
const ioConcurrency = 64;

/** Globs `patterns` under `root` (skipping node_modules, .git and symlinks) and fingerprints each match, sorted by path. */
export async function listDirFiles({ root, patterns, cache }: ListDirFilesOptions): Promise<SourceFile[]> {
  const paths = await glob([...patterns], {
    cwd: root,
    ignore: ['**/node_modules/**', '**/.git/**'],
    dot: true,
    onlyFiles: true,
    expandDirectories: false,
    // Links could lead out of the folder; the git source leaves them out too.
    followSymbolicLinks: false,
  });
  paths.sort(comparePaths);
  const files = await mapWithConcurrency(paths, ioConcurrency, (path) => fingerprintFile(root, path, cache));
  const seen = new Set(paths);
  for (const path of cache.keys()) if (!seen.has(path)) cache.delete(path);
  return files.filter((file): file is SourceFile => file !== undefined);
}

async function fingerprintFile(
  root: string,
  path: string,
  cache: Map<string, HashedFileStat>,
): Promise<SourceFile | undefined> {
  try {
    const stats = await stat(join(root, path));
    const cached = cache.get(path);
    if (cached && isSameFile(cached, stats)) return { path, hash: cached.hash };
    const hashedAtMs = Date.now();
    const hash = hashContent(await readFile(join(root, path)));
    cache.set(path, { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino, hash, hashedAtMs });
    return { path, hash };
  } catch (error) {
    // Deleted between the glob and the read: it simply is not part of this listing.
    if (isMissingFileError(error)) return undefined;
    throw error;
  }
}

function isSameFile(cached: HashedFileStat, stats: { size: number; mtimeMs: number; ctimeMs: number; ino: number }): boolean {
  return (
    cached.size === stats.size &&
    cached.mtimeMs === stats.mtimeMs &&
    cached.ctimeMs === stats.ctimeMs &&
    cached.ino === stats.ino &&
    cached.hashedAtMs - Math.max(stats.mtimeMs, stats.ctimeMs) > racyWindowMs
  );
}

/** sha1 of the bytes: the fingerprint DirSource promises in SourceFile.hash. */
export function hashContent(content: Buffer): string {
  return createHash('sha1').update(content).digest('hex');
}

/** ENOENT, or a path that is a folder or runs through a file. */
export function isMissingFileError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}
