/** A date and time as a clock on the wall of one time zone shows it. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timezone: string | undefined): Intl.DateTimeFormat => {
  const key = timezone ?? '';
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      ...(timezone ? { timeZone: timezone } : {}),
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(key, formatter);
  }
  return formatter;
};

/** What the wall clock in `timezone` (default: the process's own) shows at `instant` (ms since the epoch). */
export const wallTimeAt = (instant: number, timezone: string | undefined): WallTime => {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timezone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute!, second: parts.second! };
};

const asUtc = (wall: WallTime): number => Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);

const sameWallTime = (a: WallTime, b: WallTime): boolean =>
  a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute && a.second === b.second;

/** The zone's offset from UTC at `instant`, in ms (whole seconds). */
export const offsetAt = (instant: number, timezone: string | undefined): number => asUtc(wallTimeAt(instant, timezone)) - Math.floor(instant / 1000) * 1000;

/**
 * The instant at which the wall clock of `timezone` shows `wall`, or undefined when it never does (the hour
 * skipped when clocks go forward). In the hour that repeats when clocks go back, either instant may be returned.
 */
export const instantOfWallTime = (wall: WallTime, timezone: string | undefined): number | undefined => {
  const guess = asUtc(wall);
  const first = guess - offsetAt(guess, timezone);
  if (sameWallTime(wallTimeAt(first, timezone), wall)) return first;
  const second = guess - offsetAt(first, timezone);
  return sameWallTime(wallTimeAt(second, timezone), wall) ? second : undefined;
};

/** The calendar day after (or before, with `step` -1) the given one. */
export const shiftDay = (wall: Pick<WallTime, 'year' | 'month' | 'day'>, step: 1 | -1): Pick<WallTime, 'year' | 'month' | 'day'> => {
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + step));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};

/** Orders two wall times of the same day by time of day. */
export const compareTimeOfDay = (a: Pick<WallTime, 'hour' | 'minute' | 'second'>, b: Pick<WallTime, 'hour' | 'minute' | 'second'>): number =>
  a.hour * 3600 + a.minute * 60 + a.second - (b.hour * 3600 + b.minute * 60 + b.second);

/** Orders two calendar days. */
export const compareDay = (a: Pick<WallTime, 'year' | 'month' | 'day'>, b: Pick<WallTime, 'year' | 'month' | 'day'>): number =>
  Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day);
