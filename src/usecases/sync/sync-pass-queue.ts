import type { CatalogSource } from '../../core/ports.ts';
import { syncCatalog } from './sync-catalog.ts';
import type { SyncDeps, SyncSummary } from './sync-pass.ts';

/**
 * Serialises sync passes: a scheduled pass, a `/callboard sync` and a webhook may ask at once, but
 * the catalog has one writer. A request made while a pass runs waits for it and then runs its own.
 */
export class CatalogSync {
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
    return this.enqueue(() => syncCatalog(this.sources, this.deps));
  }

  /** Sync one source now (later issues call this from Slack and webhooks). */
  syncSource(sourceId: string): Promise<SyncSummary> {
    if (!this.sources.some((source) => source.id === sourceId)) {
      return Promise.reject(new Error(`No source ${sourceId}; configured: ${this.sourceIds().join(', ')}`));
    }
    return this.enqueue(() => syncCatalog(this.sources, this.deps, { only: sourceId }));
  }

  private enqueue(run: () => Promise<SyncSummary>): Promise<SyncSummary> {
    const next = this.tail.then(run, run);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
