import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { migrationsFolder, openDatabase } from '../../src/store/open-database.ts';

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'callboard-db-')), 'catalog.db');

/** A copy of migrations/ that stops before the newest migration: "the previous schema". */
const previousMigrations = (): string => {
  const folder = join(mkdtempSync(join(tmpdir(), 'callboard-migrations-')), 'migrations');
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = join(folder, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, -1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
};

/**
 * Every table and index with its definition (SQLite rewrites a table's CREATE statement when a column is
 * added), sorted: what a fresh database has is what an upgraded one must have.
 */
const schemaObjects = (client: Database.Database): string[] =>
  (client.prepare("SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; sql: string | null }[]).map(
    (row) => `${row.name}: ${row.sql ?? ''}`,
  );

const tableNames = (client: Database.Database): string[] =>
  (client.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all() as { name: string }[]).map((row) => row.name);

describe('openDatabase', () => {
  it('creates every table from an empty file, with WAL, foreign keys and a busy timeout', () => {
    const db = openDatabase(tempDb());
    const client = db.$client;
    expect(tableNames(client)).toEqual(
      expect.arrayContaining(['entities', 'entity_search', 'files', 'job_runs', 'problems', 'relations', 'sources', 'sync_passes']),
    );
    expect(client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(client.pragma('busy_timeout', { simple: true })).toBe(10000);
    client.close();
  });

  it('upgrades a database made with the previous schema, keeping its data', () => {
    const path = tempDb();
    const old = new Database(path);
    migrate(drizzle(old), { migrationsFolder: previousMigrations() });
    const before = schemaObjects(old);
    old.prepare("INSERT INTO sources (id, type) VALUES ('dir:x', 'dir')").run();
    old.close();

    const db = openDatabase(path);
    expect(schemaObjects(db.$client)).toEqual(schemaObjects(openDatabase(':memory:').$client));
    expect(schemaObjects(db.$client)).not.toEqual(before);
    expect(db.$client.prepare('SELECT id FROM sources').all()).toEqual([{ id: 'dir:x' }]);
    db.$client.close();
  });

  it('is idempotent: opening twice applies nothing twice', () => {
    const path = tempDb();
    openDatabase(path).$client.close();
    const db = openDatabase(path);
    const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    expect(db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: journal.entries.length });
    db.$client.close();
  });

  it('makes new files with 16 KiB pages and leaves an existing file at its own page size', () => {
    const fresh = openDatabase(tempDb());
    expect(fresh.$client.pragma('page_size', { simple: true })).toBe(16384);
    fresh.$client.close();

    const path = tempDb();
    const legacy = new Database(path);
    legacy.pragma('page_size = 4096');
    legacy.pragma('journal_mode = WAL');
    legacy.exec('CREATE TABLE keep (x)');
    legacy.close();
    const reopened = openDatabase(path);
    expect(reopened.$client.pragma('page_size', { simple: true })).toBe(4096);
    expect(reopened.$client.prepare('SELECT count(*) AS n FROM entities').get()).toEqual({ n: 0 });
    reopened.$client.close();
  });
});
