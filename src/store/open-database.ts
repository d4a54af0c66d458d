import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { applyMigrations } from './apply-migrations.ts';
import { DatabaseOpenError, databaseOpenError } from './database-open-error.ts';

export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

/**
 * An open catalog database. The store reads and writes through prepared statements (named queries on the hot
 * paths), so no query builder is built here: drizzle's schema (`schema.ts`) drives drizzle-kit's migrations, and
 * building a drizzle instance on every CLI start cost about 50 ms of module loading for nothing.
 */
export interface CatalogDatabase {
  readonly $client: Database.Database;
}

export interface OpenDatabaseOptions {
  /** Skip migrations (a second connection to a database another connection already migrated). */
  migrate?: boolean;
  readonly?: boolean;
  /**
   * Read the file through a memory map (the connection that answers questions): a random entity lookup
   * then costs a page fault at most instead of a read() call and a copy, which is what keeps p99 low.
   */
  memoryMapped?: boolean;
  /** Page cache size; default 32 MB, enough for the hot index pages of a 100k-entity catalog. */
  cacheMb?: number;
  /** Which setting named the path (`config.database.origin`), for the message when the file cannot be used. */
  origin?: string;
}

/**
 * Address space, not memory: only the pages a query touches become resident, and the kernel can drop them.
 * 2 GiB is SQLite's own ceiling in this build (SQLITE_MAX_MMAP_SIZE); a bigger file is read as usual past it.
 */
const MEMORY_MAP_BYTES = 0x7fff0000;

const configureConnection = (client: Database.Database, options: OpenDatabaseOptions): void => {
  client.pragma('busy_timeout = 10000');
  if (!options.readonly) {
    // 16 KiB pages (SQLite's default is 4 KiB): a 100k-entity first sync writes ~270 MB, and with bigger
    // pages it spills and splits a quarter as many, about 20% faster; lookups get a shallower tree too
    // (`npm run bench`). Only takes effect on a new, empty file; an existing database keeps its page size.
    client.pragma('page_size = 16384');
    client.pragma('journal_mode = WAL');
    // NORMAL in WAL mode never corrupts and keeps every committed pass across a process crash;
    // only an OS crash may lose the newest commits.
    client.pragma('synchronous = NORMAL');
  }
  client.pragma('foreign_keys = ON');
  client.pragma(`cache_size = -${(options.cacheMb ?? 32) * 1024}`);
  if (options.memoryMapped) client.pragma(`mmap_size = ${MEMORY_MAP_BYTES}`);
};

/**
 * Opens (creating if needed) the SQLite file with the settings the catalog relies on:
 * WAL so readers never block the sync writer, foreign keys on, a busy timeout instead of
 * instant SQLITE_BUSY, and every migration applied. A file that cannot be used (a folder, not a
 * database, not writable, written by a newer Callboard) fails with a DatabaseOpenError naming it.
 */
export const openDatabase = (path: string, options: OpenDatabaseOptions = {}): CatalogDatabase => {
  const origin = options.origin ?? 'the database path';
  let client: Database.Database | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    client = new Database(path, { readonly: options.readonly ?? false });
    configureConnection(client, options);
    if (options.migrate ?? !options.readonly) applyMigrations(client, { migrationsFolder, path, origin });
  } catch (error) {
    client?.close();
    throw error instanceof DatabaseOpenError ? error : databaseOpenError({ path, origin, error });
  }
  return { $client: client };
};
