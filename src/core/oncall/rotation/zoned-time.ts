/**
 * Wall clock ↔ instant in an IANA time zone, from the runtime's Intl data.
 *
 * Why not a library: luxon resolves an ambiguous wall time with a guess seeded from the *current* offset, so the
 * answer depends on the day the code runs; the Temporal polyfills do it right but weigh far more than the two
 * functions a rotation needs. src/schedule/wall-time.ts converts with Intl too, but leaves skipped and repeated
 * times unresolved (and core may not import it). So this file implements Temporal's `compatible` rule itself:
 * a wall time skipped when clocks go forward is read with the offset from before the change (02:30 becomes
 * 03:30), a wall time that happens twice when clocks go back is the earlier of the two.
 *
 * "Local" values are wall-clock readings written as milliseconds since 1970-01-01T00:00 on that wall clock
 * (Date.UTC of the fields), so adding 7 × 24 h to one always lands on the same time of day a week later.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timezone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
};

// An IANA name: letters first, then letters, digits, '_', '-', '+' and '/' (Etc/GMT+1). Offsets such as "+01:00"
// are time zones to newer runtimes only, so they are refused everywhere rather than accepted on some Node versions.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

/** True when `name` looks like an IANA zone name and the runtime's Intl data knows it (`Europe/Berlin`, `UTC`). */
export function isKnownTimeZone(name: string): boolean {
  if (!ZONE_NAME.test(name)) return false;
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

// What en-US with these options prints: "1/5/2026, 09:00:00". format() is about three times faster than
// formatToParts(), and a lookup runs it a few dozen times.
const FORMATTED = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;

/** What the wall clock of `timezone` shows at `instant` (ms since the epoch), as a local value (years 1 and later). */
export function localAt(instant: number, timezone: string): number {
  const text = formatterFor(timezone).format(instant);
  const match = FORMATTED.exec(text);
  if (!match) throw new Error(`unexpected date format from Intl: ${text}`);
  const [month, day, year, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(2000, month - 1, day, hour % 24, minute, second));
  date.setUTCFullYear(year); // Date.UTC reads years 0-99 as 1900-1999
  // Intl shows whole seconds; the milliseconds of the instant are those of the wall clock.
  return date.getTime() + (((instant % 1000) + 1000) % 1000);
}

/** The zone's offset from UTC at `instant`, in ms (east positive). */
const offsetAt = (instant: number, timezone: string): number => {
  const whole = Math.floor(instant / 1000) * 1000;
  return localAt(whole, timezone) - whole;
};

/**
 * The instant at which the wall clock of `timezone` shows `local`, by the `compatible` rule: in a gap (clocks
 * going forward) the offset from before the change, so 02:30 reads as 03:30 new time; in a fold (clocks going
 * back) the earlier instant. Assumes at most one offset change within a day of `local` (DST changes are months
 * apart); a zone that jumps a whole day, as Samoa did in 2011, may read a time near the jump an hour off.
 */
export function instantAt(local: number, timezone: string): number {
  const before = offsetAt(local - DAY, timezone);
  const after = offsetAt(local + DAY, timezone);
  if (before === after) return local - before; // no change of offset near: the one reading
  const candidates = [local - before, local - after].filter((instant) => localAt(instant, timezone) === local);
  if (candidates.length > 0) return Math.min(...candidates);
  return local - before;
}
