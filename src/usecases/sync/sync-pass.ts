import type { KindRegistry } from '../../core/catalog/kind-registry.ts';
import type { Clock, UrlReader } from '../../core/ports.ts';
import type { EntityRecord } from '../../store/catalog-write-records.ts';
import type { SqliteCatalogWriter } from '../../store/sqlite-catalog-writer.ts';

export interface SyncDeps {
  writer: SqliteCatalogWriter;
  registry: KindRegistry;
  urlReader: UrlReader;
  clock: Clock;
  /** Report every dangling ref as a warning (on by default; `callboard validate` turns it off). */
  danglingRefs?: boolean;
}

export type SourceOutcome = 'synced' | 'unchanged' | 'unavailable';

export interface SourceSyncResult {
  id: string;
  outcome: SourceOutcome;
  version?: string;
  filesRead: number;
  filesRemoved: number;
  message?: string;
}

export interface SyncSummary {
  startedAt: string;
  durationMs: number;
  sources: SourceSyncResult[];
  added: number;
  updated: number;
  removed: number;
  errors: number;
  warnings: number;
}

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

  constructor(readonly deps: SyncDeps) {
    this.startedAt = deps.clock.now().getTime();
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
