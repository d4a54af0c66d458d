import cron, { type ScheduledTask } from 'node-cron';
import { compareDay, compareTimeOfDay, instantOfWallTime, shiftDay, wallTimeAt, type WallTime } from './wall-time.ts';

/**
 * The slots (scheduled instants) of a cron expression, seen from any instant.
 *
 * node-cron times the runs and hands each one its slot, but its public API only looks forward from the real
 * "now" (`getNextRuns`). Catching up after downtime needs the latest slot *before* now, and tests need both
 * directions from an injected clock, so slots are walked here: node-cron's own parser expands the fields and
 * its `match` decides the days (it knows `L`, `W`, `#` and names), so both agree on what a slot is.
 */
export interface CronSlots {
  /** The first slot strictly after `instant`; undefined when there is none within eight years. */
  nextAfter(instant: Date): Date | undefined;
  /** The latest slot at or before `instant` and strictly after `floor`, if there is one. */
  latestBetween(floor: Date, instant: Date): Date | undefined;
}

type Day = Pick<WallTime, 'year' | 'month' | 'day'>;
type TimeOfDay = Pick<WallTime, 'hour' | 'minute' | 'second'>;

/** Far enough to reach a 29 February from any year (2096 to 2104 has none in between). */
const MAX_DAYS = 366 * 8 + 1;

const timesOfDay = (fields: ReturnType<typeof cron.parse>): TimeOfDay[] => {
  const times: TimeOfDay[] = [];
  const ascending = (values: number[]) => [...values].sort((a, b) => a - b);
  for (const hour of ascending(fields.hour)) {
    for (const minute of ascending(fields.minute)) {
      for (const second of ascending(fields.second)) times.push({ hour, minute, second });
    }
  }
  return times;
};

/**
 * `matcher` is the node-cron task made from the same expression and time zone (the one that times the job),
 * so the day rules are node-cron's own and no second task is registered with node-cron.
 */
export const createCronSlots = (expression: string, timezone: string | undefined, matcher: Pick<ScheduledTask, 'match'>): CronSlots => {
  const fields = cron.parse(expression);
  const times = timesOfDay(fields);
  const ascendingTimes = times;
  const descendingTimes = [...times].reverse();

  /** Whether the day is one the expression runs on: month, day of month and weekday, judged by node-cron. */
  const runsOn = (day: Day): boolean => {
    if (!fields.month.includes(day.month)) return false;
    // Every time in `times` matches the time fields, so `match` on any of them answers for the day alone.
    for (const time of times) {
      const instant = instantOfWallTime({ ...day, ...time }, timezone);
      if (instant !== undefined) return matcher.match(new Date(instant));
    }
    return false;
  };

  const nextAfter = (after: Date): Date | undefined => {
    const start = wallTimeAt(after.getTime(), timezone);
    let day: Day = start;
    for (let i = 0; i < MAX_DAYS; i++, day = shiftDay(day, 1)) {
      if (!runsOn(day)) continue;
      for (const time of ascendingTimes) {
        if (i === 0 && compareTimeOfDay(time, start) < 0) continue;
        const instant = instantOfWallTime({ ...day, ...time }, timezone);
        if (instant !== undefined && instant > after.getTime()) return new Date(instant);
      }
    }
    return undefined;
  };

  const latestBetween = (floor: Date, at: Date): Date | undefined => {
    const start = wallTimeAt(at.getTime(), timezone);
    const lastDay = wallTimeAt(floor.getTime(), timezone);
    let day: Day = start;
    for (let i = 0; i < MAX_DAYS && compareDay(day, lastDay) >= 0; i++, day = shiftDay(day, -1)) {
      if (!runsOn(day)) continue;
      for (const time of descendingTimes) {
        if (i === 0 && compareTimeOfDay(time, start) > 0) continue;
        const instant = instantOfWallTime({ ...day, ...time }, timezone);
        if (instant === undefined || instant > at.getTime()) continue;
        return instant > floor.getTime() ? new Date(instant) : undefined;
      }
    }
    return undefined;
  };

  return { nextAfter, latestBetween };
};
