import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/store/apply-migrations.ts';
import { migrationsFolder, openDatabase } from '../../src/store/open-database.ts';
import { SqliteRevokedSessions } from '../../src/store/sqlite-revoked-sessions.ts';
import { WriteQueue } from '../../src/store/write-queue.ts';
import { manualClock, tempDatabase } from '../schedule/helpers/job-harness.ts';

const connections: Database.Database[] = [];
afterEach(() => connections.splice(0).forEach((client) => client.close()));

const HOUR = 60 * 60 * 1000;

/** One process's store: its own writer and reader connections and write queue on the shared file. */
const openStore = (path: string, clock = manualClock('2026-12-06T10:00:00Z')) => {
  const writer = openDatabase(path).$client;
  const reader = openDatabase(path, { migrate: false }).$client;
  connections.push(writer, reader);
  const queue = new WriteQueue(writer);
  return { store: new SqliteRevokedSessions({ queue, writer, reader, clock }), queue, reader, clock };
};

const storedIds = (reader: Database.Database): string[] =>
  reader
    .prepare<[], { id: string }>('SELECT session_id AS id FROM revoked_sessions ORDER BY session_id')
    .all()
    .map((row) => row.id);

describe('SqliteRevokedSessions', () => {
  it('a revocation is seen by another process on the same database, and by a restarted one', async () => {
    const path = tempDatabase();
    const here = openStore(path);
    const there = openStore(path);
    const expires = here.clock.now().getTime() + 12 * HOUR;
    expect(there.store.isRevoked('session-a')).toBe(false);
    await here.store.revoke('session-a', expires);
    expect(there.store.isRevoked('session-a')).toBe(true);
    expect(there.store.isRevoked('session-b')).toBe(false);
    expect(openStore(path).store.isRevoked('session-a')).toBe(true);
  });

  it('refuses the session in this process at once, while the write still waits behind another task', async () => {
    const { store, queue, reader, clock } = openStore(tempDatabase());
    let release = () => {};
    const blocker = new Promise<void>((resolve) => (release = resolve));
    const busy = queue.run(() => blocker);
    const revoking = store.revoke('session-a', clock.now().getTime() + HOUR);
    expect(store.isRevoked('session-a')).toBe(true);
    expect(storedIds(reader)).toEqual([]);
    release();
    await Promise.all([busy, revoking]);
    expect(storedIds(reader)).toEqual(['session-a']);
  });

  it('signing out again while the write waits joins it; once recorded, it answers at once even behind a busy queue', async () => {
    const { store, queue, reader, clock } = openStore(tempDatabase());
    const expires = clock.now().getTime() + HOUR;
    let release = () => {};
    const blocker = new Promise<void>((resolve) => (release = resolve));
    const busy = queue.run(() => blocker);
    const first = store.revoke('session-a', expires);
    expect(store.revoke('session-a', expires)).toBe(first);
    release();
    await Promise.all([busy, first]);
    expect(storedIds(reader)).toEqual(['session-a']);

    let releaseAgain = () => {};
    const blockerAgain = new Promise<void>((resolve) => (releaseAgain = resolve));
    const busyAgain = queue.run(() => blockerAgain);
    let answered = false;
    await store.revoke('session-a', expires).then(() => (answered = true));
    expect(answered).toBe(true);
    releaseAgain();
    await busyAgain;
  });

  it('revoking twice is harmless', async () => {
    const { store, reader, clock } = openStore(tempDatabase());
    await store.revoke('session-a', clock.now().getTime() + HOUR);
    await store.revoke('session-a', clock.now().getTime() + HOUR);
    expect(storedIds(reader)).toEqual(['session-a']);
  });

  it('prunes revocations whose session has expired at the next revocation, and keeps the live ones', async () => {
    const { store, reader, clock } = openStore(tempDatabase());
    const start = clock.now().getTime();
    await store.revoke('short', start + HOUR);
    await store.revoke('long', start + 12 * HOUR);
    clock.set('2026-12-06T11:00:00Z');
    await store.revoke('later', start + 13 * HOUR);
    expect(storedIds(reader)).toEqual(['later', 'long']);
  });

  it('looks a session up by its primary key, not by a scan', () => {
    const { reader } = openStore(tempDatabase());
    const plan = reader
      .prepare<[string], { detail: string }>('EXPLAIN QUERY PLAN SELECT 1 AS found FROM revoked_sessions WHERE session_id = ?')
      .all('x')
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toMatch(/^SEARCH revoked_sessions USING .*INDEX/m);
  });
});

/** A copy of migrations/ that ends with 0012: the schema a Callboard before revoked sessions left. */
const migrationsUpTo0012 = (): string => {
  const folder = join(mkdtempSync(join(tmpdir(), 'callboard-migrations-')), 'migrations');
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = join(folder, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((entry) => entry.tag < '0013');
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
};

describe('migration 0013 (revoked sessions)', () => {
  it('upgrades a database at 0012 in place: its rows kept, sign-outs recorded and read after a restart', async () => {
    const path = tempDatabase();
    const before = new Database(path);
    applyMigrations(before, { migrationsFolder: migrationsUpTo0012(), path, origin: 'test' });
    before.prepare('INSERT INTO docs_borrowers (entity_ref, lender_ref) VALUES (?, ?)').run('component:default/a', 'component:default/b');
    expect(before.prepare("SELECT name FROM sqlite_master WHERE name = 'revoked_sessions'").get()).toBeUndefined();
    before.close();

    const upgraded = openStore(path);
    await upgraded.store.revoke('session-a', upgraded.clock.now().getTime() + HOUR);
    expect(upgraded.reader.prepare('SELECT lender_ref AS lender FROM docs_borrowers').all()).toEqual([{ lender: 'component:default/b' }]);
    expect(openStore(path).store.isRevoked('session-a')).toBe(true);
  });
});
