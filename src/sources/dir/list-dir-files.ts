import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '../../core/ports.ts';
import { createPathMatcher } from '../create-path-matcher.ts';
import { BatchedSyncQueue } from './batched-sync-queue.ts';
import { walkDir } from './walk-dir.ts';

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
  queue: BatchedSyncQueue;
}

/** Filesystem timestamps can be coarse (1-2 s); only trust a cached hash if the file was older than that then. */
const racyWindowMs = 2_500;

/** Finds the files matching `patterns` under `root` (see walkDir) and fingerprints each, sorted by path. */
export async function listDirFiles({ root, patterns, cache, queue }: ListDirFilesOptions): Promise<SourceFile[]> {
  const paths = await walkDir(root, createPathMatcher(patterns));
  const files = await Promise.all(paths.map((path) => queue.run(() => fingerprintFile(root, path, cache))));
  const seen = new Set(paths);
  for (const path of cache.keys()) if (!seen.has(path)) cache.delete(path);
  return files.filter((file): file is SourceFile => file !== undefined);
}

function fingerprintFile(root: string, path: string, cache: Map<string, HashedFileStat>): SourceFile | undefined {
  try {
    const cached = cache.get(path);
    if (cached && isSameFile(cached, statSync(join(root, path)))) return { path, hash: cached.hash };
    const hashedAtMs = Date.now();
    const { content, stats } = readWithStats(join(root, path));
    const hash = hashContent(content);
    cache.set(path, { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino, hash, hashedAtMs });
    return { path, hash };
  } catch (error) {
    // Deleted between the walk and the read: it simply is not part of this listing.
    if (isMissingFileError(error)) return undefined;
    throw error;
  }
}

/** One open for both content and stats (a separate stat would cost a second path lookup per file). */
function readWithStats(file: string): { content: Buffer; stats: Stats } {
  const fd = openSync(file, 'r');
  try {
    const stats = fstatSync(fd);
    const content = Buffer.allocUnsafe(stats.size);
    let read = 0;
    while (read < stats.size) {
      const count = readSync(fd, content, read, stats.size - read, read);
      if (count === 0) break;
      read += count;
    }
    return { content: content.subarray(0, read), stats };
  } finally {
    closeSync(fd);
  }
}

function isSameFile(cached: HashedFileStat, stats: Stats): boolean {
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
