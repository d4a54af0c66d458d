import { openCatalogRuntime } from '../../catalog-runtime.ts';
import { loadCliConfig, type CliIo } from '../cli-context.ts';
import { formatSyncSummary } from '../format/format-sync-summary.ts';

/**
 * `callboard sync`: one pass now, and what it changed. Beside a running `npm start` it waits for that
 * process's pass to let go of the database (saying so on stderr) instead of failing with "database is locked".
 */
export const syncCommand = (io: CliIo) => async (options: { config?: string; json?: boolean }) => {
  const config = loadCliConfig(io, options.config);
  const onWriteWait = () => io.err(`waiting for the sync pass of another Callboard process on ${config.database.path}…`);
  const runtime = openCatalogRuntime(config, { onWriteWait });
  try {
    const summary = await runtime.sync.syncAll();
    io.out(options.json ? JSON.stringify(summary, null, 2) : formatSyncSummary(summary));
  } finally {
    runtime.close();
  }
};
