import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api-server.ts';
import { parseQuietHours } from '../../src/schedule/quiet-hours.ts';
import { SCHEDULED_POST_EVENT, type ScheduleSpec } from '../../src/schedule/schedule-spec.ts';
import { manualClock, tempDatabase } from './helpers/job-harness.ts';
import { fakeClient, openPostHarness, testSchedule, type PostHarnessOptions } from './helpers/post-harness.ts';

/** Mondays 09:00 in Berlin are 08:00 UTC in December. */
const MONDAY = '2026-12-07T08:00:00.000Z';
const NEXT_MONDAY = '2026-12-14T08:00:00.000Z';
const FOURTH_MONDAY = '2026-12-28T08:00:00.000Z';

let fake: FakeSlack;
const clock = manualClock(MONDAY);
const open: { close(): Promise<void> }[] = [];

const harness = (options: Omit<PostHarnessOptions, 'fake' | 'clock'>) => {
  const opened = openPostHarness({ ...options, fake, clock });
  open.push(opened);
  return opened;
};

/** A process started on Sunday evening, before the Monday slot: from then on, each slot is due once. */
const SUNDAY = '2026-12-06T18:00:00Z';
const startedHarness = async (options: Omit<PostHarnessOptions, 'fake' | 'clock'>, at = SUNDAY) => {
  clock.set(at);
  const opened = harness(options);
  await opened.posts.start();
  return opened;
};

const specs =
  (...list: ScheduleSpec[]) =>
  () =>
    list;

const slotsPosted = (channel = 'C0PAYMENTS') =>
  fake.messages(channel).map((message) => (message.metadata as { event_payload: { slot: string } }).event_payload.slot);

beforeAll(async () => {
  fake = await startFakeSlack({
    now: () => clock.now().getTime(),
    channels: [
      { id: 'C0PAYMENTS', name: 'payments' },
      { id: 'C0OUTSIDE', name: 'outside', botIsMember: false },
    ],
  });
});
afterAll(() => fake.close());
afterEach(async () => {
  for (const opened of open.splice(0)) await opened.close();
});

/** Deletes what earlier tests posted, so each test counts its own messages. */
const clearChannels = async () => {
  const client = fakeClient(fake);
  for (const message of fake.messages()) await client.chat.delete({ channel: message.channel, ts: message.ts });
  fake.clearCalls();
};

describe('scheduled posts, once per slot', () => {
  beforeEach(clearChannels);

  it('posts a due slot once with its metadata and records the channel and ts', async () => {
    const { posts, ledger } = await startedHarness({ path: tempDatabase(), specs: specs(testSchedule()) });
    clock.set('2026-12-07T08:00:00.300Z');
    expect(await posts.tick()).toEqual(new Map([['health-weekly', 'posted']]));
    expect(await posts.tick()).toEqual(new Map());

    const [message] = fake.messages('C0PAYMENTS');
    expect(fake.messages('C0PAYMENTS')).toHaveLength(1);
    expect(message!.metadata).toEqual({ event_type: SCHEDULED_POST_EVENT, event_payload: { schedule: 'health-weekly', slot: MONDAY } });
    expect(ledger.lastRun('post:health-weekly')).toMatchObject({ slot: MONDAY, result: 'ok', post: { channel: 'C0PAYMENTS', ts: message!.ts } });
  });

  it('does not post a slot again after a restart on the same database', async () => {
    const path = tempDatabase();
    const first = await startedHarness({ path, specs: specs(testSchedule()) });
    clock.set('2026-12-07T08:00:01Z');
    await first.posts.tick();
    await first.close();

    clock.set('2026-12-07T08:05:00Z');
    const second = harness({ path, specs: specs(testSchedule()) });
    await second.posts.start();
    expect(await second.posts.runSlot(testSchedule(), new Date(MONDAY))).toBe('claimed-elsewhere');
    clock.set(NEXT_MONDAY);
    await second.posts.tick();
    expect(slotsPosted()).toEqual([MONDAY, NEXT_MONDAY]);
  });

  it('two processes on one database file never both post a slot', async () => {
    const path = tempDatabase();
    const one = await startedHarness({ path, specs: specs(testSchedule()), claimedBy: 'one:1' });
    const two = await startedHarness({ path, specs: specs(testSchedule()), claimedBy: 'two:2' });
    clock.set('2026-12-07T08:00:00.500Z');
    const outcomes = await Promise.all([one.posts.tick(), two.posts.tick(), one.posts.tick(), two.posts.tick()]);
    expect(slotsPosted()).toEqual([MONDAY]);
    const all = outcomes.flatMap((map) => [...map.values()]);
    expect(all.filter((outcome) => outcome === 'posted')).toHaveLength(1);
  });

  it('catches up the latest slot missed while down, once, when missed is once', async () => {
    const path = tempDatabase();
    const first = await startedHarness({ path, specs: specs(testSchedule()) });
    clock.set('2026-12-07T08:00:01Z');
    await first.posts.tick();
    await first.close();

    // Down for three weeks: 14, 21 and 28 December were missed.
    clock.set('2026-12-29T12:00:00Z');
    const second = harness({ path, specs: specs(testSchedule()) });
    await second.posts.start();
    await second.posts.tick();
    expect(slotsPosted()).toEqual([MONDAY, FOURTH_MONDAY]);
  });

  it('skips slots missed while down when missed is skip, and posts the next one', async () => {
    const path = tempDatabase();
    const spec = testSchedule({ missed: 'skip' });
    const first = await startedHarness({ path, specs: specs(spec) });
    clock.set('2026-12-07T08:00:01Z');
    await first.posts.tick();
    await first.close();

    clock.set('2026-12-22T12:00:00Z');
    const second = harness({ path, specs: specs(spec) });
    await second.posts.start();
    expect(slotsPosted()).toEqual([MONDAY]);
    expect(second.lines.some((line) => line.msg.includes('missed slots while Callboard was down; skipped'))).toBe(true);
    clock.set(FOURTH_MONDAY);
    await second.posts.tick();
    expect(slotsPosted()).toEqual([MONDAY, FOURTH_MONDAY]);
  });

  it('a schedule that never ran has nothing to catch up', async () => {
    clock.set('2026-12-22T12:00:00Z');
    const { posts } = harness({ path: tempDatabase(), specs: specs(testSchedule()) });
    await posts.start();
    expect(slotsPosted()).toEqual([]);
  });

  it('a manual post consumes no slot', async () => {
    const { posts, ledger } = await startedHarness({ path: tempDatabase(), specs: specs(testSchedule()) }, '2026-12-07T07:00:00Z');
    const manual = await posts.postNow('health-weekly');
    expect(manual.channel).toBe('C0PAYMENTS');
    expect(ledger.lastRun('post:health-weekly')).toBeUndefined();
    clock.set('2026-12-07T08:00:00Z');
    await posts.tick();
    expect(slotsPosted()).toEqual(['manual:2026-12-07T07:00:00.000Z', MONDAY]);
  });
});

describe('a process stopped between claim and confirmation', () => {
  beforeEach(clearChannels);

  /** What a killed process leaves: the claim, no end, no ts. */
  const leaveClaim = async (path: string, claimedBy: string, claimedAt: string) => {
    clock.set(claimedAt);
    const dead = harness({ path, specs: specs(testSchedule()), claimedBy });
    expect(await dead.ledger.claim('post:health-weekly', MONDAY, clock.now())).toBe(true);
    await dead.close();
  };

  it('posts the slot on start-up when its message is not in the channel', async () => {
    const path = tempDatabase();
    await leaveClaim(path, 'elsewhere:4242', '2026-12-07T08:00:00.100Z');
    clock.set('2026-12-07T09:00:00Z');
    const restarted = harness({ path, specs: specs(testSchedule()) });
    expect(await restarted.posts.recover()).toEqual(new Map([[`health-weekly ${MONDAY}`, 'posted']]));
    expect(slotsPosted()).toEqual([MONDAY]);
    expect(restarted.ledger.lastRun('post:health-weekly')).toMatchObject({ result: 'ok', post: { channel: 'C0PAYMENTS' } });
    const history = fake.calls('conversations.history')[0]!.body;
    expect(history).toMatchObject({ channel: 'C0PAYMENTS', include_all_metadata: 'true' });
  });

  it("finds the message of a claim left behind even when Slack's clock runs ahead of Callboard's", async () => {
    const ahead = await startFakeSlack({ now: () => clock.now().getTime() + 60_000, channels: [{ id: 'C0PAYMENTS', name: 'payments' }] });
    try {
      const path = tempDatabase();
      clock.set('2026-12-07T08:00:00.100Z');
      const dead = openPostHarness({ path, fake: ahead, clock, specs: specs(testSchedule()), claimedBy: 'elsewhere:4242' });
      expect(await dead.ledger.claim('post:health-weekly', MONDAY, clock.now())).toBe(true);
      await dead.close();
      // Its message reached Slack (stamped a minute ahead) just before the process died.
      const sent = await fakeClient(ahead).chat.postMessage({
        channel: 'C0PAYMENTS',
        text: 'health',
        metadata: { event_type: SCHEDULED_POST_EVENT, event_payload: { schedule: 'health-weekly', slot: MONDAY } },
      });
      clock.set('2026-12-07T08:00:30Z');
      const restarted = openPostHarness({ path, fake: ahead, clock, specs: specs(testSchedule()), claimedBy: 'elsewhere:4242' });
      try {
        expect(await restarted.posts.recover()).toEqual(new Map([[`health-weekly ${MONDAY}`, 'found']]));
        expect(ahead.messages('C0PAYMENTS')).toHaveLength(1);
        expect(restarted.ledger.lastRun('post:health-weekly')).toMatchObject({ result: 'ok', post: { ts: sent.ts } });
      } finally {
        await restarted.close();
      }
    } finally {
      await ahead.close();
    }
  });

  it('records the message it finds in the channel instead of posting again', async () => {
    const path = tempDatabase();
    await leaveClaim(path, 'elsewhere:4242', '2026-12-07T08:00:00.100Z');
    // The killed process's post reached Slack; only its confirmation was lost.
    const sent = await fakeClient(fake).chat.postMessage({
      channel: 'C0PAYMENTS',
      text: 'health',
      metadata: { event_type: SCHEDULED_POST_EVENT, event_payload: { schedule: 'health-weekly', slot: MONDAY } },
    });
    clock.set('2026-12-07T09:00:00Z');
    const restarted = harness({ path, specs: specs(testSchedule()) });
    await restarted.posts.start();
    expect(slotsPosted()).toEqual([MONDAY]);
    expect(restarted.ledger.lastRun('post:health-weekly')).toMatchObject({ result: 'ok', post: { channel: 'C0PAYMENTS', ts: sent.ts } });
    expect(fake.calls('chat.postMessage')).toHaveLength(1);
  });

  it('resolves on start-up a claim left under its own name (a container restarted with the same host and pid)', async () => {
    const path = tempDatabase();
    await leaveClaim(path, 'pod-0:1', '2026-12-07T08:00:00.100Z');
    clock.set('2026-12-07T08:01:00Z');
    const restarted = harness({ path, specs: specs(testSchedule()), claimedBy: 'pod-0:1' });
    expect(await restarted.posts.recover()).toEqual(new Map([[`health-weekly ${MONDAY}`, 'posted']]));
    expect(slotsPosted()).toEqual([MONDAY]);
  });

  it('leaves a fresh claim of a process that may still be posting alone', async () => {
    const path = tempDatabase();
    await leaveClaim(path, 'otherhost:4242', '2026-12-07T08:00:00.100Z');
    clock.set('2026-12-07T08:01:00Z');
    const other = harness({ path, specs: specs(testSchedule()) });
    expect(await other.posts.recover()).toEqual(new Map());
    expect(slotsPosted()).toEqual([]);
  });

  it('settles, while running, a claim another host still held at start-up, once its lease ran out', async () => {
    const path = tempDatabase();
    await leaveClaim(path, 'otherhost:4242', '2026-12-07T08:00:00.100Z');
    const running = await startedHarness({ path, specs: specs(testSchedule()) }, '2026-12-07T08:01:00Z');
    expect(slotsPosted()).toEqual([]);
    clock.set('2026-12-07T08:10:00Z');
    await running.posts.tick();
    // Inside its lease (and less than a lease period since the last look): left alone.
    expect(slotsPosted()).toEqual([]);
    clock.set('2026-12-07T08:16:00Z');
    await running.posts.tick();
    expect(slotsPosted()).toEqual([MONDAY]);
    expect(running.ledger.lastRun('post:health-weekly')).toMatchObject({ slot: MONDAY, result: 'ok' });
    clock.set('2026-12-07T08:31:00Z');
    await running.posts.tick();
    expect(slotsPosted()).toEqual([MONDAY]);
  });

  it('after the clock is set back, still settles a claim whose lease ran out, without waiting for the old time to come again', async () => {
    const path = tempDatabase();
    // Started with the clock two hours fast: recovery last looked at "10:00".
    const running = await startedHarness({ path, specs: specs(testSchedule()) }, '2026-12-07T10:00:00Z');
    await leaveClaim(path, 'otherhost:4242', '2026-12-07T08:00:00.100Z');
    clock.set('2026-12-07T08:20:00Z');
    await running.posts.tick();
    expect(slotsPosted()).toEqual([MONDAY]);
    expect(running.ledger.lastRun('post:health-weekly')).toMatchObject({ slot: MONDAY, result: 'ok' });
  });

  it('a recovery asked for while one runs joins it instead of running alongside', async () => {
    const path = tempDatabase();
    await leaveClaim(path, 'elsewhere:4242', '2026-12-07T08:00:00.100Z');
    clock.set('2026-12-07T09:00:00Z');
    const { posts } = harness({ path, specs: specs(testSchedule()) });
    const [first, second] = await Promise.all([posts.recover(), posts.recover()]);
    expect(first).toEqual(new Map([[`health-weekly ${MONDAY}`, 'posted']]));
    expect(second).toBe(first);
    expect(slotsPosted()).toEqual([MONDAY]);
  });

  it('a slot of a schedule is not posted while recovery is resolving another slot of it', async () => {
    const path = tempDatabase();
    await leaveClaim(path, 'elsewhere:4242', '2026-12-07T08:00:00.100Z');
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let looking!: () => void;
    const lookingStarted = new Promise<void>((resolve) => (looking = resolve));
    clock.set('2026-12-14T08:00:01Z');
    const { posts } = harness({
      path,
      specs: specs(testSchedule()),
      wrapApi: (api) => ({
        ...api,
        findPosted: async (...args) => {
          looking();
          await released;
          return api.findPosted(...args);
        },
      }),
    });
    const recovery = posts.recover();
    await lookingStarted;
    expect(await posts.runSlot(testSchedule(), new Date(NEXT_MONDAY))).toBe('busy');
    release();
    expect(await recovery).toEqual(new Map([[`health-weekly ${MONDAY}`, 'posted']]));
    expect(slotsPosted()).toEqual([MONDAY]);
  });

  it('only one of two restarting processes resolves the claim', async () => {
    const path = tempDatabase();
    await leaveClaim(path, 'elsewhere:4242', '2026-12-07T08:00:00.100Z');
    clock.set('2026-12-07T09:00:00Z');
    const one = harness({ path, specs: specs(testSchedule()), claimedBy: 'one:1' });
    const two = harness({ path, specs: specs(testSchedule()), claimedBy: 'two:2' });
    await Promise.all([one.posts.start(), two.posts.start()]);
    expect(slotsPosted()).toEqual([MONDAY]);
  });
});

describe('Slack refusing a post', () => {
  beforeEach(clearChannels);

  it('not_in_channel marks the schedule failing with the reason and the next slot is tried again', async () => {
    const path = tempDatabase();
    const spec = testSchedule({ channel: 'C0OUTSIDE' });
    const { posts, ledger } = await startedHarness({ path, specs: specs(spec) });
    clock.set('2026-12-07T08:00:01Z');
    expect(await posts.tick()).toEqual(new Map([['health-weekly', 'failed']]));
    expect(ledger.lastRun('post:health-weekly')).toMatchObject({
      result: 'failed',
      message: expect.stringContaining('not_in_channel: Callboard is not a member of C0OUTSIDE'),
    });

    fake.addChannel({ id: 'C0OUTSIDE', name: 'outside', botIsMember: true });
    clock.set(NEXT_MONDAY);
    expect(await posts.tick()).toEqual(new Map([['health-weekly', 'posted']]));
    expect(slotsPosted('C0OUTSIDE')).toEqual([NEXT_MONDAY]);
    fake.addChannel({ id: 'C0OUTSIDE', name: 'outside', botIsMember: false });
  });

  it('channel_not_found names the channel to fix', async () => {
    const { posts, ledger } = await startedHarness({ path: tempDatabase(), specs: specs(testSchedule({ channel: 'C0GONE' })) });
    clock.set('2026-12-07T08:00:01Z');
    await posts.tick();
    expect(ledger.lastRun('post:health-weekly')?.message).toMatch(
      /^channel_not_found: Slack knows no channel C0GONE .*fix the channel in schedules \(id health-weekly\)/,
    );
  });

  it('a 429 is waited out for its Retry-After and the slot is posted once', async () => {
    const { posts } = await startedHarness({ path: tempDatabase(), specs: specs(testSchedule()) });
    clock.set('2026-12-07T08:00:01Z');
    // Retry-After: 0 keeps the test from waiting; the client's wait itself is covered in test/slack/web-api-faults.test.ts.
    fake.failNext('chat.postMessage', { kind: 'ratelimited', retryAfterSeconds: 0 });
    expect(await posts.tick()).toEqual(new Map([['health-weekly', 'posted']]));
    expect(fake.calls('chat.postMessage').map((call) => call.status)).toEqual([429, 200]);
    expect(slotsPosted()).toEqual([MONDAY]);
  });
});

describe("Slack's answer to a post lost", () => {
  beforeEach(clearChannels);

  const dueSlot = async (options: Partial<Omit<PostHarnessOptions, 'fake' | 'clock'>> = {}) => {
    const opened = await startedHarness({ path: tempDatabase(), specs: specs(testSchedule()), ...options });
    clock.set('2026-12-07T08:00:01Z');
    return opened;
  };

  it('a 500 after Slack posted: the message is found by its metadata, not posted a second time', async () => {
    const { posts, ledger } = await dueSlot();
    fake.failNext('chat.postMessage', { kind: 'lost-reply', reply: { kind: 'status', status: 500 } });
    expect(await posts.tick()).toEqual(new Map([['health-weekly', 'posted']]));
    expect(slotsPosted()).toEqual([MONDAY]);
    expect(fake.calls('chat.postMessage')).toHaveLength(1);
    const [message] = fake.messages('C0PAYMENTS');
    expect(ledger.lastRun('post:health-weekly')).toMatchObject({ result: 'ok', post: { channel: 'C0PAYMENTS', ts: message!.ts } });
  });

  it('no answer within the timeout after Slack posted: found, not posted a second time', async () => {
    const { posts } = await dueSlot({ postTimeoutMs: 200 });
    fake.failNext('chat.postMessage', { kind: 'lost-reply', reply: { kind: 'hang' } });
    expect(await posts.tick()).toEqual(new Map([['health-weekly', 'posted']]));
    expect(slotsPosted()).toEqual([MONDAY]);
    expect(fake.calls('chat.postMessage')).toHaveLength(1);
  });

  it('a 500 before Slack posted: not in the channel, so posted again, once', async () => {
    const { posts } = await dueSlot();
    fake.failNext('chat.postMessage', { kind: 'status', status: 500 });
    expect(await posts.tick()).toEqual(new Map([['health-weekly', 'posted']]));
    expect(fake.calls('chat.postMessage').map((call) => call.status)).toEqual([500, 200]);
    expect(fake.calls('conversations.history')).toHaveLength(1);
    expect(slotsPosted()).toEqual([MONDAY]);
  });

  it('when the channel cannot be read after a lost answer, the slot fails with the reason instead of risking a second post', async () => {
    const { posts, ledger } = await dueSlot();
    fake.failNext('chat.postMessage', { kind: 'lost-reply', reply: { kind: 'status', status: 503 } });
    fake.failNext('conversations.history', { kind: 'error', error: 'missing_scope' });
    expect(await posts.tick()).toEqual(new Map([['health-weekly', 'failed']]));
    expect(fake.calls('chat.postMessage')).toHaveLength(1);
    expect(ledger.lastRun('post:health-weekly')?.message).toMatch(
      /answer to the post was lost \(HTTP 503\).*not posted again: Slack refused the post: missing_scope/,
    );
  });
});

describe('quiet hours', () => {
  beforeEach(clearChannels);

  it('defers a slot inside quiet hours to their end, still once', async () => {
    // 21:00 Berlin every day; quiet 20:00-08:00 moves it to 08:00 the next morning (07:00 UTC).
    const spec = testSchedule({ cron: '0 21 * * *', quiet: parseQuietHours('20:00-08:00')! });
    const { posts } = await startedHarness({ path: tempDatabase(), specs: specs(spec) }, '2026-12-07T12:00:00Z');
    clock.set('2026-12-07T20:00:00Z');
    await posts.tick();
    expect(slotsPosted()).toEqual([]);
    expect((await posts.nextSlot(spec, clock.now()))?.postAt.toISOString()).toBe('2026-12-09T07:00:00.000Z');
    clock.set('2026-12-08T07:00:00Z');
    await posts.tick();
    await posts.tick();
    expect(slotsPosted()).toEqual(['2026-12-07T20:00:00.000Z']);
  });
});
