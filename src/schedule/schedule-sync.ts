import cron from 'node-cron';
import type { Logger } from 'pino';
import type { SyncSummary } from '../core/sync/sync-summary.ts';
import type { SyncPassQueue } from '../usecases/sync/sync-pass-queue.ts';

export interface ScheduledJob {
  stop(): void;
}

/** Logs a pass in one line: what changed, how long it took. */
export const logSyncSummary = (log: Logger, summary: SyncSummary): void => {
  const { added, updated, removed, errors, warnings, durationMs } = summary;
  const sources = Object.fromEntries(summary.sources.map((source) => [source.id, source.outcome]));
  log.info({ added, updated, removed, errors, warnings, durationMs, sources }, 'catalog sync pass finished');
};

/**
 * Runs a sync pass on the configured cron schedule. A failing pass is logged and the schedule lives
 * on; passes never overlap because SyncPassQueue serialises them.
 */
export const scheduleCatalogSync = (sync: SyncPassQueue, expression: string, log: Logger): ScheduledJob => {
  const task = cron.schedule(expression, async () => {
    try {
      logSyncSummary(log, await sync.syncAll());
    } catch (error) {
      log.error({ err: error, job: 'catalog-sync' }, 'scheduled catalog sync failed; the schedule keeps running');
    }
  });
  return { stop: () => void task.stop() };
};
