import type Database from 'better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { NewerDatabaseError } from './database-open-error.ts';

/**
 * Migrations, applied the way drizzle's migrator records them (`__drizzle_migrations`: the file's hash and its
 * journal `when` as created_at, "applied" meaning every migration up to the newest created_at), with two
 * differences that matter once several processes share the file:
 * - it reads first and writes only when a migration is pending, so a second process (`callboard sync` beside
 *   `npm start`) opens the database without asking for the write lock that a running pass holds;
 * - the writes run in one IMMEDIATE transaction that looks again once it holds the lock, so two processes that
 *   both saw a pending migration apply it once.
 * A database with a migration this build does not know was written by a newer Callboard and is refused.
 */

const TABLE = '__drizzle_migrations';

interface AppliedMigration {
  hash: string;
  createdAt: number;
}

const readApplied = (client: Database.Database): AppliedMigration[] => {
  const table = client.prepare<[string], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?").get(TABLE);
  if (!table) return [];
  return client
    .prepare<[], { hash: string; createdAt: number | string | null }>(`SELECT hash, created_at AS createdAt FROM "${TABLE}"`)
    .all()
    .map((row) => ({ hash: row.hash, createdAt: Number(row.createdAt) }));
};

/** The applied migrations no journal entry of this build accounts for; empty when the build knows them all. */
const unknownMigrations = (applied: readonly AppliedMigration[], known: readonly MigrationMeta[]): AppliedMigration[] => {
  const knownTimes = new Set(known.map((migration) => migration.folderMillis));
  return applied.filter((migration) => !knownTimes.has(migration.createdAt));
};

/** What drizzle's migrator would apply: every migration newer than the newest one recorded. */
const pendingMigrations = (applied: readonly AppliedMigration[], known: readonly MigrationMeta[]): MigrationMeta[] => {
  const newest = Math.max(-Infinity, ...applied.map((migration) => migration.createdAt));
  return known.filter((migration) => migration.folderMillis > newest);
};

const applyPending = (client: Database.Database, known: readonly MigrationMeta[]): void => {
  // drizzle's own definition, so drizzle-kit and older Callboards read the table as theirs.
  client.exec(`CREATE TABLE IF NOT EXISTS "${TABLE}" (
    id SERIAL PRIMARY KEY,
    hash text NOT NULL,
    created_at numeric
  )`);
  const record = client.prepare<[string, number]>(`INSERT INTO "${TABLE}" ("hash", "created_at") VALUES (?, ?)`);
  for (const migration of pendingMigrations(readApplied(client), known)) {
    for (const statement of migration.sql) client.exec(statement);
    record.run(migration.hash, migration.folderMillis);
  }
};

/**
 * Brings the database at `path` up to this build's schema. Throws NewerDatabaseError, before writing anything,
 * when the file holds a migration the build does not know.
 */
export const applyMigrations = (client: Database.Database, options: { migrationsFolder: string; path: string; origin: string }): void => {
  const known = readMigrationFiles({ migrationsFolder: options.migrationsFolder });
  const check = (applied: AppliedMigration[]) => {
    const [unknown] = unknownMigrations(applied, known);
    if (unknown) throw new NewerDatabaseError({ path: options.path, origin: options.origin, migration: unknown });
  };
  const applied = readApplied(client);
  check(applied);
  if (pendingMigrations(applied, known).length === 0) return;
  client
    .transaction(() => {
      // Another process may have migrated (or upgraded further) between the read above and this lock.
      check(readApplied(client));
      applyPending(client, known);
    })
    .immediate();
};
