import { formatQuietHours } from './quiet-hours.ts';
import type { PostLedger } from './post-ledger.ts';
import type { PostSlots } from './post-slots.ts';
import { ScheduleFailure } from './posts/post-type.ts';
import { DEFAULT_HANDOFF_LEAD_MINUTES, describeTiming, ledgerJobOf, type ScheduleSpec } from './schedule-spec.ts';

/** A schedule as `/callboard schedules` and `callboard schedules` show it: what is posted where and when. */
export interface ScheduleStatus {
  id: string;
  post: string;
  origin: ScheduleSpec['origin'];
  team?: string;
  scorecard?: string;
  channel: string;
  /** The cron; for a handoff, when it posts in words ("60 min before each on-call shift change"). */
  cron: string;
  /** oncall-handoff only: minutes before each shift change. */
  handoffLead?: number;
  timezone: string;
  missed: ScheduleSpec['missed'];
  quiet?: string;
  /** The next slot (a handoff's: the shift change it announces), and when it will be posted (later inside quiet hours). */
  next?: { slot: string; postAt: string };
  /** The latest slot whose message Slack confirmed. */
  lastPost?: { slot: string; channel: string; ts: string; at: string };
  /** Why the latest slot was not posted; cleared by the next slot that is. */
  failing?: string;
  createdBy?: string;
}

/** The next slot, or why the schedule cannot be timed (a handoff team's on-call says why in its own words). */
const nextOf = async (spec: ScheduleSpec, slots: PostSlots, now: Date): Promise<{ next?: { slot: Date; postAt: Date }; untimed?: string }> => {
  try {
    const next = await slots.nextSlot(spec, now);
    return next ? { next } : {};
  } catch (error) {
    if (error instanceof ScheduleFailure) return { untimed: error.message };
    // A stored subscription in a time zone this runtime does not know: listed, with why it never posts.
    return { untimed: `cannot be timed: ${error instanceof Error ? error.message : String(error)}` };
  }
};

/** Every schedule's status from the ledger, as of `now`. */
export const describeSchedules = (
  specs: readonly ScheduleSpec[],
  ledger: Pick<PostLedger, 'lastRun' | 'lastPosted'>,
  slots: PostSlots,
  now: Date,
): Promise<ScheduleStatus[]> =>
  Promise.all(
    specs.map(async (spec) => {
      const job = ledgerJobOf(spec.id);
      const last = ledger.lastRun(job);
      const posted = ledger.lastPosted(job);
      const { next, untimed } = await nextOf(spec, slots, now);
      return {
        id: spec.id,
        post: spec.post,
        origin: spec.origin,
        ...(spec.team ? { team: spec.team } : {}),
        ...(spec.scorecard ? { scorecard: spec.scorecard } : {}),
        channel: spec.channel,
        cron: spec.cron ?? describeTiming(spec),
        ...(spec.post === 'oncall-handoff' ? { handoffLead: spec.handoffLead ?? DEFAULT_HANDOFF_LEAD_MINUTES } : {}),
        timezone: spec.timezone,
        missed: spec.missed,
        ...(spec.quiet ? { quiet: formatQuietHours(spec.quiet) } : {}),
        ...(next ? { next: { slot: next.slot.toISOString(), postAt: next.postAt.toISOString() } } : {}),
        ...(posted?.post ? { lastPost: { slot: posted.slot, ...posted.post, at: (posted.finishedAt ?? posted.startedAt).toISOString() } } : {}),
        ...(untimed ? { failing: untimed } : last?.result === 'failed' ? { failing: last.message ?? 'the last slot failed' } : {}),
        ...(spec.createdBy ? { createdBy: spec.createdBy } : {}),
      };
    }),
  );
