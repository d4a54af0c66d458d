import type { Logger } from 'pino';
import type { SyncSummary } from '../core/sync/sync-summary.ts';
import type { JobRun } from './execute-job.ts';

/** Logs a pass in one line: what changed, how long it took. */
export const logSyncSummary = (log: Logger, summary: SyncSummary): void => {
  const { added, updated, removed, errors, warnings, durationMs } = summary;
  const sources = Object.fromEntries(summary.sources.map((source) => [source.id, source.outcome]));
  log.info({ added, updated, removed, errors, warnings, durationMs, sources }, 'catalog sync pass finished');
};

/** The pass in one line for the job ledger: `callboard jobs` and `/readyz` show it as the run's message. */
export const describeSyncSummary = (summary: SyncSummary): string => {
  const unavailable = summary.sources.filter((source) => source.outcome === 'unavailable').map((source) => source.id);
  const parts = [
    `${summary.added} added, ${summary.updated} updated, ${summary.removed} removed`,
    `${summary.errors} errors, ${summary.warnings} warnings`,
    ...(unavailable.length > 0 ? [`unavailable: ${unavailable.join(', ')}`] : []),
  ];
  return parts.join('; ');
};

/**
 * The `catalog-sync` job: one pass over every source. The sync queue serialises passes, so a scheduled pass
 * that meets a `/callboard sync` or a webhook's pass waits for it instead of overlapping.
 */
export const catalogSyncJob =
  (sync: { syncAll(): Promise<SyncSummary> }, log: Logger): JobRun =>
  async () => {
    const summary = await sync.syncAll();
    logSyncSummary(log, summary);
    return describeSyncSummary(summary);
  };
