import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedTarget, SourceFile, SourceFileContent, SourceReadout } from '../../core/ports.ts';
import { findUrlScheme, isHttpUrl, resolveRelativeTarget } from '../resolve-relative-target.ts';
import type { BatchedSyncQueue } from './batched-sync-queue.ts';
import { createGlobMatcher, staticBaseOf } from '../glob-matcher.ts';
import { hashContent, isMissingFileError } from './list-dir-files.ts';
import { isSkippedFolder } from '../skipped-folders.ts';
import { walkDir } from './walk-dir.ts';

export interface DirReadoutInit {
  /** Absolute folder as configured. */
  root: string;
  /** The same folder with symlinks resolved, to catch links that point out of it. */
  realRoot: string;
  files: SourceFile[];
  version: string;
  queue: BatchedSyncQueue;
}

/** One listing of a local folder. Reads go to the disk, so content may be newer than the listing. */
export class DirReadout implements SourceReadout {
  readonly version: string;
  /** The version digests listed files only; a Location target outside the patterns can change unseen. */
  readonly versionCoversEveryFile = false;
  private readonly init: DirReadoutInit;

  constructor(init: DirReadoutInit) {
    this.init = init;
    this.version = init.version;
  }

  async listFiles(): Promise<SourceFile[]> {
    return [...this.init.files];
  }

  async readFile(path: string): Promise<SourceFileContent | undefined> {
    const absolute = this.findInsideRoot(resolve(this.init.root, path));
    if (absolute === undefined) return undefined;
    return this.init.queue.run(() => this.readInsideRoot(absolute));
  }

  /** Walks only the folder the glob is fixed to, with the same rules as the listing (no symlinks, no node_modules). */
  async findFiles(pattern: string): Promise<string[]> {
    const base = staticBaseOf(pattern);
    const folder = this.findInsideRoot(resolve(this.init.root, base)) ?? (base === '' ? this.init.root : undefined);
    if (folder === undefined || isSkippedFolder(base) || !this.isRealFolder(folder)) return [];
    const isMatch = createGlobMatcher(pattern);
    const prefix = base === '' ? '' : `${base}/`;
    const paths = await walkDir(folder, (path) => isMatch(prefix + path));
    return paths.map((path) => prefix + path);
  }

  resolve(fromPath: string, target: string): ResolvedTarget {
    if (isHttpUrl(target)) return { url: target };
    const scheme = findUrlScheme(target);
    if (scheme === 'file') return this.resolveAbsolute(target, toFilePath(target));
    if (scheme !== undefined) {
      return { error: `target "${target}" uses the unsupported scheme "${scheme}:"; use a relative path or an http(s) URL` };
    }
    if (isAbsolute(target)) return this.resolveAbsolute(target, target);
    const resolved = resolveRelativeTarget(fromPath, target);
    return resolved ?? this.outsideError(target);
  }

  displayPath(path: string): string {
    return join(this.init.root, path);
  }

  async close(): Promise<void> {}

  private resolveAbsolute(target: string, absolute: string | undefined): ResolvedTarget {
    const inside = absolute === undefined ? undefined : this.findInsideRoot(resolve(absolute));
    if (inside === undefined) return this.outsideError(target);
    return { path: relative(this.init.root, inside).split(sep).join('/') };
  }

  /** Follows links only as long as they stay inside the (real) folder. */
  private readInsideRoot(absolute: string): SourceFileContent | undefined {
    try {
      const real = realpathSync.native(absolute);
      if (!isInside(this.init.realRoot, real)) return undefined;
      const content = readFileSync(real);
      return { content, hash: hashContent(content) };
    } catch (error) {
      if (isMissingFileError(error)) return undefined;
      throw error;
    }
  }

  /**
   * Whether `folder` is a folder reached without passing a symlink: the walk itself never follows links,
   * and the folder it starts from must not be one either (it could lead anywhere on the disk).
   */
  private isRealFolder(folder: string): boolean {
    try {
      const expected = resolve(this.init.realRoot, relative(this.init.root, folder));
      return realpathSync.native(folder) === expected && statSync(folder).isDirectory();
    } catch {
      return false;
    }
  }

  private findInsideRoot(absolute: string): string | undefined {
    return isInside(this.init.root, absolute) && absolute !== this.init.root ? absolute : undefined;
  }

  private outsideError(target: string): ResolvedTarget {
    return { error: `target "${target}" resolves outside the source folder ${this.init.root}` };
  }
}

function isInside(root: string, absolute: string): boolean {
  const rel = relative(root, absolute);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function toFilePath(url: string): string | undefined {
  try {
    return fileURLToPath(url);
  } catch {
    return undefined;
  }
}
