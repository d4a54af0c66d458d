import pino from 'pino';
import { openCatalogRuntime } from '../catalog-runtime.ts';
import type { Scaffolder } from '../scaffolder/scaffolder.ts';
import { buildScaffolder } from '../scaffolder-runtime.ts';
import { loadCliConfig, type CliIo } from './cli-context.ts';

export { buildScaffolder };

/** A scaffolder over the configured catalog, and how to let go of it. */
export interface ScaffolderRuntime {
  scaffolder: Scaffolder;
  close(): void;
}

/** How a scaffolder command opens one; tests pass their own. */
export type OpenScaffolder = (io: CliIo, configFile: string | undefined) => Promise<ScaffolderRuntime>;

/**
 * Opens the configured catalog and a scaffolder over it for one CLI command. Templates are catalog entities, so a
 * database that was never synced is synced first (the golden paths in templates/ arrive with that pass).
 */
export const openScaffolderRuntime: OpenScaffolder = async (io, configFile) => {
  const config = loadCliConfig(io, configFile);
  const catalog = openCatalogRuntime(config);
  if (catalog.store.lastSyncPass() === undefined) {
    io.err('The catalog database is empty; running a first sync...');
    await catalog.sync.syncAll();
  }
  // Warnings and errors only, as lines on stderr: stdout stays the command's answer (and its JSON).
  const log = pino({ level: 'warn', base: undefined }, { write: (line: string) => io.err(line.trimEnd()) });
  return { scaffolder: buildScaffolder(config, catalog, log), close: () => catalog.close() };
};
