import { relative } from 'node:path';
import { loadConfig, type Config } from '../config/load-config.ts';
import type { CatalogRuntime } from '../catalog-runtime.ts';
import type { CatalogReader } from '../core/ports.ts';
import { openDatabase } from '../store/open-database.ts';
import { SqliteCatalogStore } from '../store/sqlite-catalog-store.ts';
import type { EntityResolution } from '../core/catalog-reader/catalog-answers.ts';

/** What every command gets: where to write, and how to open the configured catalog. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Thrown by commands to end with a message and an exit code (1: a problem was found, 2: bad usage). */
export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message = '',
  ) {
    super(message);
  }
}

export const loadCliConfig = (io: CliIo, configFile: string | undefined): Config => loadConfig({ file: configFile, env: io.env, cwd: io.cwd });

/** What a read command needs: the catalog to ask, and a way to close it. */
export interface QueryCatalog {
  store: CatalogReader;
  close(): void;
}

/** The whole runtime, sync included (`ask` may run one), after a first sync if the database never had one. */
export const openCatalogRuntimeForQuery = async (io: CliIo, config: Config): Promise<CatalogRuntime> => {
  // Loaded on demand: the sources, the sync and their libraries are most of what the CLI could load.
  const { openCatalogRuntime } = await import('../catalog-runtime.ts');
  const runtime = openCatalogRuntime(config);
  if (runtime.store.lastSyncPass() === undefined) {
    io.err('The catalog database is empty; running a first sync...');
    await runtime.sync.syncAll();
  }
  return runtime;
};

/**
 * Opens the catalog for a read command: one connection and the store, so a question starts fast. A
 * database that has never been synced is synced first, so `npx callboard owner x` works right after
 * `npm install`.
 */
export const openCatalogForQuery = (io: CliIo, configFile: string | undefined): Promise<QueryCatalog> =>
  openConfiguredCatalog(io, loadCliConfig(io, configFile));

/** {@link openCatalogForQuery} for a command that needs the configuration itself too (`oncall`: its providers). */
export const openConfiguredCatalog = async (io: CliIo, config: Config): Promise<QueryCatalog> => {
  const { path, origin } = config.database;
  const db = openDatabase(path, { memoryMapped: true, origin });
  const store = new SqliteCatalogStore(db);
  if (store.lastSyncPass() !== undefined) return { store, close: () => db.$client.close() };
  db.$client.close();
  return openCatalogRuntimeForQuery(io, config);
};

/** Shows absolute file paths relative to where the command runs, as compilers do. */
export const displayFile = (file: string | undefined, cwd: string): string => {
  if (!file) return '';
  if (!file.startsWith('/')) return file;
  const shown = relative(cwd, file);
  return shown.startsWith('..') ? file : shown;
};

export const describeUnresolved = (resolution: Exclude<EntityResolution, { status: 'found' }>): string => {
  if (resolution.status === 'invalid') return resolution.message;
  if (resolution.status === 'ambiguous') {
    return `Several entities are called that; name one of them:\n${resolution.candidates.map((c) => `  ${c.ref}${c.title ? `  (${c.title})` : ''}`).join('\n')}`;
  }
  const lines = [`No entity matches "${resolution.query}".`];
  if (resolution.didYouMean) lines.push(`Did you mean "${resolution.didYouMean}"?`);
  if (resolution.suggestions.length > 0) lines.push('Closest matches:', ...resolution.suggestions.map((s) => `  ${s.ref}`));
  return lines.join('\n');
};
