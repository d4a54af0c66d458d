/**
 * Shift times in the reader's time zone (Slack's `users.info` tz), written out rather than as Slack `<!date>`
 * tokens so that `callboard ask` and the CLI print the same words. An unknown or absent zone is UTC, and
 * {@link timeZoneNote} says so.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** The zone to write times in: the reader's when the runtime knows it, else UTC. */
export const readableTimeZone = (timeZone: string | undefined): { zone: string; known: boolean } => {
  if (!timeZone) return { zone: 'UTC', known: false };
  try {
    formatterFor(timeZone);
    return { zone: timeZone, known: true };
  } catch {
    return { zone: 'UTC', known: false };
  }
};

/** "Mon 7 Dec, 09:00 CET"; an unreadable instant is shown as given. */
export const formatShiftTime = (iso: string, timeZone: string): string => {
  const millis = Date.parse(iso);
  if (Number.isNaN(millis)) return iso;
  const parts = formatterFor(readableTimeZone(timeZone).zone).formatToParts(new Date(millis));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')}, ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
};

/** One line under an answer with times: which zone they are in, and why when it is not the reader's own. */
export const timeZoneNote = (timeZone: string | undefined): string => {
  const { zone, known } = readableTimeZone(timeZone);
  return known ? `Times in your Slack time zone (${zone}).` : 'Times in UTC: Callboard could not read your Slack time zone.';
};
