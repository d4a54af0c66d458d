import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.ts';
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
