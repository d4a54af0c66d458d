import type { Logger } from 'pino';
import type { Clock } from '../core/ports.ts';
import type { JobRunEnd, PostedMessage } from './job-ledger.ts';
import { claimantGone, type PostLedger } from './post-ledger.ts';
import { PostSlots } from './post-slots.ts';
import { describePostFailure } from './describe-post-failure.ts';
import type { ScheduledMessage } from './posts/post-type.ts';
import { SCHEDULED_POST_EVENT, ledgerJobOf, type ScheduleSpec } from './schedule-spec.ts';
import { PostAnswerLost, type SchedulePostApi, type ScheduledPostMetadata } from './schedule-post-api.ts';

/** What became of one slot in this process. */
export type PostOutcome = 'posted' | 'found' | 'failed' | 'claimed-elsewhere' | 'busy' | 'ledger-failed';

export interface ScheduledPostsOptions {
  /** Every schedule: config's and the subscriptions, read again at each tick so new subscriptions are seen. */
  specs: () => ScheduleSpec[];
  ledger: PostLedger;
  api: SchedulePostApi;
  /** Builds the message for a slot (the post type registry); throws ScheduleFailure for a schedule at fault. */
  build: (spec: ScheduleSpec, slot: Date, manual: boolean) => Promise<ScheduledMessage>;
  clock: Clock;
  log: Logger;
  /** A claim without an end or a post older than this is taken over, at start-up and every lease period (default 15 min). */
  leaseMs?: number;
  /** Arms a timer after `start` (default true); tests drive `tick` with an injected clock instead. */
  timed?: boolean;
}

/** At most this long between two looks at the schedules, so new subscriptions and clock jumps are seen. */
const MAX_SLEEP_MS = 60_000;
/** Slack's clock and ours may differ: the slot's message is looked for from a little before its claim. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Posts of one slot whose answers were lost and whose message was not found, before the slot is given up. */
const MAX_LOST_ANSWERS = 3;

const metadataFor = (scheduleId: string, slot: string): ScheduledPostMetadata => ({
  event_type: SCHEDULED_POST_EVENT,
  event_payload: { schedule: scheduleId, slot },
});

/**
 * Posts every schedule's message once per slot. A slot is claimed in the job ledger before anything is posted
 * (the claim is atomic, so two processes on one database never both post), and the posted message's channel and
 * `ts` are recorded the moment Slack confirms them. On start-up, a claim left with neither (the process stopped
 * between claim and confirmation) is resolved by looking for the slot's message in the channel — every post
 * carries its schedule and slot as Slack message metadata — and posted only if it is not there. Slots missed
 * while down are caught up once (the latest) or skipped, per the schedule's `missed`.
 */
export class ScheduledPosts {
  private readonly slots = new PostSlots();
  /** Per schedule: slots at or before this are not this process's to post (already handled, skipped, or before it knew). */
  private readonly floors = new Map<string, Date>();
  private readonly active = new Map<string, Promise<PostOutcome>>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** The recovery running now, if one is: a second one waits for it instead of running alongside. */
  private recovering: Promise<Map<string, PostOutcome>> | undefined;
  /** When recovery last started (ms); the next tick a lease period later runs it again. */
  private recoveredAt: number | undefined;

  constructor(private readonly options: ScheduledPostsOptions) {}

  /** Resolves claims a stopped process left, decides each schedule's catch-up, posts what is due, then times the rest. */
  async start(): Promise<void> {
    const now = this.options.clock.now();
    await this.recover(now);
    for (const spec of this.options.specs()) {
      const floor = this.slotsSafely(spec, () => this.startFloor(spec, now));
      if (floor) this.floors.set(spec.id, floor);
    }
    await this.tick(now);
    if (this.options.timed ?? true) this.arm();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.allSettled([...this.active.values(), this.recovering]);
    this.slots.close();
  }

  /** Missed slots: from the last recorded one when they are caught up (`once`), else only from now on. */
  private startFloor(spec: ScheduleSpec, now: Date): Date {
    const last = this.options.ledger.lastRun(ledgerJobOf(spec.id));
    const lastSlot = last ? new Date(last.slot) : undefined;
    if (spec.missed === 'once' && lastSlot && !Number.isNaN(lastSlot.getTime())) {
      // A subscription made again after an unsubscribe finds the old one's slots under its id: none before it was made.
      return spec.createdAt && spec.createdAt > lastSlot ? spec.createdAt : lastSlot;
    }
    if (lastSlot && spec.missed === 'skip' && this.slots.dueSlot(spec, lastSlot, now))
      this.options.log.info({ schedule: spec.id }, `schedule ${spec.id} missed slots while Callboard was down; skipped (missed: skip)`);
    return now;
  }

  /** A schedule first seen after start-up (a new subscription) posts from when it was made. */
  private floorOf(spec: ScheduleSpec, now: Date): Date {
    let floor = this.floors.get(spec.id);
    if (!floor) {
      floor = spec.createdAt && spec.createdAt < now ? spec.createdAt : now;
      this.floors.set(spec.id, floor);
    }
    const last = this.options.ledger.lastRun(ledgerJobOf(spec.id));
    const lastSlot = last ? new Date(last.slot) : undefined;
    return lastSlot && lastSlot > floor ? lastSlot : floor;
  }

  /**
   * Settles claims left by stopped processes when a lease period has passed since the last look, then posts each
   * schedule's latest due slot, if it has one this process has not handled.
   */
  async tick(now: Date = this.options.clock.now()): Promise<Map<string, PostOutcome>> {
    await this.recoverIfDue(now);
    const outcomes = new Map<string, PostOutcome>();
    await Promise.all(
      this.options.specs().map(async (spec) => {
        const slot = this.slotsSafely(spec, () => this.slots.dueSlot(spec, this.floorOf(spec, now), now));
        if (slot) outcomes.set(spec.id, await this.runSlot(spec, slot));
      }),
    );
    return outcomes;
  }

  private arm(): void {
    if (this.stopped) return;
    const now = this.options.clock.now();
    const next = this.options
      .specs()
      .map((spec) => this.slotsSafely(spec, () => this.slots.nextPostTime(spec, now))?.getTime())
      .filter((time): time is number => time !== undefined);
    const wait = Math.max(0, Math.min(MAX_SLEEP_MS, ...next.map((time) => time - now.getTime())));
    this.timer = setTimeout(() => {
      this.tick()
        .catch((error: unknown) => this.options.log.error({ err: error }, 'scheduled posts: a tick failed; the next one retries'))
        .finally(() => this.arm());
    }, wait);
    this.timer.unref();
  }

  /**
   * One schedule's slot arithmetic; a schedule whose cron or time zone this runtime cannot read (a stored
   * subscription, say) is logged and left out, so it stops neither start-up, nor the timer, nor the others.
   */
  private slotsSafely<T>(spec: ScheduleSpec, compute: () => T): T | undefined {
    try {
      return compute();
    } catch (error) {
      this.options.log.error(
        { err: error, schedule: spec.id },
        `schedule ${spec.id} cannot be timed (cron ${spec.cron}, time zone ${spec.timezone}); it is not posted`,
      );
      return undefined;
    }
  }

  /** Claims the slot, then posts it; a slot some process claimed before is left alone. */
  async runSlot(spec: ScheduleSpec, slot: Date): Promise<PostOutcome> {
    if (this.active.has(spec.id)) return 'busy';
    const run = this.claimAndPost(spec, slot);
    this.active.set(spec.id, run);
    try {
      return await run;
    } finally {
      this.active.delete(spec.id);
    }
  }

  private async claimAndPost(spec: ScheduleSpec, slot: Date): Promise<PostOutcome> {
    const { ledger, clock, log } = this.options;
    const key = slot.toISOString();
    // Whatever happens next, this slot is handled here: no retry loop at every tick.
    this.floors.set(spec.id, slot);
    try {
      if (!(await ledger.claim(ledgerJobOf(spec.id), key, clock.now()))) return 'claimed-elsewhere';
    } catch (error) {
      log.error({ err: error, schedule: spec.id, slot: key }, `schedule ${spec.id} could not claim its slot; the slot is not posted`);
      return 'ledger-failed';
    }
    return this.postClaimed(spec, key, slot);
  }

  /** Posts a slot this process holds the claim of, and records the post and the end. */
  private async postClaimed(spec: ScheduleSpec, key: string, slot: Date): Promise<PostOutcome> {
    let posted: PostedMessage & { found?: boolean };
    try {
      const message = await this.options.build(spec, slot, false);
      const channel = await this.channelOf(spec);
      posted = await this.postLookingFirst(spec, channel, message, key);
    } catch (error) {
      const reason = describePostFailure(error, spec);
      this.options.log.warn({ schedule: spec.id, slot: key, reason }, `schedule ${spec.id} failed to post; it is retried at its next slot`);
      await this.end(spec, key, { result: 'failed', message: reason });
      return 'failed';
    }
    const how = posted.found ? ", found by its metadata after Slack's answer was lost" : '';
    await this.record(spec, key, posted, `posted in ${posted.channel} (ts ${posted.ts})${how}`);
    return 'posted';
  }

  /**
   * Posts the slot's message. When Slack's answer is lost, the post may have been made: the message is looked for by
   * its metadata and posted again only when it is not there. When the channel cannot be read, the slot fails rather
   * than risk a second post.
   */
  private async postLookingFirst(spec: ScheduleSpec, channel: string, message: ScheduledMessage, key: string): Promise<PostedMessage & { found?: boolean }> {
    const { api, clock } = this.options;
    const metadata = metadataFor(spec.id, key);
    for (let attempt = 1; ; attempt++) {
      const sentAt = clock.now().getTime();
      try {
        return await api.post(channel, message, metadata);
      } catch (error) {
        if (!(error instanceof PostAnswerLost)) throw error;
        this.options.log.warn({ schedule: spec.id, slot: key, err: error }, `schedule ${spec.id}: ${error.message}; looking for it in the channel`);
        let found: PostedMessage | undefined;
        try {
          const window = { oldest: new Date(sentAt - CLOCK_SKEW_MS), latest: new Date(clock.now().getTime() + CLOCK_SKEW_MS) };
          found = await api.findPosted(channel, window, metadata);
        } catch (lookError) {
          throw new Error(
            `${error.message} and the channel could not be read to see whether it was posted, so it is not posted again: ${describePostFailure(lookError, spec)}`,
          );
        }
        if (found) return { ...found, found: true };
        if (attempt >= MAX_LOST_ANSWERS) throw new Error(`${error.message} ${attempt} times; the message is not in the channel`);
      }
    }
  }

  private async channelOf(spec: ScheduleSpec): Promise<string> {
    const channel = await this.options.api.resolveChannel(spec.channel);
    if (!channel) throw Object.assign(new Error('channel_not_found'), { data: { error: 'channel_not_found' } });
    return channel;
  }

  private async record(spec: ScheduleSpec, key: string, posted: PostedMessage, message: string): Promise<void> {
    const job = ledgerJobOf(spec.id);
    try {
      await this.options.ledger.recordPost(job, key, posted);
    } catch (error) {
      // The message is in the channel: a restart finds it there by its metadata, so it is still posted once.
      this.options.log.error({ err: error, schedule: spec.id, slot: key }, `schedule ${spec.id} posted, but the ledger could not record it`);
    }
    await this.end(spec, key, { result: 'ok', message });
  }

  private async end(spec: ScheduleSpec, key: string, end: Omit<JobRunEnd, 'finishedAt'>): Promise<void> {
    try {
      await this.options.ledger.finish(ledgerJobOf(spec.id), key, { ...end, finishedAt: this.options.clock.now() });
    } catch (error) {
      this.options.log.error({ err: error, schedule: spec.id, slot: key }, `schedule ${spec.id}: the ledger could not record how the slot ended`);
    }
  }

  /**
   * Claims a stopped process left with no post recorded: taken over (one process only), then the slot's message
   * is looked for in the channel from just before the claim until now. Found: its `ts` is recorded. Not there:
   * posted now. When the channel cannot be read, it is not posted again: at most once wins over never lost.
   */
  async recover(now: Date = this.options.clock.now()): Promise<Map<string, PostOutcome>> {
    if (this.recovering) return this.recovering;
    this.recoveredAt = now.getTime();
    this.recovering = this.recoverClaims(now);
    try {
      return await this.recovering;
    } finally {
      this.recovering = undefined;
    }
  }

  /**
   * A claim of a process on another host that was still inside its lease at start-up can only be settled later:
   * recovery runs again at the first tick a lease period after the last one.
   */
  private async recoverIfDue(now: Date): Promise<void> {
    if (this.recoveredAt !== undefined && now.getTime() - this.recoveredAt < this.leaseMs) return;
    try {
      await this.recover(now);
    } catch (error) {
      this.options.log.error({ err: error }, 'scheduled posts: settling claims left by stopped processes failed; retried a lease period later');
    }
  }

  private get leaseMs(): number {
    return this.options.leaseMs ?? 15 * 60_000;
  }

  private async recoverClaims(now: Date): Promise<Map<string, PostOutcome>> {
    const { ledger } = this.options;
    const outcomes = new Map<string, PostOutcome>();
    for (const spec of this.options.specs()) {
      const job = ledgerJobOf(spec.id);
      for (const claim of ledger.unconfirmedClaims(job)) {
        // A claim under this process's own name that it is not posting now was left by an earlier process with the
        // same host and pid (a container restarted): pid 1 again, so neither the pid nor the lease can tell.
        const ownLeftover = claim.claimedBy === ledger.processName && !this.active.has(spec.id);
        if (!ownLeftover && (claim.claimedBy === ledger.processName || !claimantGone(claim, now, this.leaseMs))) continue;
        // A slot of this schedule is being posted (or resolved) now: never both at once; the next recovery looks again.
        if (this.active.has(spec.id)) continue;
        const outcome = await this.takeOverActive(spec, claim, now);
        if (outcome !== 'claimed-elsewhere') outcomes.set(`${spec.id} ${claim.slot}`, outcome);
      }
    }
    return outcomes;
  }

  /** Takes a claim over and resolves it as the schedule's one active run, so a tick finds the schedule busy meanwhile. */
  private async takeOverActive(spec: ScheduleSpec, claim: { slot: string; claimedBy: string; startedAt: Date }, now: Date): Promise<PostOutcome> {
    const { ledger, log } = this.options;
    const run = (async (): Promise<PostOutcome> => {
      if (!(await ledger.takeOver(ledgerJobOf(spec.id), claim.slot, claim.claimedBy))) return 'claimed-elsewhere';
      log.warn(
        { schedule: spec.id, slot: claim.slot, claimedBy: claim.claimedBy },
        `schedule ${spec.id}: a slot was claimed but never confirmed; looking for it in the channel`,
      );
      return this.resolveUnconfirmed(spec, claim.slot, claim.startedAt, now);
    })();
    this.active.set(spec.id, run);
    try {
      return await run;
    } finally {
      this.active.delete(spec.id);
    }
  }

  private async resolveUnconfirmed(spec: ScheduleSpec, key: string, claimedAt: Date, now: Date): Promise<PostOutcome> {
    const slot = new Date(key);
    const oldest = new Date(Math.min(slot.getTime(), claimedAt.getTime()) - CLOCK_SKEW_MS);
    let found: PostedMessage | undefined;
    try {
      const channel = await this.channelOf(spec);
      found = await this.options.api.findPosted(channel, { oldest, latest: now }, metadataFor(spec.id, key));
    } catch (error) {
      const reason = `could not look for the slot's message in the channel, so it is not posted again: ${describePostFailure(error, spec)}`;
      await this.end(spec, key, { result: 'failed', message: reason });
      return 'failed';
    }
    if (found) {
      await this.record(spec, key, found, `found in ${found.channel} (ts ${found.ts}) after a restart`);
      return 'found';
    }
    return this.postClaimed(spec, key, slot);
  }

  /** `callboard post <id>`: one post now, outside the schedule; it consumes no slot and is not in the ledger. */
  async postNow(id: string): Promise<PostedMessage> {
    const spec = this.options.specs().find((candidate) => candidate.id === id);
    if (!spec) throw new Error(`no schedule ${id}`);
    const now = this.options.clock.now();
    const message = await this.options.build(spec, now, true);
    const channel = await this.channelOf(spec);
    return this.options.api.post(channel, message, metadataFor(spec.id, `manual:${now.toISOString()}`));
  }

  /** For status: the next slot of a schedule and when it will be posted. */
  nextSlot(spec: ScheduleSpec, now: Date): { slot: Date; postAt: Date } | undefined {
    return this.slots.nextSlot(spec, now);
  }
}
