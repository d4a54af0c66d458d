import { instantAt } from './zoned-time.ts';

/**
 * The text forms of a Rotation's time fields, shared by the catalog kind (which validates them) and the parser
 * (which reads them): `start`, `from`, `until` as `YYYY-MM-DDTHH:mm[:ss]` with an optional `Z` or `±HH:MM`, and
 * `length` as `Nh`, `Nd` or `Nw`.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A written date-time: a wall-clock reading (see zoned-time.ts), and its offset when one was written. */
export interface RotationDateTime {
  local: number;
  /** Milliseconds east of UTC; absent when the text is local to the rotation's time zone. */
  offset?: number;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/;

export const DATE_TIME_EXPECTED =
  'a date and time such as "2026-01-05T09:00" (local to spec.timezone), optionally with seconds and an offset such as "Z" or "+01:00"';

const parseOffset = (text: string): number | undefined => {
  if (text === 'Z') return 0;
  const hours = Number(text.slice(1, 3));
  const minutes = Number(text.slice(4, 6));
  if (hours > 23 || minutes > 59) return undefined;
  return (text.startsWith('-') ? -1 : 1) * (hours * HOUR + minutes * MINUTE);
};

/** Reads `2026-01-05T09:00`, `2026-01-05T09:00:30`, `2026-01-05T08:00Z`, `2026-01-05T09:00+01:00`; undefined otherwise. */
export function parseRotationDateTime(text: unknown): RotationDateTime | undefined {
  if (typeof text !== 'string') return undefined;
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((field) => Number(field ?? 0)) as [number, number, number, number, number, number];
  if (year < 1970 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2026-02-30 over to March: a day that does not exist in its month is refused.
  if (new Date(local).getUTCDate() !== day) return undefined;
  if (match[7] === undefined) return { local };
  const offset = parseOffset(match[7]);
  return offset === undefined ? undefined : { local, offset };
}

/** The instant a written date-time means in `timezone` (its own offset when it has one; see {@link instantAt}). */
export function instantOfRotationDateTime(dateTime: RotationDateTime, timezone: string): number {
  return dateTime.offset === undefined ? instantAt(dateTime.local, timezone) : dateTime.local - dateTime.offset;
}

const LENGTH = /^([1-9]\d{0,3})([hdw])$/;
const UNIT_MS = { h: HOUR, d: 24 * HOUR, w: 7 * 24 * HOUR } as const;

export const LENGTH_EXPECTED = 'a shift length such as "12h", "1d" or "2w" (a whole number from 1 to 9999, then h, d or w)';

/** `12h` → 12 hours of wall-clock time in ms; undefined when not `Nh`, `Nd` or `Nw` with 1 ≤ N ≤ 9999. */
export function parseRotationLength(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = LENGTH.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
