import cron, { type ScheduledTask } from 'node-cron';
import type { OnCallSchedule } from '../core/oncall/on-call.ts';
import { createCronSlots } from './cron-slots.ts';
import { handoffSlotSeries, type TeamShifts } from './handoff-slot-series.ts';
import { ScheduleFailure } from './posts/post-type.ts';
import { deferPastQuietHours, quietWindowStart } from './quiet-hours.ts';
import { DEFAULT_HANDOFF_LEAD_MINUTES, type ScheduleSpec } from './schedule-spec.ts';
import { cronSlotSeries, type SlotSeries } from './slot-series.ts';

/**
 * Quiet windows jumped over at most in one `dueSlot` (each jump is one slot search, which for a seconds cron scans a
 * day's 86,400 times): a slot before a window's start is outside it, so one jump is enough; a DST change can need one
 * more.
 */
const MAX_WINDOW_JUMPS = 4;

/** Who is on call for a handoff schedule's team at an instant; throws ScheduleFailure saying why nobody can say. */
export type HandoffShifts = (spec: ScheduleSpec, at: Date) => Promise<OnCallSchedule>;

export interface PostSlotsOptions {
  /** Replaceable so tests can count the slot searches. */
  createSlots?: typeof createCronSlots;
  /** Who is on call for a handoff schedule's team; without it, handoff schedules cannot be timed. */
  handoffShifts?: HandoffShifts;
}

/** Whether a schedule's slots are shift changes (each posted the lead before) rather than cron slots. */
export const isHandoffSchedule = (spec: Pick<ScheduleSpec, 'post'>): boolean => spec.post === 'oncall-handoff';

export const handoffLeadMsOf = (spec: Pick<ScheduleSpec, 'handoffLead'>): number => (spec.handoffLead ?? DEFAULT_HANDOFF_LEAD_MINUTES) * 60_000;

/** How long before its slot a schedule posts: a handoff's lead before the shift change; nothing for a cron slot. */
const leadMsOf = (spec: Pick<ScheduleSpec, 'post' | 'handoffLead'>): number => (isHandoffSchedule(spec) ? handoffLeadMsOf(spec) : 0);

/** When a slot is meant to be posted, before quiet hours: the cron slot itself, or a shift change less the lead. */
export const plannedPostTimeOf = (spec: Pick<ScheduleSpec, 'post' | 'handoffLead'>, slot: Date): Date => new Date(slot.getTime() - leadMsOf(spec));

/**
 * The slot floor that stands for "posted up to `instant`": slots after it are planned to be posted after `instant`.
 * A handoff's slot is the shift change, so its floor is `instant` plus the lead as it is now; the ledger keeps the
 * changes themselves, so a lead changed later still finds every announced change below the floor.
 */
export const slotFloorAt = (spec: Pick<ScheduleSpec, 'post' | 'handoffLead'>, instant: Date): Date => new Date(instant.getTime() + leadMsOf(spec));

/**
 * The slots of each schedule (its cron in its time zone, or its team's shift changes, each posted the handoff lead
 * before), with quiet hours applied. The node-cron tasks used as matchers are never started (nothing is timed
 * here); `close` destroys them.
 */
export class PostSlots {
  private readonly cronCache = new Map<string, { series: SlotSeries; task: ScheduledTask }>();
  private readonly handoffCache = new Map<string, SlotSeries>();

  constructor(private readonly options: PostSlotsOptions = {}) {}

  private seriesOf(spec: ScheduleSpec): SlotSeries {
    return isHandoffSchedule(spec) ? this.handoffSeriesOf(spec) : this.cronSeriesOf(spec);
  }

  private cronSeriesOf(spec: ScheduleSpec): SlotSeries {
    if (!spec.cron) throw new Error(`schedule ${spec.id} has no cron`);
    const key = `${spec.cron}\u0000${spec.timezone}`;
    let entry = this.cronCache.get(key);
    if (!entry) {
      const task = cron.createTask(spec.cron, () => undefined, { timezone: spec.timezone });
      const create = this.options.createSlots ?? createCronSlots;
      entry = { series: cronSlotSeries(create(spec.cron, spec.timezone, task)), task };
      this.cronCache.set(key, entry);
    }
    return entry.series;
  }

  /** One series per schedule and team (the lead does not change the changes): it remembers the last ones it saw. */
  private handoffSeriesOf(spec: ScheduleSpec): SlotSeries {
    const { handoffShifts } = this.options;
    if (!handoffShifts) throw new ScheduleFailure('on-call unavailable: no on-call providers are configured in this process');
    const key = `${spec.id}\u0000${spec.team ?? ''}`;
    let series = this.handoffCache.get(key);
    if (!series) {
      const shifts: TeamShifts = (at) => handoffShifts(spec, at);
      series = handoffSlotSeries(shifts);
      this.handoffCache.set(key, series);
    }
    return series;
  }

  /** When the post for `slot` goes out: its planned time, or the end of the quiet hours that falls in. */
  postTimeOf(spec: ScheduleSpec, slot: Date): Date {
    return deferPastQuietHours(plannedPostTimeOf(spec, slot), spec.quiet, spec.timezone);
  }

  /** The latest slot after `floor` whose post time has come by `now`, if any. */
  async dueSlot(spec: ScheduleSpec, floor: Date, now: Date): Promise<Date | undefined> {
    const slots = this.seriesOf(spec);
    let candidate = await slots.latestBetween(floor, slotFloorAt(spec, now));
    for (let i = 0; candidate && this.postTimeOf(spec, candidate) > now; i++) {
      if (i >= MAX_WINDOW_JUMPS) return undefined;
      // Every slot of this quiet window is posted at its end, still to come: look before the window began.
      const planned = plannedPostTimeOf(spec, candidate);
      const start = quietWindowStart(planned, spec.quiet, spec.timezone);
      const before = start && start < planned ? start : planned;
      candidate = await slots.latestBetween(floor, slotFloorAt(spec, new Date(before.getTime() - 1)));
    }
    return candidate;
  }

  /** The next moment something of this schedule is due after `now`: its next slot, or the end of quiet hours. */
  async nextPostTime(spec: ScheduleSpec, now: Date): Promise<Date | undefined> {
    const next = await this.seriesOf(spec).nextAfter(slotFloorAt(spec, now));
    const deferredNow = deferPastQuietHours(now, spec.quiet, spec.timezone);
    const candidates = [next ? this.postTimeOf(spec, next) : undefined, deferredNow > now ? deferredNow : undefined];
    const times = candidates.filter((time): time is Date => time !== undefined).map((time) => time.getTime());
    return times.length > 0 ? new Date(Math.min(...times)) : undefined;
  }

  /** The next slot to be posted after `now` (for a handoff, the shift change) and when it will be posted. */
  async nextSlot(spec: ScheduleSpec, now: Date): Promise<{ slot: Date; postAt: Date } | undefined> {
    const slot = await this.seriesOf(spec).nextAfter(slotFloorAt(spec, now));
    return slot ? { slot, postAt: this.postTimeOf(spec, slot) } : undefined;
  }

  close(): void {
    for (const { task } of this.cronCache.values()) {
      try {
        void task.destroy();
      } catch {
        // A task made with a time zone the runtime does not know throws even here; it was never started.
      }
    }
    this.cronCache.clear();
    this.handoffCache.clear();
  }
}
