import { describe, expect, it } from 'vitest';
import type { JobRunRecord, PostedMessage } from '../../src/schedule/job-ledger.ts';
import type { PostLedger } from '../../src/schedule/post-ledger.ts';
import type { SchedulePostApi } from '../../src/schedule/schedule-post-api.ts';
import { PostSlots } from '../../src/schedule/post-slots.ts';
import { describeSchedules } from '../../src/schedule/schedule-status.ts';
import { ScheduledPosts } from '../../src/schedule/scheduled-posts.ts';
import { capturedLog, manualClock } from './helpers/job-harness.ts';
import { testSchedule } from './helpers/post-harness.ts';

/** A ledger in memory: enough for one process. */
const memoryLedger = (): PostLedger => {
  const runs = new Map<string, JobRunRecord>();
  const key = (job: string, slot: string) => `${job} ${slot}`;
  const ofJob = (job: string) => [...runs.values()].filter((run) => run.job === job).sort((a, b) => (a.slot < b.slot ? 1 : -1));
  return {
    processName: 'test:1',
    claim: async (job, slot, startedAt) => {
      if (runs.has(key(job, slot))) return false;
      runs.set(key(job, slot), { job, slot, claimedBy: 'test:1', startedAt, result: 'running' });
      return true;
    },
    finish: async (job, slot, end) => void Object.assign(runs.get(key(job, slot))!, end),
    recordPost: async (job, slot, post) => void Object.assign(runs.get(key(job, slot))!, { post }),
    lastRun: (job) => ofJob(job)[0],
    lastPosted: (job) => ofJob(job).find((run) => run.post),
    postBefore: (job, slot) => ofJob(job).find((run) => run.slot < slot && (run.post || !run.finishedAt)),
    unconfirmedClaims: () => [],
    takeOver: async () => false,
  };
};

describe('a schedule whose slots cannot be computed (a stored time zone this runtime does not know)', () => {
  it('does not stop the other schedules from posting, nor start-up', async () => {
    const clock = manualClock('2026-12-06T18:00:00Z');
    const posted: string[] = [];
    const api: SchedulePostApi = {
      resolveChannel: async (channel) => channel,
      post: async (channel, _message, metadata): Promise<PostedMessage> => {
        posted.push(metadata.event_payload.schedule);
        return { channel, ts: String(posted.length) };
      },
      findPosted: async () => undefined,
    };
    const good = testSchedule();
    const bad = testSchedule({ id: 'health.D0APPDM.all', timezone: 'Mars/Olympus', origin: 'subscription' });
    const { log, lines } = capturedLog();
    const posts = new ScheduledPosts({
      specs: () => [bad, good],
      ledger: memoryLedger(),
      api,
      build: async (spec) => ({ text: spec.id, blocks: [] }),
      clock,
      log,
      timed: true,
    });
    await posts.start();
    clock.set('2026-12-07T08:00:01Z');
    expect(await posts.tick()).toEqual(new Map([['health-weekly', 'posted']]));
    expect(posted).toEqual(['health-weekly']);
    expect(lines.some((line) => line.msg.includes('health.D0APPDM.all'))).toBe(true);
    await posts.stop();
  });
});

describe('the status of such a schedule', () => {
  it('is listed as failing with the reason instead of breaking the list', async () => {
    const slots = new PostSlots();
    const bad = testSchedule({ id: 'health.D0APPDM.all', timezone: 'Mars/Olympus', origin: 'subscription' });
    const [badStatus, goodStatus] = await describeSchedules([bad, testSchedule()], memoryLedger(), slots, new Date('2026-12-06T18:00:00Z'));
    expect(badStatus).toMatchObject({ id: 'health.D0APPDM.all', failing: expect.stringContaining('cannot be timed') });
    expect(badStatus!.next).toBeUndefined();
    expect(goodStatus!.next).toEqual({ slot: '2026-12-07T08:00:00.000Z', postAt: '2026-12-07T08:00:00.000Z' });
    slots.close();
  });
});

describe('a subscription made again after an unsubscribe', () => {
  it('catches up no slot from before it was made, after a restart as without one', async () => {
    const clock = manualClock('2026-12-10T12:00:00Z');
    const ledger = memoryLedger();
    // The old subscription's last slot, weeks before the new one was made on Wednesday 9 December.
    await ledger.claim('post:health.C0PAYMENTS.all', '2026-11-02T08:00:00.000Z', new Date('2026-11-02T08:00:00Z'));
    const spec = testSchedule({ id: 'health.C0PAYMENTS.all', origin: 'subscription', createdAt: new Date('2026-12-09T10:00:00Z') });
    const posted: string[] = [];
    const posts = new ScheduledPosts({
      specs: () => [spec],
      ledger,
      api: {
        resolveChannel: async (channel) => channel,
        post: async (channel, _message, metadata) => {
          posted.push(metadata.event_payload.slot);
          return { channel, ts: '1.1' };
        },
        findPosted: async () => undefined,
      },
      build: async (schedule) => ({ text: schedule.id, blocks: [] }),
      clock,
      log: capturedLog().log,
      timed: false,
    });
    await posts.start();
    expect(posted).toEqual([]);
    clock.set('2026-12-14T08:00:01Z');
    await posts.tick();
    expect(posted).toEqual(['2026-12-14T08:00:00.000Z']);
    await posts.stop();
  });
});
