import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api-server.ts';
import { DigestHistory } from '../core/scorecards/digest/digest-history.ts';
import { digestBuilder, digestSchedule, FIRST_RUN, SECOND_RUN, syncDigestCatalog, writeScoringRun } from './helpers/digest-world.ts';
import { manualClock, tempDatabase } from './helpers/job-harness.ts';
import { openPostHarness } from './helpers/post-harness.ts';
import { postFromTwoProcesses, postedSlots } from './helpers/post-from-two-processes.ts';

/** A scorecard-digest schedule posted through the scheduled posts (ledger, Web API adapter) into the strict Slack fake. */

const clock = manualClock('2026-12-06T18:00:00Z');
let fake: FakeSlack;
const open: { close(): unknown }[] = [];

beforeAll(async () => {
  fake = await startFakeSlack({ now: () => clock.now().getTime(), channels: [{ id: 'C0PAYMENTS', name: 'payments' }] });
});
afterAll(() => fake.close());
afterEach(async () => {
  for (const opened of open.splice(0).reverse()) await opened.close();
});

/** One Callboard process posting digests from the database at `path`. */
const startProcess = async (path: string) => {
  const builder = digestBuilder(path);
  const harness = openPostHarness({ path, fake, specs: () => [digestSchedule], clock, build: builder.build });
  open.push(builder, harness);
  await harness.posts.start();
  return harness;
};

const digestsPosted = () =>
  fake.messages('C0PAYMENTS').map((message) => ({
    slot: (message.metadata as { event_payload: { slot: string } }).event_payload.slot,
    text: JSON.stringify(message.blocks),
  }));

describe('scorecard digests posted on a schedule', () => {
  it('posts the first digest, then what moved since it, once per slot across a restart', async () => {
    const path = tempDatabase();
    await syncDigestCatalog(path);
    const history = new DigestHistory();
    await writeScoringRun(path, history, '2026-12-01T06:00:00Z', FIRST_RUN);

    const first = await startProcess(path);
    clock.set('2026-12-07T08:00:00.300Z');
    expect(await first.posts.tick()).toEqual(new Map([['readiness-weekly', 'posted']]));
    await writeScoringRun(path, history, '2026-12-08T06:00:00Z', SECOND_RUN);
    await first.close();

    // Restarted on the same database: Monday's slot is not posted again; the next Monday's reports the week's moves.
    const second = await startProcess(path);
    clock.set('2026-12-07T09:00:00Z');
    expect(await second.posts.tick()).toEqual(new Map());
    clock.set('2026-12-14T08:00:00.300Z');
    expect(await second.posts.tick()).toEqual(new Map([['readiness-weekly', 'posted']]));

    const [monday, nextMonday, ...rest] = digestsPosted();
    expect(rest).toEqual([]);
    expect(monday!.slot).toBe('2026-12-07T08:00:00.000Z');
    expect(monday!.text).toContain('This is the first digest in this channel');
    expect(monday!.text).not.toContain('Moved up');
    expect(nextMonday!.slot).toBe('2026-12-14T08:00:00.000Z');
    expect(nextMonday!.text).toContain('changes since 2026-12-07 08:00 UTC');
    expect(nextMonday!.text).toContain('*Moved up* (2)');
    expect(nextMonday!.text).toContain(':arrow_up: `b` (team-a): silver → gold: docs now passes');
    expect(nextMonday!.text).toContain(':arrow_down: `d` (team-b): silver → bronze: Has a runbook now fails');
    expect(nextMonday!.text).not.toContain('`f`');
    expect(nextMonday!.text).toContain('Next best fix: Has a runbook (silver) lifts 1 entity');
  });

  it('counts moves from when the previous digest was posted, not from when a restart took its claim over', async () => {
    const path = tempDatabase();
    await syncDigestCatalog(path);
    const history = new DigestHistory();
    await writeScoringRun(path, history, '2026-12-01T06:00:00Z', FIRST_RUN);
    const earlier = digestsPosted().length;

    // A process on another host posts Monday's digest and stops before the ledger records it.
    clock.set('2026-12-06T18:00:00Z');
    const builder = digestBuilder(path);
    const stopped = openPostHarness({ path, fake, specs: () => [digestSchedule], clock, build: builder.build, claimedBy: 'elsewhere:4242' });
    open.push(builder, stopped);
    await stopped.posts.start();
    stopped.ledger.recordPost = () => Promise.reject(new Error('killed'));
    stopped.ledger.finish = () => Promise.reject(new Error('killed'));
    clock.set('2026-12-07T08:00:00.300Z');
    expect(await stopped.posts.tick()).toEqual(new Map([['readiness-weekly', 'posted']]));
    await writeScoringRun(path, history, '2026-12-07T08:10:00Z', SECOND_RUN);

    // Half an hour later (the claim's lease has run out) a restart takes the claim over and finds the message.
    clock.set('2026-12-07T08:30:00Z');
    const restarted = await startProcess(path);
    expect(restarted.ledger.lastRun('post:readiness-weekly')).toMatchObject({ slot: '2026-12-07T08:00:00.000Z', result: 'ok' });
    clock.set('2026-12-14T08:00:00.300Z');
    expect(await restarted.posts.tick()).toEqual(new Map([['readiness-weekly', 'posted']]));

    const [monday, nextMonday, ...rest] = digestsPosted().slice(earlier);
    expect(rest).toEqual([]);
    expect(monday!.text).toContain('This is the first digest in this channel');
    expect(nextMonday!.text).toContain('changes since 2026-12-07 08:00 UTC');
    expect(nextMonday!.text).toContain('*Moved up* (2)');
  });

  it('marks the schedule failing with the reason when its scorecard is not in the catalog', async () => {
    const path = tempDatabase();
    await syncDigestCatalog(path);
    const builder = digestBuilder(path);
    const spec = { ...digestSchedule, id: 'ghost-digest', scorecard: 'ghost' };
    const harness = openPostHarness({ path, fake, specs: () => [spec], clock, build: builder.build });
    open.push(builder, harness);
    clock.set('2026-12-20T18:00:00Z');
    await harness.posts.start();
    clock.set('2026-12-21T08:00:00.300Z');
    expect(await harness.posts.tick()).toEqual(new Map([['ghost-digest', 'failed']]));
    expect(harness.ledger.lastRun('post:ghost-digest')).toMatchObject({
      result: 'failed',
      message: expect.stringContaining('scorecard ghost is not a Scorecard'),
    });
  });
});

describe('two Callboard processes posting digests on one database', () => {
  it('post each slot exactly once between them, and only the first says it is the first', async () => {
    const path = tempDatabase();
    await syncDigestCatalog(path);
    await writeScoringRun(path, new DigestHistory(), '2026-12-01T06:00:00Z', FIRST_RUN);
    const channel = 'C0TWOPROCS';
    const twoFake = await startFakeSlack({ channels: [{ id: channel, name: 'two-procs' }] });
    try {
      const slotCount = 8;
      const [first, second] = await postFromTwoProcesses({ path, fake: twoFake, channel, slotCount, post: 'digest' });
      const posted = twoFake.messages(channel);
      const slots = postedSlots(twoFake, channel);
      expect(slots).toHaveLength(slotCount);
      expect(new Set(slots).size).toBe(slotCount);
      expect([...first!, ...second!].filter((outcome) => outcome === 'posted')).toHaveLength(slotCount);
      const texts = posted.map((message) => JSON.stringify(message.blocks));
      expect(texts.every((text) => text.includes('Scorecard digest: Production readiness'))).toBe(true);
      expect(texts.filter((text) => text.includes('This is the first digest in this channel'))).toHaveLength(1);
    } finally {
      await twoFake.close();
    }
  }, 40_000);
});
