import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.ts';
import { SqliteJobLedger } from '../../src/store/sqlite-job-ledger.ts';
import { WriteQueue } from '../../src/store/write-queue.ts';
import { manualClock, tempDatabase } from '../schedule/helpers/job-harness.ts';

const connections: Database.Database[] = [];
afterEach(() => connections.splice(0).forEach((client) => client.close()));

const openLedger = (path: string, clock = manualClock('2026-12-05T10:00:00Z'), onWait?: (label: string) => void) => {
  const writer = openDatabase(path).$client;
  const reader = openDatabase(path, { migrate: false }).$client;
  connections.push(writer, reader);
  return new SqliteJobLedger({ queue: new WriteQueue(writer, onWait ? { onWait } : {}), writer, reader, clock, claimedBy: 'test-host:1' });
};

describe('SqliteJobLedger', () => {
  it('records a claimed run and how it ended, and reads it back latest slot first', async () => {
    const ledger = openLedger(tempDatabase());
    expect(await ledger.claim('digest', '2026-12-05T09:00:00.000Z', new Date('2026-12-05T09:00:01Z'))).toBe(true);
    expect(await ledger.claim('digest', '2026-12-05T10:00:00.000Z', new Date('2026-12-05T10:00:01Z'))).toBe(true);
    expect(ledger.lastRun('digest')).toEqual({
      job: 'digest',
      slot: '2026-12-05T10:00:00.000Z',
      claimedBy: 'test-host:1',
      startedAt: new Date('2026-12-05T10:00:01Z'),
      result: 'running',
    });
    await ledger.finish('digest', '2026-12-05T10:00:00.000Z', { finishedAt: new Date('2026-12-05T10:00:05Z'), result: 'failed', message: 'Slack said no' });
    expect(ledger.history('digest', 5)).toEqual([
      expect.objectContaining({ slot: '2026-12-05T10:00:00.000Z', result: 'failed', message: 'Slack said no', finishedAt: new Date('2026-12-05T10:00:05Z') }),
      expect.objectContaining({ slot: '2026-12-05T09:00:00.000Z', result: 'running' }),
    ]);
    expect(ledger.history('digest', 1)).toHaveLength(1);
    expect(ledger.lastRun('handoff')).toBeUndefined();
  });

  it('lets the first claimOnce of a key win, in this process or another one on the same file', async () => {
    const path = tempDatabase();
    const here = openLedger(path);
    const there = openLedger(path);
    expect(await here.claimOnce('github-webhook', 'delivery-72d3162e')).toBe(true);
    expect(await here.claimOnce('github-webhook', 'delivery-72d3162e')).toBe(false);
    expect(await there.claimOnce('github-webhook', 'delivery-72d3162e')).toBe(false);
    expect(await there.claimOnce('github-webhook', 'delivery-9a1c')).toBe(true);
    expect(await there.claimOnce('other-job', 'delivery-72d3162e')).toBe(true);
    expect(here.lastRun('github-webhook')).toMatchObject({ slot: 'delivery-9a1c', startedAt: new Date('2026-12-05T10:00:00Z') });
  });

  it('writes through the write queue: a claim waits for another writer instead of failing with "database is locked"', async () => {
    const path = tempDatabase();
    const waited: string[] = [];
    const ledger = openLedger(path, manualClock('2026-12-05T10:00:00Z'), (label) => waited.push(label));
    const other = new Database(path);
    connections.push(other);
    other.exec('BEGIN IMMEDIATE');
    const claim = ledger.claim('digest', '2026-12-05T10:00:00.000Z', new Date());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(waited).toEqual(['claim digest 2026-12-05T10:00:00.000Z']);
    expect(ledger.lastRun('digest')).toBeUndefined();
    other.exec('COMMIT');
    expect(await claim).toBe(true);
    expect(ledger.lastRun('digest')?.result).toBe('running');
  });
});
