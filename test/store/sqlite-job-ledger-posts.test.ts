import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { claimantGone } from '../../src/schedule/post-ledger.ts';
import { openDatabase } from '../../src/store/open-database.ts';
import { SqliteJobLedger } from '../../src/store/sqlite-job-ledger.ts';
import { WriteQueue } from '../../src/store/write-queue.ts';
import { manualClock, tempDatabase } from '../schedule/helpers/job-harness.ts';

const connections: Database.Database[] = [];
afterEach(() => connections.splice(0).forEach((client) => client.close()));

const openLedger = (path: string, claimedBy: string, clock = manualClock('2026-12-07T09:00:00Z')) => {
  const writer = openDatabase(path).$client;
  const reader = openDatabase(path, { migrate: false }).$client;
  connections.push(writer, reader);
  return new SqliteJobLedger({ queue: new WriteQueue(writer), writer, reader, clock, claimedBy });
};

const SLOT = '2026-12-07T08:00:00.000Z';

describe('SqliteJobLedger for scheduled posts', () => {
  it('keeps the posted message of a slot, and knows the last posted slot apart from the last run', async () => {
    const ledger = openLedger(tempDatabase(), 'host:1');
    await ledger.claim('post:health', SLOT, new Date(SLOT));
    await ledger.recordPost('post:health', SLOT, { channel: 'C0PAYMENTS', ts: '1796630400.000100' });
    await ledger.finish('post:health', SLOT, { finishedAt: new Date(SLOT), result: 'ok' });
    await ledger.claim('post:health', '2026-12-14T08:00:00.000Z', new Date('2026-12-14T08:00:00Z'));
    await ledger.finish('post:health', '2026-12-14T08:00:00.000Z', {
      finishedAt: new Date('2026-12-14T08:00:01Z'),
      result: 'failed',
      message: 'not_in_channel',
    });
    expect(ledger.lastPosted('post:health')).toMatchObject({ slot: SLOT, post: { channel: 'C0PAYMENTS', ts: '1796630400.000100' } });
    expect(ledger.lastRun('post:health')).toMatchObject({ slot: '2026-12-14T08:00:00.000Z', result: 'failed' });
    expect(ledger.lastRun('post:health')).not.toHaveProperty('post');
  });

  it('lists only claims with neither an end nor a post as unconfirmed', async () => {
    const ledger = openLedger(tempDatabase(), 'host:1');
    await ledger.claim('post:health', 'a', new Date(SLOT));
    await ledger.claim('post:health', 'b', new Date(SLOT));
    await ledger.recordPost('post:health', 'b', { channel: 'C1', ts: '1.2' });
    await ledger.claim('post:health', 'c', new Date(SLOT));
    await ledger.finish('post:health', 'c', { finishedAt: new Date(SLOT), result: 'failed' });
    expect(ledger.unconfirmedClaims('post:health').map((claim) => claim.slot)).toEqual(['a']);
  });

  it('lets exactly one of two processes take over an abandoned claim', async () => {
    const path = tempDatabase();
    await openLedger(path, 'dead:4242').claim('post:health', SLOT, new Date(SLOT));
    const one = openLedger(path, 'one:1');
    const two = openLedger(path, 'two:2');
    const won = await Promise.all([one.takeOver('post:health', SLOT, 'dead:4242'), two.takeOver('post:health', SLOT, 'dead:4242')]);
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(one.lastRun('post:health')?.claimedBy).toBe(won[0] ? 'one:1' : 'two:2');
    expect(await one.takeOver('post:health', SLOT, 'dead:4242')).toBe(false);
  });

  it('treats a claim as abandoned once its lease has passed, or when its process on this host is gone', () => {
    const claim = (claimedBy: string, startedAt: string) => ({
      job: 'post:health',
      slot: SLOT,
      claimedBy,
      startedAt: new Date(startedAt),
      result: 'running' as const,
    });
    const lease = 15 * 60_000;
    expect(claimantGone(claim('elsewhere:1', '2026-12-07T08:00:00Z'), new Date('2026-12-07T08:05:00Z'), lease, 'here')).toBe(false);
    expect(claimantGone(claim('elsewhere:1', '2026-12-07T08:00:00Z'), new Date('2026-12-07T08:16:00Z'), lease, 'here')).toBe(true);
    // The test runner's parent process is alive; pid 2^31-1 is not.
    expect(claimantGone(claim(`here:${process.ppid}`, '2026-12-07T08:00:00Z'), new Date('2026-12-07T08:01:00Z'), lease, 'here')).toBe(false);
    expect(claimantGone(claim('here:2147483647', '2026-12-07T08:00:00Z'), new Date('2026-12-07T08:01:00Z'), lease, 'here')).toBe(true);
  });

  it('finds the latest earlier slot posted or in flight, skipping failed and later slots', async () => {
    const ledger = openLedger(tempDatabase(), 'host:1');
    await ledger.claim('post:digest', '2026-12-01', new Date(SLOT));
    await ledger.recordPost('post:digest', '2026-12-01', { channel: 'C1', ts: '1.1' });
    await ledger.claim('post:digest', '2026-12-08', new Date(SLOT));
    await ledger.finish('post:digest', '2026-12-08', { finishedAt: new Date(SLOT), result: 'failed' });
    await ledger.claim('post:digest', '2026-12-22', new Date(SLOT));
    expect(ledger.postBefore('post:digest', '2026-12-15')?.slot).toBe('2026-12-01');
    expect(ledger.postBefore('post:digest', '2026-12-29')?.slot).toBe('2026-12-22');
    expect(ledger.postBefore('post:digest', '2026-12-01')).toBeUndefined();
  });
});
