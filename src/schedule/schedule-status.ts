import { formatQuietHours } from './quiet-hours.ts';
import type { PostLedger } from './post-ledger.ts';
import type { PostSlots } from './post-slots.ts';
import { ledgerJobOf, type ScheduleSpec } from './schedule-spec.ts';

/** A schedule as `/callboard schedules` and `callboard schedules` show it: what is posted where and when. */
export interface ScheduleStatus {
  id: string;
  post: string;
  origin: ScheduleSpec['origin'];
  team?: string;
  scorecard?: string;
  channel: string;
  cron: string;
  timezone: string;
  missed: ScheduleSpec['missed'];
  quiet?: string;
  /** The next slot, and when it will be posted (later than the slot inside quiet hours). */
  next?: { slot: string; postAt: string };
  /** The latest slot whose message Slack confirmed. */
  lastPost?: { slot: string; channel: string; ts: string; at: string };
  /** Why the latest slot was not posted; cleared by the next slot that is. */
  failing?: string;
  createdBy?: string;
}

/** Every schedule's status from the ledger, as of `now`. */
export const describeSchedules = (
  specs: readonly ScheduleSpec[],
  ledger: Pick<PostLedger, 'lastRun' | 'lastPosted'>,
  slots: PostSlots,
  now: Date,
): ScheduleStatus[] =>
  specs.map((spec) => {
    const job = ledgerJobOf(spec.id);
    const last = ledger.lastRun(job);
    const posted = ledger.lastPosted(job);
    let next: ReturnType<PostSlots['nextSlot']>;
    let untimed: string | undefined;
    try {
      next = slots.nextSlot(spec, now);
    } catch (error) {
      // A stored subscription in a time zone this runtime does not know: listed, with why it never posts.
      untimed = `cannot be timed: ${error instanceof Error ? error.message : String(error)}`;
    }
    return {
      id: spec.id,
      post: spec.post,
      origin: spec.origin,
      ...(spec.team ? { team: spec.team } : {}),
      ...(spec.scorecard ? { scorecard: spec.scorecard } : {}),
      channel: spec.channel,
      cron: spec.cron,
      timezone: spec.timezone,
      missed: spec.missed,
      ...(spec.quiet ? { quiet: formatQuietHours(spec.quiet) } : {}),
      ...(next ? { next: { slot: next.slot.toISOString(), postAt: next.postAt.toISOString() } } : {}),
      ...(posted?.post ? { lastPost: { slot: posted.slot, ...posted.post, at: (posted.finishedAt ?? posted.startedAt).toISOString() } } : {}),
      ...(untimed ? { failing: untimed } : last?.result === 'failed' ? { failing: last.message ?? 'the last slot failed' } : {}),
      ...(spec.createdBy ? { createdBy: spec.createdBy } : {}),
    };
  });
