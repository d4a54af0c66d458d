import cron, { type ScheduledTask } from 'node-cron';
import { createCronSlots, type CronSlots } from './cron-slots.ts';
import { deferPastQuietHours, quietWindowStart } from './quiet-hours.ts';
import type { ScheduleSpec } from './schedule-spec.ts';

/**
 * Quiet windows jumped over at most in one `dueSlot` (each jump is one slot search, which for a seconds cron scans a
 * day's 86,400 times): a slot before a window's start is outside it, so one jump is enough; a DST change can need one
 * more.
 */
const MAX_WINDOW_JUMPS = 4;

/**
 * The slots of each schedule's cron in its time zone, with quiet hours applied. The node-cron tasks used as
 * matchers are never started (nothing is timed here); `close` destroys them.
 */
export class PostSlots {
  private readonly cache = new Map<string, { slots: CronSlots; task: ScheduledTask }>();

  /** `createSlots` is replaceable so tests can count the slot searches. */
  constructor(private readonly createSlots: typeof createCronSlots = createCronSlots) {}

  private slotsOf(spec: ScheduleSpec): CronSlots {
    const key = `${spec.cron}\u0000${spec.timezone}`;
    let entry = this.cache.get(key);
    if (!entry) {
      const task = cron.createTask(spec.cron, () => undefined, { timezone: spec.timezone });
      entry = { slots: this.createSlots(spec.cron, spec.timezone, task), task };
      this.cache.set(key, entry);
    }
    return entry.slots;
  }

  /** When the post for `slot` goes out: the slot itself, or the end of the quiet hours it falls in. */
  postTimeOf(spec: ScheduleSpec, slot: Date): Date {
    return deferPastQuietHours(slot, spec.quiet, spec.timezone);
  }

  /** The latest slot after `floor` whose post time has come by `now`, if any. */
  dueSlot(spec: ScheduleSpec, floor: Date, now: Date): Date | undefined {
    const slots = this.slotsOf(spec);
    let candidate = slots.latestBetween(floor, now);
    for (let i = 0; candidate && this.postTimeOf(spec, candidate) > now; i++) {
      if (i >= MAX_WINDOW_JUMPS) return undefined;
      // Every slot of this quiet window is posted at its end, still to come: look before the window began.
      const start = quietWindowStart(candidate, spec.quiet, spec.timezone);
      const before = start && start < candidate ? start : candidate;
      candidate = slots.latestBetween(floor, new Date(before.getTime() - 1));
    }
    return candidate;
  }

  /** The next moment something of this schedule is due after `now`: its next slot, or the end of quiet hours. */
  nextPostTime(spec: ScheduleSpec, now: Date): Date | undefined {
    const next = this.slotsOf(spec).nextAfter(now);
    const deferredNow = this.postTimeOf(spec, now);
    const candidates = [next ? this.postTimeOf(spec, next) : undefined, deferredNow > now ? deferredNow : undefined];
    const times = candidates.filter((time): time is Date => time !== undefined).map((time) => time.getTime());
    return times.length > 0 ? new Date(Math.min(...times)) : undefined;
  }

  /** The next slot after `now` and when it will be posted. */
  nextSlot(spec: ScheduleSpec, now: Date): { slot: Date; postAt: Date } | undefined {
    const slot = this.slotsOf(spec).nextAfter(now);
    return slot ? { slot, postAt: this.postTimeOf(spec, slot) } : undefined;
  }

  close(): void {
    for (const { task } of this.cache.values()) {
      try {
        void task.destroy();
      } catch {
        // A task made with a time zone the runtime does not know throws even here; it was never started.
      }
    }
    this.cache.clear();
  }
}
