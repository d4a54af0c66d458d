import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadMessageTemplates } from '../../src/messages/message-templates.ts';
import { PostSlots } from '../../src/schedule/post-slots.ts';
import { parseQuietHours } from '../../src/schedule/quiet-hours.ts';
import { createPostBuilder, handoffShiftsOf } from '../../src/schedule/scheduled-posts-runtime.ts';
import { SCHEDULED_POST_EVENT, type ScheduleSpec } from '../../src/schedule/schedule-spec.ts';
import { describeSchedules } from '../../src/schedule/schedule-status.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api-server.ts';
import { handoffSchedule, openHandoffWorld, switchableProvider, weeklyBerlin } from './helpers/handoff-world.ts';
import { manualClock, tempDatabase } from './helpers/job-harness.ts';
import { fakeClient, openPostHarness, type PostHarnessOptions } from './helpers/post-harness.ts';

/** Payments' weekly Berlin rotation hands over on Mondays at 09:00 (08:00Z in December): the slots, posted at 07:00Z. */
const SLOT = '2026-12-07T08:00:00.000Z';
const NEXT_SLOT = '2026-12-14T08:00:00.000Z';
const SUNDAY = '2026-12-06T18:00:00Z';

let fake: FakeSlack;
let world: Awaited<ReturnType<typeof openHandoffWorld>>;
const clock = manualClock(SUNDAY);
const open: { close(): Promise<void> }[] = [];
const spec = handoffSchedule();

const harness = (options: Partial<Omit<PostHarnessOptions, 'fake' | 'clock'>> & { path: string }) => {
  const opened = openPostHarness({ specs: () => [spec], handoffShifts: world.handoffShifts, ...options, fake, clock });
  open.push(opened);
  return opened;
};

const slotsPosted = () => fake.messages('C0PAYMENTS').map((message) => (message.metadata as { event_payload: { slot: string } }).event_payload.slot);

beforeAll(async () => {
  fake = await startFakeSlack({ now: () => clock.now().getTime(), channels: [{ id: 'C0PAYMENTS', name: 'payments' }] });
  world = await openHandoffWorld({ 'rotation.yaml': weeklyBerlin() });
});
afterAll(async () => {
  world.close();
  await fake.close();
});
afterEach(async () => {
  for (const opened of open.splice(0)) await opened.close();
});
beforeEach(async () => {
  const client = fakeClient(fake);
  for (const message of fake.messages()) await client.chat.delete({ channel: message.channel, ts: message.ts });
  fake.clearCalls();
});

describe('handoff posts, once per slot', () => {
  it('posts a handoff an hour before the shift change, once, and not again after a restart', async () => {
    const path = tempDatabase();
    clock.set(SUNDAY);
    const first = harness({ path });
    await first.posts.start();
    expect(await first.posts.nextSlot(spec, clock.now())).toEqual({ slot: new Date(SLOT), postAt: new Date('2026-12-07T07:00:00Z') });
    clock.set('2026-12-07T06:59:59Z');
    expect(await first.posts.tick()).toEqual(new Map());
    clock.set('2026-12-07T07:00:01Z');
    expect(await first.posts.tick()).toEqual(new Map([[spec.id, 'posted']]));
    expect(await first.posts.tick()).toEqual(new Map());
    await first.close();

    clock.set('2026-12-07T07:30:00Z');
    const second = harness({ path });
    await second.posts.start();
    expect(await second.posts.tick()).toEqual(new Map());
    clock.set('2026-12-14T07:00:05Z');
    await second.posts.tick();
    expect(slotsPosted()).toEqual([SLOT, NEXT_SLOT]);
    expect(fake.messages('C0PAYMENTS')[0]!.metadata).toEqual({ event_type: SCHEDULED_POST_EVENT, event_payload: { schedule: spec.id, slot: SLOT } });
  });

  it('a handoff whose post time passed while down is caught up once (missed: once) or skipped (missed: skip)', async () => {
    for (const missed of ['once', 'skip'] as const) {
      const path = tempDatabase();
      const missing = handoffSchedule({ missed });
      clock.set(SUNDAY);
      const first = harness({ path, specs: () => [missing] });
      await first.posts.start();
      clock.set('2026-12-07T07:00:01Z');
      expect(await first.posts.tick()).toEqual(new Map([[spec.id, 'posted']]));
      await first.close();

      // Down over the next Monday's post time (07:00Z), back before its change (08:00Z).
      clock.set('2026-12-14T07:30:00Z');
      const restarted = harness({ path, specs: () => [missing] });
      await restarted.posts.start();
      expect(await restarted.posts.tick()).toEqual(new Map());
      expect(slotsPosted()).toEqual(missed === 'once' ? [SLOT, NEXT_SLOT] : [SLOT]);
      for (const message of fake.messages('C0PAYMENTS')) await fakeClient(fake).chat.delete({ channel: message.channel, ts: message.ts });
    }
  });

  it('a kill between claim and post: the restart finds the message by its metadata, or posts it once', async () => {
    const path = tempDatabase();
    clock.set('2026-12-07T07:00:00.100Z');
    const killed = harness({ path, claimedBy: 'elsewhere:4242' });
    expect(await killed.ledger.claim(`post:${spec.id}`, SLOT, clock.now())).toBe(true);
    await killed.close();

    clock.set('2026-12-07T07:30:00Z');
    const restarted = harness({ path });
    await restarted.posts.start();
    expect(slotsPosted()).toEqual([SLOT]);
    expect(restarted.ledger.lastRun(`post:${spec.id}`)).toMatchObject({ slot: SLOT, result: 'ok', post: { channel: 'C0PAYMENTS' } });

    // The same again, but the killed process's message reached Slack: found, not posted twice.
    const path2 = tempDatabase();
    clock.set('2026-12-14T07:00:00.100Z');
    const killed2 = harness({ path: path2, claimedBy: 'elsewhere:4243' });
    expect(await killed2.ledger.claim(`post:${spec.id}`, NEXT_SLOT, clock.now())).toBe(true);
    await killed2.close();
    const sent = await fakeClient(fake).chat.postMessage({
      channel: 'C0PAYMENTS',
      text: 'handoff',
      metadata: { event_type: SCHEDULED_POST_EVENT, event_payload: { schedule: spec.id, slot: NEXT_SLOT } },
    });
    clock.set('2026-12-14T07:30:00Z');
    const restarted2 = harness({ path: path2 });
    await restarted2.posts.start();
    expect(slotsPosted()).toEqual([SLOT, NEXT_SLOT]);
    expect(restarted2.ledger.lastRun(`post:${spec.id}`)).toMatchObject({ slot: NEXT_SLOT, result: 'ok', post: { ts: sent.ts } });
  });

  it('a claim taken over after its message was posted (then left again) is found from the post time, not from the takeover', async () => {
    const path = tempDatabase();
    clock.set('2026-12-07T07:00:00.100Z');
    const killed = harness({ path, claimedBy: 'elsewhere:4242' });
    expect(await killed.ledger.claim(`post:${spec.id}`, SLOT, clock.now())).toBe(true);
    await killed.close();
    await fakeClient(fake).chat.postMessage({
      channel: 'C0PAYMENTS',
      text: 'handoff',
      metadata: { event_type: SCHEDULED_POST_EVENT, event_payload: { schedule: spec.id, slot: SLOT } },
    });
    // A second process takes the claim over at 07:20 (its start becomes the takeover) and stops before looking.
    clock.set('2026-12-07T07:20:00Z');
    const tookOver = harness({ path, claimedBy: 'elsewhere:4243' });
    expect(await tookOver.ledger.takeOver(`post:${spec.id}`, SLOT, 'elsewhere:4242')).toBe(true);
    await tookOver.close();

    clock.set('2026-12-07T07:40:00Z');
    const restarted = harness({ path });
    expect(await restarted.posts.recover()).toEqual(new Map([[`${spec.id} ${SLOT}`, 'found']]));
    expect(slotsPosted()).toEqual([SLOT]);
  });

  it('two processes on one database never both post a handoff', async () => {
    const path = tempDatabase();
    clock.set(SUNDAY);
    const one = harness({ path, claimedBy: 'one:1' });
    const two = harness({ path, claimedBy: 'two:2' });
    await Promise.all([one.posts.start(), two.posts.start()]);
    clock.set('2026-12-07T07:00:00.500Z');
    const outcomes = await Promise.all([one.posts.tick(), two.posts.tick(), one.posts.tick(), two.posts.tick()]);
    expect(slotsPosted()).toEqual([SLOT]);
    expect(outcomes.flatMap((map) => [...map.values()]).filter((outcome) => outcome === 'posted')).toHaveLength(1);
  });
});

describe('handoff posts when handoffLead changes', () => {
  it('a shift change already announced is not announced again with the new lead, in the same process or after a restart', async () => {
    const path = tempDatabase();
    let current = handoffSchedule();
    clock.set(SUNDAY);
    const first = harness({ path, specs: () => [current] });
    await first.posts.start();
    clock.set('2026-12-07T07:00:01Z');
    expect(await first.posts.tick()).toEqual(new Map([[spec.id, 'posted']]));

    // The subscription's lead goes from 60 to 30 minutes before the 08:00Z change was reached.
    current = handoffSchedule({ handoffLead: 30 });
    clock.set('2026-12-07T07:30:01Z');
    expect(await first.posts.tick()).toEqual(new Map());
    await first.close();
    const second = harness({ path, specs: () => [current] });
    await second.posts.start();
    expect(await second.posts.tick()).toEqual(new Map());
    expect(fake.messages('C0PAYMENTS')).toHaveLength(1);

    // The next change is announced once, 30 minutes before it.
    clock.set('2026-12-14T07:29:59Z');
    expect(await second.posts.tick()).toEqual(new Map());
    clock.set('2026-12-14T07:30:01Z');
    expect(await second.posts.tick()).toEqual(new Map([[spec.id, 'posted']]));
    expect(fake.messages('C0PAYMENTS')).toHaveLength(2);
  });

  it('two processes with different leads on one database (a rolling deploy) announce a change once', async () => {
    const path = tempDatabase();
    clock.set(SUNDAY);
    const old = harness({ path, claimedBy: 'old:1', specs: () => [handoffSchedule()] });
    const fresh = harness({ path, claimedBy: 'new:2', specs: () => [handoffSchedule({ handoffLead: 30 })] });
    await Promise.all([old.posts.start(), fresh.posts.start()]);
    clock.set('2026-12-07T07:00:01Z');
    expect(await old.posts.tick()).toEqual(new Map([[spec.id, 'posted']]));
    clock.set('2026-12-07T07:30:01Z');
    expect(await fresh.posts.tick()).toEqual(new Map());
    expect(slotsPosted()).toEqual([SLOT]);
  });

  it('a longer lead does not lose the next change', async () => {
    const path = tempDatabase();
    let current = handoffSchedule({ handoffLead: 30 });
    clock.set(SUNDAY);
    const running = harness({ path, specs: () => [current] });
    await running.posts.start();
    clock.set('2026-12-07T07:30:01Z');
    expect(await running.posts.tick()).toEqual(new Map([[spec.id, 'posted']]));
    current = handoffSchedule({ handoffLead: 120 });
    clock.set('2026-12-07T08:00:01Z');
    expect(await running.posts.tick()).toEqual(new Map());
    clock.set('2026-12-14T06:00:01Z');
    expect(await running.posts.tick()).toEqual(new Map([[spec.id, 'posted']]));
    expect(fake.messages('C0PAYMENTS')).toHaveLength(2);
  });
});

describe('handoff subscriptions made inside a lead window', () => {
  // Made at 07:30Z, half an hour after the 08:00Z change's post time: that change is from before it existed.
  const subscription = handoffSchedule({ origin: 'subscription', createdAt: new Date('2026-12-07T07:30:00Z') });

  it('a subscription first seen by a running process posts from the next change on', async () => {
    let specs: ScheduleSpec[] = [];
    clock.set(SUNDAY);
    const running = harness({ path: tempDatabase(), specs: () => specs });
    await running.posts.start();
    specs = [subscription];
    clock.set('2026-12-07T07:30:01Z');
    expect(await running.posts.tick()).toEqual(new Map());
    clock.set('2026-12-14T07:00:01Z');
    expect(await running.posts.tick()).toEqual(new Map([[spec.id, 'posted']]));
    expect(slotsPosted()).toEqual([NEXT_SLOT]);
  });

  it('a subscription made again after an unsubscribe catches up nothing from before it was made (missed: once)', async () => {
    const path = tempDatabase();
    clock.set('2026-11-30T07:00:01Z');
    const earlier = harness({ path });
    expect(await earlier.posts.runSlot(spec, new Date('2026-11-30T08:00:00Z'))).toBe('posted');
    await earlier.close();
    clock.set('2026-12-07T07:40:00Z');
    const restarted = harness({ path, specs: () => [subscription] });
    await restarted.posts.start();
    expect(slotsPosted()).toEqual(['2026-11-30T08:00:00.000Z']);
  });
});

describe('handoff posts after the upgrade that keyed them by their change', () => {
  /** A handoff posted before the upgrade: its ledger row and metadata hold its post time (the change less the lead). */
  const postedBeforeUpgrade = async (path: string, postTime: string) => {
    const before = harness({ path, claimedBy: 'old:1' });
    expect(await before.ledger.claim(`post:${spec.id}`, postTime, new Date(Date.parse(postTime) + 100))).toBe(true);
    const sent = await fakeClient(fake).chat.postMessage({
      channel: 'C0PAYMENTS',
      text: 'handoff',
      metadata: { event_type: SCHEDULED_POST_EVENT, event_payload: { schedule: spec.id, slot: postTime } },
    });
    await before.ledger.recordPost(`post:${spec.id}`, postTime, { channel: 'C0PAYMENTS', ts: sent.ts! });
    await before.ledger.finish(`post:${spec.id}`, postTime, { finishedAt: new Date(Date.parse(postTime) + 200), result: 'ok' });
    await before.close();
  };

  it('a change announced before the upgrade (its row keyed by the post time) is not announced again at the first start', async () => {
    const path = tempDatabase();
    await postedBeforeUpgrade(path, '2026-12-07T07:00:00.000Z');
    clock.set('2026-12-07T07:30:00Z');
    const upgraded = harness({ path });
    await upgraded.posts.start();
    expect(await upgraded.posts.tick()).toEqual(new Map());
    expect(slotsPosted()).toEqual(['2026-12-07T07:00:00.000Z']);

    clock.set('2026-12-14T07:00:01Z');
    expect(await upgraded.posts.tick()).toEqual(new Map([[spec.id, 'posted']]));
    expect(slotsPosted()).toEqual(['2026-12-07T07:00:00.000Z', NEXT_SLOT]);
  });

  it('a change whose post time passed while the upgrade was under way is still caught up (missed: once)', async () => {
    const path = tempDatabase();
    await postedBeforeUpgrade(path, '2026-11-30T07:00:00.000Z');
    clock.set('2026-12-07T07:30:00Z');
    const upgraded = harness({ path });
    await upgraded.posts.start();
    expect(slotsPosted()).toEqual(['2026-11-30T07:00:00.000Z', SLOT]);
  });
});

describe('handoff posts delayed by quiet hours', () => {
  it('a handoff held past the change by quiet hours says the change has happened, not that it is an hour away', async () => {
    const quietSpec = handoffSchedule({ quiet: parseQuietHours('07:30-09:30')! });
    const messages = loadMessageTemplates({ names: ['oncall-handoff'], overrides: {}, configKey: 'postMessages' });
    const build = createPostBuilder({ store: world.catalog.store, messages, oncall: world.oncall });
    clock.set(SUNDAY);
    const running = harness({ path: tempDatabase(), specs: () => [quietSpec], build: () => build });
    await running.posts.start();
    // The 08:00 (Berlin) slot for the 09:00 change is held until quiet hours end at 09:30.
    clock.set('2026-12-07T08:30:01Z');
    expect(await running.posts.tick()).toEqual(new Map([[quietSpec.id, 'posted']]));
    const text = JSON.stringify(fake.messages('C0PAYMENTS')[0]!.blocks);
    expect(text).toContain('on-call changed at *Mon 7 Dec, 09:00* (Europe/Berlin).');
    expect(text).not.toContain('in 60 min');
  });
});

describe('handoff posts when the on-call provider is down', () => {
  it('the slot fails with "on-call unavailable: <reason>", shown as failing, and the next slot is posted', async () => {
    const { provider, state } = switchableProvider(world.oncall.providers[0]!);
    const oncall = { providers: [provider], timeoutMs: 1_000 };
    const handoffShifts = handoffShiftsOf(world.catalog.store, oncall);
    const messages = loadMessageTemplates({ names: ['oncall-handoff'], overrides: {}, configKey: 'postMessages' });
    const build = createPostBuilder({ store: world.catalog.store, messages, oncall });
    const path = tempDatabase();
    clock.set(SUNDAY);
    const running = harness({ path, handoffShifts, build: () => build });
    await running.posts.start();

    // The slot was learnt while the provider answered; it is down when the slot comes.
    state.down = true;
    clock.set('2026-12-07T07:00:01Z');
    expect(await running.posts.tick()).toEqual(new Map([[spec.id, 'failed']]));
    expect(running.ledger.lastRun(`post:${spec.id}`)).toMatchObject({
      slot: SLOT,
      result: 'failed',
      message: 'on-call unavailable: the test provider is down (HTTP 503)',
    });
    const slots = new PostSlots({ handoffShifts });
    const [status] = await describeSchedules([spec], running.ledger, slots, clock.now());
    expect(status).toMatchObject({
      id: spec.id,
      cron: '60 min before each on-call shift change',
      handoffLead: 60,
      failing: expect.stringContaining('on-call unavailable'),
    });
    slots.close();

    state.down = false;
    clock.set('2026-12-14T07:00:01Z');
    expect(await running.posts.tick()).toEqual(new Map([[spec.id, 'posted']]));
    expect(slotsPosted()).toEqual([NEXT_SLOT]);
    expect(JSON.stringify(fake.messages('C0PAYMENTS')[0]!.blocks)).toContain('*Level 1 · primary*: Alice Adams → Bob Brown (until Mon 21 Dec, 09:00)');
  });

  it('a handoff that cannot be timed at all shows why in /callboard schedules', async () => {
    const { provider, state } = switchableProvider(world.oncall.providers[0]!);
    state.down = true;
    const slots = new PostSlots({ handoffShifts: handoffShiftsOf(world.catalog.store, { providers: [provider], timeoutMs: 1_000 }) });
    const [status] = await describeSchedules([spec], { lastRun: () => undefined, lastPosted: () => undefined }, slots, new Date(SUNDAY));
    expect(status!.failing).toBe('on-call unavailable: the test provider is down (HTTP 503)');
    expect(status!.next).toBeUndefined();
    slots.close();
  });
});
