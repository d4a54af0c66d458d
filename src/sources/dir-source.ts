import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { InvalidInputError, SourceUnavailableError } from '../core/errors.ts';
import type { CatalogSource, PreviousSourceState, SourceReadout } from '../core/ports.ts';
import { computeSourceVersion } from './compute-source-version.ts';
import { BatchedSyncQueue } from './dir/batched-sync-queue.ts';
import { DirReadout } from './dir/dir-readout.ts';
import { listDirFiles, type HashedFileStat } from './dir/list-dir-files.ts';

/** Options of {@link DirSource}. */
export interface DirSourceOptions {
  id: string;
  /** Absolute path of the folder holding the catalog files. */
  root: string;
  /** Globs relative to `root`, `!` to exclude; default `['**\/catalog-info.yaml']`. `node_modules`, `.git` and symlinks are skipped. */
  patterns?: readonly string[];
}

const defaultPatterns = ['**/catalog-info.yaml'];

/** A catalog kept in a local folder (a checkout, a mounted volume, the examples). */
export class DirSource implements CatalogSource {
  readonly id: string;
  readonly type = 'dir';
  private readonly root: string;
  private readonly patterns: readonly string[];
  /** Survives between opens so that a re-open only stats unchanged files instead of reading them. */
  private readonly hashCache = new Map<string, HashedFileStat>();
  private readonly queue = new BatchedSyncQueue();

  constructor(options: DirSourceOptions) {
    if (!isAbsolute(options.root)) {
      throw new InvalidInputError(`dir source "${options.id}": root "${options.root}" must be an absolute path`);
    }
    this.id = options.id;
    this.root = resolve(options.root);
    this.patterns = options.patterns?.length ? [...options.patterns] : defaultPatterns;
  }

  async open(_previous: PreviousSourceState): Promise<SourceReadout> {
    await this.checkRootExists();
    const realRoot = await realpath(this.root);
    const files = await listDirFiles({ root: this.root, patterns: this.patterns, cache: this.hashCache, queue: this.queue });
    return new DirReadout({ root: this.root, realRoot, files, version: computeSourceVersion(files), queue: this.queue });
  }

  private async checkRootExists(): Promise<void> {
    const stats = await stat(this.root).catch(() => undefined);
    if (stats?.isDirectory()) return;
    throw new SourceUnavailableError(
      `catalog folder ${this.root} of source "${this.id}" does not exist or is not a folder; create it or fix its path in callboard.yaml`,
    );
  }
}
