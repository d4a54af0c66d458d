import { instantOfWallTime, offsetAt, wallTimeAt, type WallTime } from './wall-time.ts';

/**
 * Quiet hours of a subscription: a daily window of local wall-clock time, `20:00-08:00` (it may span midnight).
 * The rule: a slot whose instant falls inside the window, start included and end excluded, is posted when the
 * window ends (its end on the local clock, that same night); its slot stays the cron slot, so it is still posted
 * once. Several slots in one window are posted as one, the latest (as a catch-up after downtime is).
 */
export interface QuietHours {
  /** Minutes after local midnight. */
  start: number;
  end: number;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const parseTime = (text: string): number | undefined => {
  const match = TIME.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
};

/** `20:00-08:00` → quiet hours; undefined for anything else (an empty window, `8pm-8am`). */
export const parseQuietHours = (text: string): QuietHours | undefined => {
  const [from, until, ...rest] = text.trim().split('-');
  if (from === undefined || until === undefined || rest.length > 0) return undefined;
  const start = parseTime(from);
  const end = parseTime(until);
  return start === undefined || end === undefined || start === end ? undefined : { start, end };
};

const pad = (value: number): string => String(value).padStart(2, '0');

export const formatQuietHours = (quiet: QuietHours): string =>
  `${pad(Math.floor(quiet.start / 60))}:${pad(quiet.start % 60)}-${pad(Math.floor(quiet.end / 60))}:${pad(quiet.end % 60)}`;

const inWindow = (minute: number, quiet: QuietHours): boolean =>
  quiet.start < quiet.end ? minute >= quiet.start && minute < quiet.end : minute >= quiet.start || minute < quiet.end;

/** When a post for a slot at `instant` goes out: `instant` itself, or the end of the quiet hours it falls in. */
export const deferPastQuietHours = (instant: Date, quiet: QuietHours | undefined, timezone: string): Date => {
  if (!quiet) return instant;
  const wall = wallTimeAt(instant.getTime(), timezone);
  const minute = wall.hour * 60 + wall.minute;
  if (!inWindow(minute, quiet)) return instant;
  // The end is later today, or tomorrow when the window spans midnight and the slot is before it.
  const endsTomorrow = quiet.start > quiet.end && minute >= quiet.start;
  return instantOnLocalDay(wall, endsTomorrow ? 1 : 0, quiet.end, timezone);
};

/**
 * When the quiet window holding `instant` began: its start on the local clock, that day or (for a window spanning
 * midnight, after midnight) the day before. Undefined when `instant` is not inside quiet hours.
 */
export const quietWindowStart = (instant: Date, quiet: QuietHours | undefined, timezone: string): Date | undefined => {
  if (!quiet) return undefined;
  const wall = wallTimeAt(instant.getTime(), timezone);
  const minute = wall.hour * 60 + wall.minute;
  if (!inWindow(minute, quiet)) return undefined;
  const startedYesterday = quiet.start > quiet.end && minute < quiet.end;
  return instantOnLocalDay(wall, startedYesterday ? -1 : 0, quiet.start, timezone);
};

/** The instant `minuteOfDay` shows on the local clock, `dayShift` days from `wall`'s day (a skipped time: after the gap). */
const instantOnLocalDay = (wall: WallTime, dayShift: number, minuteOfDay: number, timezone: string): Date => {
  const day = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + dayShift));
  const target = {
    year: day.getUTCFullYear(),
    month: day.getUTCMonth() + 1,
    day: day.getUTCDate(),
    hour: Math.floor(minuteOfDay / 60),
    minute: minuteOfDay % 60,
    second: 0,
  };
  return new Date(instantOfWallTime(target, timezone) ?? afterSkippedWallTime(target, timezone));
};

/**
 * An end that the clocks skip (spring forward) is read with the offset from before the change: as far after the gap
 * as it was into it (02:30 in a 02:00-03:00 gap is 03:30; 23:30 in a 23:00-00:00 gap is 00:30 the next day).
 * Always outside the window, since the quiet time it stood for has passed.
 */
const afterSkippedWallTime = (end: WallTime, timezone: string): number => {
  const asUtc = Date.UTC(end.year, end.month - 1, end.day, end.hour, end.minute, end.second);
  const before = Math.min(offsetAt(asUtc - DAY_MS, timezone), offsetAt(asUtc + DAY_MS, timezone));
  return asUtc - before;
};

const DAY_MS = 24 * 60 * 60 * 1000;
