import { openCatalogRuntime } from '../../catalog-runtime.ts';
import { loadCliConfig, type CliIo } from '../cli-context.ts';
import { formatSyncSummary } from '../format/format-sync-summary.ts';

/** `callboard sync`: one pass now, and what it changed. */
export const syncCommand = (io: CliIo) => async (options: { config?: string; json?: boolean }) => {
  const runtime = openCatalogRuntime(loadCliConfig(io, options.config));
  try {
    const summary = await runtime.sync.syncAll();
    io.out(options.json ? JSON.stringify(summary, null, 2) : formatSyncSummary(summary));
  } finally {
    runtime.close();
  }
};
