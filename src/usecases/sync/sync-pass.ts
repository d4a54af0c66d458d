import type { KindRegistry } from '../../core/catalog/kind-registry.ts';
import type { CatalogWriter, Clock, UrlReader } from '../../core/ports.ts';
import type { EntityRecord } from '../../core/sync/catalog-write-records.ts';
import { PlainParseWorker } from './parse-worker/plain-parse-worker.ts';

export interface SyncDeps {
  writer: CatalogWriter;
  registry: KindRegistry;
  urlReader: UrlReader;
  clock: Clock;
  /** Report every dangling ref as a warning (on by default; `callboard validate` turns it off). */
  danglingRefs?: boolean;
  /** When and how plain files are parsed on a worker thread; `false`: always on this thread. */
  parseWorker?: ParseWorkerOptions | false;
  /** `catalog.yamlFastPath` (default on); off, every file takes the full YAML reader and no parse worker starts. */
  yamlFastPath?: boolean;
}

export interface ParseWorkerOptions {
  /** Use the worker once a source has this many new or changed files (default 30,000). */
  minFiles?: number;
  /** Where a failed worker is reported; its files are then parsed on the main thread, so nothing is lost. */
  onError?: (error: Error) => void;
  /** Starts the worker (tests hand in one that is already up). */
  start?: () => PlainParseWorker;
}

/**
 * Below this, starting a thread (loading its program, warming its JIT; 35–60 MB) costs more than the second
 * core wins back. Measured on the benchmark orgs with `bench/sync-once.ts` when the thread's program was
 * bundled by esbuild: with the worker, 3,907 files took 1.9 s instead of 1.4 s and 10,022 files 3.5 s instead
 * of 3.2 s; 29,300 files broke even (6.3–6.9 s against 6.4–8.7 s) and 97,667 files took 15.0 s instead of
 * 17.5 s. With the compiled program (README, "Big passes parse on a worker thread"), on a busy machine,
 * 29,300 files took 11.7–19.9 s with it against 22.3–23.9 s without: the threshold may come down.
 */
export const DEFAULT_PARSE_WORKER_MIN_FILES = 30_000;

/** An entity whose ref another file held when its file was read; retried once the pass has released refs. */
export interface PendingClaim {
  sourceId: string;
  fileId: number;
  displayPath: string;
  record: EntityRecord;
  line: number;
  column: number;
  /** The file also has a transient problem, so it stays marked for re-reading whatever the claim's fate. */
  transient: boolean;
}

/** Mutable tallies of one pass, shared by the per-source steps. */
export class SyncPass {
  added = 0;
  updated = 0;
  removed = 0;
  readonly pendingClaims: PendingClaim[] = [];
  readonly startedAt: number;
  private parseWorker: PlainParseWorker | undefined;

  constructor(readonly deps: SyncDeps) {
    this.startedAt = deps.clock.now().getTime();
  }

  /**
   * The pass's parse worker, started on first need, when a source has enough files to parse to be worth a
   * thread. The worker knows the built-in kinds only, so a registry without them parses on this thread.
   */
  parseWorkerFor(filesToParse: number): PlainParseWorker | undefined {
    const options = this.deps.parseWorker ?? {};
    if (options === false || this.deps.yamlFastPath === false || filesToParse < (options.minFiles ?? DEFAULT_PARSE_WORKER_MIN_FILES)) return undefined;
    if (!this.deps.registry.hasBuiltinKinds()) return undefined;
    this.parseWorker ??= options.start?.() ?? new PlainParseWorker({ onError: options.onError ?? (() => undefined) });
    return this.parseWorker;
  }

  /** Stops the pass's threads. */
  async close(): Promise<void> {
    await this.parseWorker?.close();
  }

  snapshot(): { added: number; updated: number; removed: number; pending: number } {
    return { added: this.added, updated: this.updated, removed: this.removed, pending: this.pendingClaims.length };
  }

  restore(tallies: ReturnType<SyncPass['snapshot']>): void {
    this.added = tallies.added;
    this.updated = tallies.updated;
    this.removed = tallies.removed;
    this.pendingClaims.length = tallies.pending;
  }

  count(change: 'added' | 'updated' | 'unchanged'): void {
    if (change === 'added') this.added += 1;
    else if (change === 'updated') this.updated += 1;
  }
}
