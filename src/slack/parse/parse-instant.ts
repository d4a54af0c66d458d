/**
 * An instant typed by a person: ISO 8601 (`2026-12-07T09:00Z`, `2026-12-07 09:00+01:00`, `2026-12-07`). No date
 * library is a dependency, so "tomorrow 09:00" is not understood; the hint says which format is.
 * A time without an offset is UTC, said so in the hint, since the server's own time zone means nothing to the asker.
 */

/** What the usage hints show. */
export const INSTANT_FORMAT_HINT = 'an ISO 8601 time such as `2026-12-07T09:00Z`, `2026-12-07 09:00+01:00` or `2026-12-07` (UTC unless it carries an offset)';

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const offsetMinutes = (zone: string | undefined): number => {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
};

/** The instant `text` names, or undefined when it is not one of the ISO 8601 forms above (or names no real day). */
export const parseInstant = (text: string): Date | undefined => {
  const match = ISO_INSTANT.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0', zone] = match;
  const fields = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const [y, mo, d, h, mi, s] = fields;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, Number(fraction.slice(0, 3).padEnd(3, '0')));
  // Date.UTC rolls 31 April over into May: a day the month does not have is not a date.
  if (new Date(wall).getUTCDate() !== d) return undefined;
  const minutes = offsetMinutes(zone);
  if (Math.abs(minutes) > 18 * 60) return undefined;
  return new Date(wall - minutes * 60_000);
};
