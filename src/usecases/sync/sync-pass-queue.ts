import type { CatalogSource } from '../../core/ports.ts';
import type { SyncSummary } from '../../core/sync/sync-summary.ts';
import { runSyncPass } from './run-sync-pass.ts';
import type { SyncDeps } from './sync-pass.ts';

/**
 * Runs sync passes one after another: a scheduled pass, a `/callboard sync` and a webhook may ask at once,
 * but two passes of one catalog would only fetch the same sources twice. A request made while a pass runs
 * waits for it and then runs its own. (Other writes of the process do not wait here: they share the write
 * queue with the pass only while it applies what it read.)
 */
export class SyncPassQueue {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly sources: readonly CatalogSource[],
    private readonly deps: SyncDeps,
  ) {}

  sourceIds(): string[] {
    return this.sources.map((source) => source.id);
  }

  /** One pass over every configured source; sources no longer configured are pruned. */
  syncAll(): Promise<SyncSummary> {
    return this.enqueue(() => runSyncPass(this.sources, this.deps));
  }

  /** Sync one source now (later issues call this from Slack and webhooks). */
  syncSource(sourceId: string): Promise<SyncSummary> {
    if (!this.sources.some((source) => source.id === sourceId)) {
      return Promise.reject(new Error(`No source ${sourceId}; configured: ${this.sourceIds().join(', ')}`));
    }
    return this.enqueue(() => runSyncPass(this.sources, this.deps, { only: sourceId }));
  }

  private enqueue(run: () => Promise<SyncSummary>): Promise<SyncSummary> {
    const next = this.tail.then(run, run);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
