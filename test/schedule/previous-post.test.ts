import { describe, expect, it } from 'vitest';
import type { JobRunRecord } from '../../src/schedule/job-ledger.ts';
import { messageMadeAt } from '../../src/schedule/post-ledger.ts';
import { previousPostOf } from '../../src/schedule/scheduled-posts-runtime.ts';
import { testSchedule } from './helpers/post-harness.ts';

const claimed = new Date('2026-12-07T08:00:00.300Z');
const posted = (channel: string, slot = '2026-12-07T08:00:00.000Z'): JobRunRecord => ({
  job: 'post:health-weekly',
  slot,
  claimedBy: 'host:1',
  startedAt: claimed,
  finishedAt: new Date('2026-12-07T08:00:01Z'),
  result: 'ok',
  post: { channel, ts: '1.2' },
});
/** The ledger's rule over a few records: the latest earlier slot posted or still in flight. */
const ledgerWith = (...records: (JobRunRecord | undefined)[]) => ({
  postBefore: (job: string, slot: string) => {
    expect(job).toBe('post:health-weekly');
    const earlier = records.filter((record): record is JobRunRecord => !!record && record.slot < slot && (!!record.post || !record.finishedAt));
    return earlier.sort((a, b) => (a.slot < b.slot ? 1 : -1))[0];
  },
});
const NEXT_SLOT = new Date('2026-12-14T08:00:00Z');

const inFlight = (slot: string): JobRunRecord => ({ job: 'post:health-weekly', slot, claimedBy: 'host:2', startedAt: new Date(slot), result: 'running' });
const failed = (slot: string): JobRunRecord => ({ ...inFlight(slot), finishedAt: new Date(slot), result: 'failed' });

describe('previousPostOf', () => {
  it("is when the schedule's last posted slot was claimed (its message was built right after)", () => {
    expect(previousPostOf(ledgerWith(posted('C0PAYMENTS')), testSchedule(), NEXT_SLOT)).toEqual(claimed);
  });

  it('is absent before the first post, without a ledger, and for the slot being posted', () => {
    expect(previousPostOf(ledgerWith(undefined), testSchedule(), NEXT_SLOT)).toBeUndefined();
    expect(previousPostOf(undefined, testSchedule(), NEXT_SLOT)).toBeUndefined();
    expect(previousPostOf(ledgerWith(posted('C0PAYMENTS', NEXT_SLOT.toISOString())), testSchedule(), NEXT_SLOT)).toBeUndefined();
  });

  it('is absent when the last post went to another channel than the schedule names now; a channel name cannot be compared', () => {
    expect(previousPostOf(ledgerWith(posted('C0ELSEWHERE')), testSchedule(), NEXT_SLOT)).toBeUndefined();
    expect(previousPostOf(ledgerWith(posted('C0ELSEWHERE')), testSchedule({ channel: '#payments' }), NEXT_SLOT)).toEqual(claimed);
  });

  it('counts an earlier slot still being posted by another process, but not a failed one nor a later one', () => {
    const earlier = '2026-12-10T08:00:00.000Z';
    expect(previousPostOf(ledgerWith(posted('C0PAYMENTS'), inFlight(earlier)), testSchedule(), NEXT_SLOT)).toEqual(new Date(earlier));
    expect(previousPostOf(ledgerWith(posted('C0PAYMENTS'), failed(earlier)), testSchedule(), NEXT_SLOT)).toEqual(claimed);
    expect(previousPostOf(ledgerWith(posted('C0PAYMENTS', '2026-12-21T08:00:00.000Z')), testSchedule(), NEXT_SLOT)).toBeUndefined();
  });
});

describe('messageMadeAt', () => {
  const claim = { startedAt: new Date('2026-12-07T08:00:00.300Z') };

  it('is the claim when Slack stamped the message after it (built right after the claim, then posted)', () => {
    expect(messageMadeAt({ ...claim, post: { channel: 'C0PAYMENTS', ts: '1796630400.900000' } })).toEqual(claim.startedAt);
    expect(messageMadeAt(claim)).toEqual(claim.startedAt);
  });

  it("is the message's ts when a takeover moved the claim after the message was posted", () => {
    const takenOver = { startedAt: new Date('2026-12-07T08:30:00Z'), post: { channel: 'C0PAYMENTS', ts: '1796630400.250000' } };
    expect(messageMadeAt(takenOver)).toEqual(new Date('2026-12-07T08:00:00.250Z'));
  });

  it('keeps the claim when the ts is not a Slack ts', () => {
    expect(messageMadeAt({ startedAt: new Date('2026-12-07T08:30:00Z'), post: { channel: 'C0PAYMENTS', ts: 'garbage' } })).toEqual(
      new Date('2026-12-07T08:30:00Z'),
    );
  });
});
