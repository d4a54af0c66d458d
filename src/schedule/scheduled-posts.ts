import type { Logger } from 'pino';
import type { Clock } from '../core/ports.ts';
import { ActivePosts } from './active-posts.ts';
import { ClaimRecovery } from './claim-recovery.ts';
import type { PostedMessage } from './job-ledger.ts';
import { PostFloors } from './post-floors.ts';
import type { PostLedger } from './post-ledger.ts';
import { scheduledPostMetadataFor } from './post-metadata.ts';
import type { PostOutcome } from './post-outcome.ts';
import { PostSlots, type HandoffShifts } from './post-slots.ts';
import { PostTimer } from './post-timer.ts';
import type { SchedulePostApi } from './schedule-post-api.ts';
import { describeTiming, ledgerJobOf, type ScheduleSpec } from './schedule-spec.ts';
import { SlotPoster, type BuildScheduledMessage } from './slot-poster.ts';

export type { PostOutcome } from './post-outcome.ts';

export interface ScheduledPostsOptions {
  /** Every schedule: config's and the subscriptions, read again at each tick so new subscriptions are seen. */
  specs: () => ScheduleSpec[];
  ledger: PostLedger;
  api: SchedulePostApi;
  /** Builds the message for a slot (the post type registry); throws ScheduleFailure for a schedule at fault. */
  build: BuildScheduledMessage;
  clock: Clock;
  log: Logger;
  /** A claim without an end or a post older than this is taken over, at start-up and every lease period (default 15 min). */
  leaseMs?: number;
  /** Who is on call for a handoff schedule's team (its slots are the shift changes); absent: handoffs cannot be timed. */
  handoffShifts?: HandoffShifts;
  /** Arms a timer after `start` (default true); tests drive `tick` with an injected clock instead. */
  timed?: boolean;
}

/**
 * Posts every schedule's message once per slot. A slot is claimed in the job ledger before anything is posted
 * (the claim is atomic, so two processes on one database never both post), and the posted message's channel and
 * `ts` are recorded the moment Slack confirms them (slot-poster.ts). A claim left with neither (the process stopped
 * between claim and confirmation) is resolved by looking for the slot's message in the channel (claim-recovery.ts).
 * Slots missed while down are caught up once (the latest) or skipped, per the schedule's `missed` (post-floors.ts).
 */
export class ScheduledPosts {
  private readonly slots: PostSlots;
  private readonly active = new ActivePosts();
  private readonly floors: PostFloors;
  private readonly poster: SlotPoster;
  private readonly recovery: ClaimRecovery;
  private readonly timer: PostTimer;
  /** Per schedule that cannot be timed, the reason last logged. */
  private readonly untimed = new Map<string, string>();

  constructor(private readonly options: ScheduledPostsOptions) {
    const { specs, ledger, api, log } = options;
    this.slots = new PostSlots(options.handoffShifts ? { handoffShifts: options.handoffShifts } : {});
    this.floors = new PostFloors({ ledger, slots: this.slots, log });
    this.poster = new SlotPoster(options);
    const leaseMs = options.leaseMs ?? 15 * 60_000;
    this.recovery = new ClaimRecovery({ specs, ledger, api, poster: this.poster, active: this.active, log, leaseMs });
    this.timer = new PostTimer({
      clock: options.clock,
      log,
      nextDueTimes: (now) => Promise.all(specs().map(async (spec) => (await this.slotsSafely(spec, () => this.slots.nextPostTime(spec, now)))?.getTime())),
      tick: () => this.tick(),
    });
  }

  /** Resolves claims a stopped process left, decides each schedule's catch-up, posts what is due, then times the rest. */
  async start(): Promise<void> {
    const now = this.options.clock.now();
    await this.recover(now);
    for (const spec of this.options.specs()) await this.slotsSafely(spec, () => this.floors.settleAtStart(spec, now));
    await this.tick(now);
    if (this.options.timed ?? true) this.timer.arm();
  }

  async stop(): Promise<void> {
    await this.timer.stop();
    await Promise.allSettled([...this.active.pending(), this.recovery.pending()]);
    this.slots.close();
  }

  /**
   * Settles claims left by stopped processes when a lease period has passed since the last look, then posts each
   * schedule's latest due slot, if it has one this process has not handled.
   */
  async tick(now: Date = this.options.clock.now()): Promise<Map<string, PostOutcome>> {
    await this.recovery.recoverIfDue(now);
    const outcomes = new Map<string, PostOutcome>();
    await Promise.all(
      this.options.specs().map(async (spec) => {
        const slot = await this.slotsSafely(spec, () => this.slots.dueSlot(spec, this.floors.floorOf(spec, now), now));
        if (slot) outcomes.set(spec.id, await this.runSlot(spec, slot));
      }),
    );
    return outcomes;
  }

  /**
   * One schedule's slot arithmetic; a schedule that cannot be timed (a stored subscription's cron or time zone this
   * runtime cannot read, a handoff team whose on-call cannot be asked) is logged and left out, so it stops neither
   * start-up, nor the timer, nor the others. `/callboard schedules` shows why.
   */
  private async slotsSafely<T>(spec: ScheduleSpec, compute: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await compute();
      this.untimed.delete(spec.id);
      return result;
    } catch (error) {
      // Asked again at every tick (a handoff's provider may come back): logged when the reason changes, not each minute.
      const reason = error instanceof Error ? error.message : String(error);
      if (this.untimed.get(spec.id) === reason) return undefined;
      this.untimed.set(spec.id, reason);
      this.options.log.error({ err: error, schedule: spec.id }, `schedule ${spec.id} cannot be timed (${describeTiming(spec)}); it is not posted`);
      return undefined;
    }
  }

  /** Claims the slot, then posts it; a slot some process claimed before is left alone. */
  async runSlot(spec: ScheduleSpec, slot: Date): Promise<PostOutcome> {
    if (this.active.has(spec.id)) return 'busy';
    return this.active.run(spec.id, () => this.claimAndPost(spec, slot));
  }

  private async claimAndPost(spec: ScheduleSpec, slot: Date): Promise<PostOutcome> {
    const { ledger, clock, log } = this.options;
    const key = slot.toISOString();
    this.floors.handled(spec, slot);
    try {
      if (!(await ledger.claim(ledgerJobOf(spec.id), key, clock.now()))) return 'claimed-elsewhere';
    } catch (error) {
      log.error({ err: error, schedule: spec.id, slot: key }, `schedule ${spec.id} could not claim its slot; the slot is not posted`);
      return 'ledger-failed';
    }
    return this.poster.post(spec, key, slot);
  }

  /** Settles claims left by stopped processes now (start-up does; tests call it directly). */
  async recover(now: Date = this.options.clock.now()): Promise<Map<string, PostOutcome>> {
    return this.recovery.recover(now);
  }

  /** `callboard post <id>`: one post now, outside the schedule; it consumes no slot and is not in the ledger. */
  async postNow(id: string): Promise<PostedMessage> {
    const spec = this.options.specs().find((candidate) => candidate.id === id);
    if (!spec) throw new Error(`no schedule ${id}`);
    const now = this.options.clock.now();
    const message = await this.options.build(spec, now, true);
    const channel = await this.poster.channelOf(spec);
    return this.options.api.post(channel, message, scheduledPostMetadataFor(spec.id, `manual:${now.toISOString()}`));
  }

  /** For status: the next slot of a schedule and when it will be posted. */
  nextSlot(spec: ScheduleSpec, now: Date): Promise<{ slot: Date; postAt: Date } | undefined> {
    return this.slots.nextSlot(spec, now);
  }
}
