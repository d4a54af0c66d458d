import pino from 'pino';
import { openCatalogRuntime } from './catalog-runtime.ts';
import { loadConfig } from './config/load-config.ts';
import { logSyncSummary, scheduleCatalogSync } from './schedule/schedule-sync.ts';

/**
 * Composition root for `npm start`: load the configuration, open the catalog, sync once, then keep
 * the catalog fresh on the configured schedule. Later issues add Slack and HTTP to this process.
 */
export const main = async (): Promise<void> => {
  const log = pino({ name: 'callboard' });
  const config = loadConfig();
  log.info({ config: config.file ?? 'built-in defaults', database: config.database.path, sources: config.catalog.sources.map((s) => s.id) }, 'starting');
  const runtime = openCatalogRuntime(config);
  logSyncSummary(log, await runtime.sync.syncAll());
  const job = scheduleCatalogSync(runtime.sync, config.catalog.schedule, log);
  log.info({ schedule: config.catalog.schedule }, 'catalog ready; try `npx callboard owner checkout-service` in another terminal');
  const stop = (signal: string) => {
    log.info({ signal }, 'stopping');
    job.stop();
    runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
};
