import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WriteQueue } from '../../src/store/write-queue.ts';

const opened: Database.Database[] = [];

/** Two connections to one WAL file, as two processes would have. */
const openPair = () => {
  const path = join(mkdtempSync(join(tmpdir(), 'callboard-queue-')), 'queue.db');
  const connect = () => {
    const client = new Database(path);
    client.pragma('journal_mode = WAL');
    client.pragma('busy_timeout = 10000');
    opened.push(client);
    return client;
  };
  const ours = connect();
  ours.exec('CREATE TABLE t (n INTEGER)');
  return { ours, theirs: connect() };
};

const count = (client: Database.Database): number => (client.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;

afterEach(() => {
  for (const client of opened.splice(0)) client.close();
});

describe('WriteQueue', () => {
  it('runs tasks one at a time in the order they were queued, a failing task stopping none after it', async () => {
    const { ours } = openPair();
    const queue = new WriteQueue(ours);
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`end ${name}`);
      if (name === 'b') throw new Error('b failed');
      return name;
    };
    const results = await Promise.allSettled([queue.run(task('a', 20)), queue.run(task('b', 1)), queue.run(task('c', 1))]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('commits a transaction that returns and rolls back one that throws', async () => {
    const { ours } = openPair();
    const queue = new WriteQueue(ours);
    await queue.transaction('insert', () => ours.prepare('INSERT INTO t VALUES (1)').run());
    await expect(
      queue.transaction('insert then fail', async () => {
        ours.prepare('INSERT INTO t VALUES (2)').run();
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(count(ours)).toBe(1);
    expect(ours.inTransaction).toBe(false);
  });

  it("waits for another connection's write lock without blocking the event loop, says so once, then writes", async () => {
    const { ours, theirs } = openPair();
    const waits: string[] = [];
    const queue = new WriteQueue(ours, { onWait: (label) => waits.push(label) });
    theirs.exec('BEGIN IMMEDIATE');
    theirs.prepare('INSERT INTO t VALUES (1)').run();
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 5);
    const started = performance.now();
    const written = queue.transaction('sync pass', () => ours.prepare('INSERT INTO t VALUES (2)').run());
    setTimeout(() => theirs.exec('COMMIT'), 200);
    await written;
    clearInterval(ticker);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    // busy_timeout would have blocked the loop for the whole wait: no tick at all.
    expect(ticks).toBeGreaterThan(10);
    expect(waits).toEqual(['sync pass']);
    expect(count(theirs)).toBe(2);
    expect(ours.pragma('busy_timeout', { simple: true })).toBe(10000);
  });

  it('gives up after maxWaitMs with SQLITE_BUSY, naming the task and the file, and goes on with the next task', async () => {
    const { ours, theirs } = openPair();
    const queue = new WriteQueue(ours, { maxWaitMs: 50 });
    theirs.exec('BEGIN IMMEDIATE');
    const stuck = queue.transaction('claim job', () => undefined);
    await expect(stuck).rejects.toMatchObject({ code: 'SQLITE_BUSY', message: expect.stringMatching(/^claim job: the database .*queue\.db stayed locked/) });
    theirs.exec('ROLLBACK');
    await queue.transaction('next', () => ours.prepare('INSERT INTO t VALUES (3)').run());
    expect(count(ours)).toBe(1);
  });

  it('passes on errors that are not a busy lock at once', async () => {
    const { ours } = openPair();
    const queue = new WriteQueue(ours);
    ours.exec('BEGIN');
    await expect(queue.beginImmediate('nested')).rejects.toThrow(/within a transaction/);
    ours.exec('ROLLBACK');
  });
});
