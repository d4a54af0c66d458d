import type { OnCallPerson, OnCallSchedule } from '../../core/oncall/on-call.ts';
import { parseRotation } from '../../core/oncall/rotation/rotation.ts';
import type { CatalogReader } from '../../core/ports.ts';
import type { TeamOnCall } from './team-on-call.ts';

/** Who hands over to whom at one shift change, per level, and the overrides the incoming shift runs under. */

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const LISTED_OVERRIDES = 10;

/** `Mon 14 Dec, 09:00` on the schedule's clock. */
export const formatLocalTime = (instant: Date | number, timezone: string): string =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);

const keyOf = (person: OnCallPerson): string => (person.ref ?? person.email ?? person.name).toLowerCase();

const shown = (person: OnCallPerson) => ({ name: person.name, ...(person.slackUserId ? { slackUserId: person.slackUserId } : {}) });

const sameShift = (a: readonly OnCallPerson[], b: readonly OnCallPerson[]): boolean =>
  a.length === b.length && a.map(keyOf).sort().join('\n') === b.map(keyOf).sort().join('\n');

/** Every instant the answer shows someone going on or off call. */
const changesOf = (schedule: OnCallSchedule): number[] =>
  schedule.levels
    .flatMap((level) => [...level.now, ...level.next])
    .flatMap((shift) => [shift.from, shift.until])
    .map((bound) => (bound ? Date.parse(bound) : Number.NaN))
    .filter((time) => !Number.isNaN(time));

/** The first shift change after `instant` in an answer looked up at `instant` (a manual post's handoff). */
export const nextChangeAfter = (schedule: OnCallSchedule, instant: Date): Date | undefined => {
  const later = changesOf(schedule).filter((time) => time > instant.getTime());
  return later.length > 0 ? new Date(Math.min(...later)) : undefined;
};

/** Per level: who is on just before the change, who is on from it, and until when. */
export const handoffLevels = (before: OnCallSchedule, after: OnCallSchedule, timezone: string) =>
  after.levels.map((level) => {
    const outgoing = before.levels.find((candidate) => candidate.level === level.level)?.now.map((shift) => shift.person) ?? [];
    const incoming = level.now.map((shift) => shift.person);
    const until = level.now.map((shift) => shift.until).find((bound) => bound !== undefined);
    return {
      level: level.level,
      name: level.name,
      changes: !sameShift(outgoing, incoming),
      outgoing: outgoing.map(shown),
      incoming: incoming.map(shown),
      ...(until ? { until: formatLocalTime(Date.parse(until), timezone) } : {}),
    };
  });

/** The end of the incoming shift (the latest one ending, a week when none ends): overrides are listed up to it. */
const incomingEnd = (after: OnCallSchedule, at: Date): number => {
  const ends = after.levels.flatMap((level) => level.now.flatMap((shift) => (shift.until ? [Date.parse(shift.until)] : [])));
  return ends.length > 0 ? Math.max(...ends) : at.getTime() + WEEK_MS;
};

/**
 * A built-in rotation's overrides that touch the incoming shift. PagerDuty's answer does not say which shifts are
 * overrides, so a PagerDuty-backed handoff lists none (its shifts already show who is on).
 */
export const handoffOverrides = (store: CatalogReader, team: TeamOnCall, at: Date, timezone: string) => {
  if (team.chosen.source.provider !== 'rotation') return [];
  const entity = store.entityEnvelope(team.chosen.source.id);
  if (!entity) return [];
  let rotation: ReturnType<typeof parseRotation>;
  try {
    rotation = parseRotation(entity);
  } catch {
    // The lookup just read this rotation; a stored one an older Callboard accepted is shown without its overrides.
    return [];
  }
  const end = incomingEnd(team.schedule, at);
  const people = team.schedule.levels.flatMap((level) => [...level.now, ...level.next].map((shift) => shift.person));
  return rotation.overrides
    .filter((override) => override.from < end && override.until > at.getTime())
    .slice(0, LISTED_OVERRIDES)
    .map((override) => {
      const known = people.find((person) => person.ref === override.member.ref);
      return {
        layer: override.layer,
        person: known ? shown(known) : { name: override.member.name },
        from: formatLocalTime(override.from, timezone),
        until: formatLocalTime(override.until, timezone),
      };
    });
};
