import type { CatalogSource } from '../../core/ports.ts';
import type { SyncSummary } from '../../core/sync/sync-summary.ts';
import { runSyncPass } from './run-sync-pass.ts';
import type { SyncDeps } from './sync-pass.ts';

export interface SyncPassQueueOptions {
  /**
   * Called before every pass with the current sources, returns the ones to read: sources registered or
   * unregistered by another process sharing the database join or leave here (else a pass would prune them).
   */
  refreshSources?: (current: readonly CatalogSource[]) => readonly CatalogSource[];
}

/** Sources whose id starts so (the templates shipped with Callboard) stay last: a team's own ref wins a conflict. */
const BUILTIN_PREFIX = 'builtin:';

/**
 * Runs sync passes one after another: a scheduled pass, a `/callboard sync` and a webhook may ask at once,
 * but two passes of one catalog would only fetch the same sources twice. A request made while a pass runs
 * waits for it and then runs its own. (Other writes of the process do not wait here: they share the write
 * queue with the pass only while it applies what it read.)
 */
export class SyncPassQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private sources: readonly CatalogSource[];
  private readonly passListeners: ((summary: SyncSummary) => void)[] = [];

  constructor(
    sources: readonly CatalogSource[],
    private readonly deps: SyncDeps,
    private readonly options: SyncPassQueueOptions = {},
  ) {
    this.sources = [...sources];
  }

  sourceIds(): string[] {
    return this.sources.map((source) => source.id);
  }

  /** One pass over every source; sources no longer present are pruned. */
  syncAll(): Promise<SyncSummary> {
    return this.enqueue(() => runSyncPass(this.refresh(), this.deps));
  }

  /** Sync one source now (a registration, Slack, webhooks). */
  syncSource(sourceId: string): Promise<SyncSummary> {
    if (!this.refresh().some((source) => source.id === sourceId)) {
      return Promise.reject(new Error(`No source ${sourceId}; configured: ${this.sourceIds().join(', ')}`));
    }
    return this.enqueue(() => runSyncPass(this.refresh(), this.deps, { only: sourceId }));
  }

  /**
   * Adds a source registered at run time (or replaces the one with its id), after the configured and registered
   * ones but before the built-in ones. Takes effect from the next pass queued; a pass running now keeps its list.
   */
  addSource(source: CatalogSource): void {
    const others = this.sources.filter((existing) => existing.id !== source.id);
    const builtinAt = others.findIndex((existing) => existing.id.startsWith(BUILTIN_PREFIX));
    const at = builtinAt < 0 || source.id.startsWith(BUILTIN_PREFIX) ? others.length : builtinAt;
    this.sources = [...others.slice(0, at), source, ...others.slice(at)];
  }

  /**
   * Removes a source and, in a pass of its own queued now, its files, entities and problems (the other sources
   * are not read). Resolves with that pass's summary (nothing removed when the source was never synced).
   */
  removeSource(sourceId: string): Promise<SyncSummary> {
    this.sources = this.sources.filter((source) => source.id !== sourceId);
    return this.enqueue(() => runSyncPass(this.sources, this.deps, { only: sourceId }));
  }

  /**
   * Calls `listener` after every pass that ends (scheduled, `/callboard sync`, webhook, registration). It is told,
   * not awaited: work it starts (scoring what changed) never holds up the next pass.
   */
  onPass(listener: (summary: SyncSummary) => void): void {
    this.passListeners.push(listener);
  }

  private refresh(): readonly CatalogSource[] {
    if (this.options.refreshSources) this.sources = [...this.options.refreshSources(this.sources)];
    return this.sources;
  }

  private enqueue(run: () => Promise<SyncSummary>): Promise<SyncSummary> {
    const next = this.tail.then(run, run);
    this.tail = next.catch(() => undefined);
    void next.then(
      (summary) => {
        for (const listener of this.passListeners) listener(summary);
      },
      () => undefined,
    );
    return next;
  }
}
