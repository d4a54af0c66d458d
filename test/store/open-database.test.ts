import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.ts';
import { DatabaseOpenError, NewerDatabaseError } from '../../src/store/database-open-error.ts';
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
 * added), sorted: what a fresh database has is what an upgraded one must have. Runs of whitespace read as one
 * space: drizzle's migrator and Callboard's write the same migrations table with different line breaks.
 */
const schemaObjects = (client: Database.Database): string[] =>
  (client.prepare("SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; sql: string | null }[]).map(
    (row) => `${row.name}: ${(row.sql ?? '').replace(/\s+/g, ' ')}`,
  );

const tableNames = (client: Database.Database): string[] =>
  (client.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all() as { name: string }[]).map((row) => row.name);

/** A child process: takes the write lock on argv[1], says so, waits, applies the newest migration of argv[2], commits. */
const migrateNewestHoldingTheLock = `
  const Database = require('better-sqlite3');
  const { readFileSync } = require('node:fs');
  const { createHash } = require('node:crypto');
  const [path, folder] = process.argv.slice(1);
  const newest = JSON.parse(readFileSync(folder + '/meta/_journal.json', 'utf8')).entries.at(-1);
  const sql = readFileSync(folder + '/' + newest.tag + '.sql', 'utf8');
  const db = new Database(path);
  db.exec('BEGIN IMMEDIATE');
  process.stdout.write('locked\\n');
  setTimeout(() => {
    for (const statement of sql.split('--> statement-breakpoint')) db.exec(statement);
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run(createHash('sha256').update(sql).digest('hex'), newest.when);
    db.exec('COMMIT');
    db.close();
  }, 300);
`;

/** A Callboard database whose schema page has been overwritten: SQLite reads it as malformed. */
const damagedDatabase = (dir: string): string => {
  const path = join(dir, 'catalog.db');
  openDatabase(path).$client.close();
  const bytes = readFileSync(path);
  bytes.fill(0x41, 100, bytes.length);
  writeFileSync(path, bytes);
  return path;
};

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

  it('refuses a database that a newer Callboard migrated, before writing anything to it', () => {
    const path = tempDb();
    openDatabase(path).$client.close();
    const newer = new Database(path);
    newer.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('f'.repeat(64), Date.UTC(2099, 0, 1));
    newer.exec('CREATE TABLE from_the_future (x); DELETE FROM __drizzle_migrations WHERE created_at < 0');
    const before = schemaObjects(newer);
    newer.close();

    expect(() => openDatabase(path, { origin: 'CALLBOARD_DB' })).toThrow(NewerDatabaseError);
    expect(() => openDatabase(path, { origin: 'CALLBOARD_DB' })).toThrow(
      `${path} (from CALLBOARD_DB) was written by a newer Callboard (migration ffffffffffff of 2099-01-01T00:00:00.000Z is unknown to this version); upgrade Callboard or point CALLBOARD_DB elsewhere.`,
    );
    const after = new Database(path);
    expect(schemaObjects(after)).toEqual(before);
    after.close();
  });

  it('opens a migrated database without the write lock, so a second process opens it while a pass holds the lock', () => {
    const path = tempDb();
    openDatabase(path).$client.close();
    const pass = new Database(path);
    pass.pragma('busy_timeout = 0');
    pass.exec('BEGIN IMMEDIATE');
    try {
      const started = performance.now();
      const second = openDatabase(path);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(second.$client.prepare('SELECT count(*) AS n FROM entities').get()).toEqual({ n: 0 });
      second.$client.close();
    } finally {
      pass.exec('ROLLBACK');
      pass.close();
    }
  });

  it('applies a pending migration once the lock is free, and records it as drizzle does', () => {
    const path = tempDb();
    const old = new Database(path);
    migrate(drizzle(old), { migrationsFolder: previousMigrations() });
    old.close();
    openDatabase(path).$client.close();
    const db = openDatabase(path);
    const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { when: number }[] };
    const recorded = db.$client.prepare('SELECT created_at AS createdAt FROM __drizzle_migrations ORDER BY created_at').all();
    expect(recorded).toEqual(journal.entries.map((entry) => ({ createdAt: entry.when })));
    db.$client.close();
  });

  it('applies a migration once when another process applies it while this one waits for the lock', async () => {
    const path = tempDb();
    const old = new Database(path);
    old.pragma('journal_mode = WAL'); // as every Callboard database is
    migrate(drizzle(old), { migrationsFolder: previousMigrations() });
    old.close();
    // Another Callboard migrating: it holds the write lock, applies the newest migration as drizzle records it, commits.
    const other = spawn(process.execPath, ['-e', migrateNewestHoldingTheLock, path, migrationsFolder], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => other.stdout.once('data', () => resolve()));
    const db = openDatabase(path);
    const exited = new Promise<number | null>((resolve) => other.once('exit', resolve));
    expect(await exited).toBe(0);
    const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    expect(db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({ n: journal.entries.length });
    db.$client.close();
  });

  it.each([
    [
      'a folder',
      (dir: string) => (mkdirSync(join(dir, 'db')), join(dir, 'db')),
      /: it is a folder, not a file\. Point database\.path in \/x\/callboard\.yaml at a file inside it/,
    ],
    [
      'not a database',
      (dir: string) => (writeFileSync(join(dir, 'notes.txt'), 'hello\n'.repeat(100)), join(dir, 'notes.txt')),
      /: it is not a SQLite database \(file is not a database\)/,
    ],
    [
      'under a file',
      (dir: string) => (writeFileSync(join(dir, 'file'), 'x'), join(dir, 'file/sub/catalog.db')),
      /: \/.*\/file is a file, so no folder can be made there/,
    ],
    ['a damaged database', damagedDatabase, /: it is damaged \(database disk image is malformed\)\. Move it away/],
  ])('names the path, its setting and the fix when the path is %s', (_case, make, reason) => {
    const path = make(mkdtempSync(join(tmpdir(), 'callboard-db-')));
    let error: unknown;
    try {
      openDatabase(path, { origin: 'database.path in /x/callboard.yaml' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).code).toBe('invalid_input');
    expect((error as Error).message).toContain(`Cannot open the catalog database ${path} (from database.path in /x/callboard.yaml): `);
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).not.toContain('\n');
  });
});
