import type { OnCallLevel, OnCallPerson, OnCallShift } from '../../core/oncall/on-call.ts';
import type { PagerdutyOnCallEntry } from './pagerduty-schemas.ts';

/** One `/oncalls` entry in milliseconds; an absent bound is open-ended (PagerDuty's null). */
export interface OnCallSpan {
  level: number;
  userId: string;
  person: OnCallPerson;
  start?: number;
  end?: number;
}

export function toSpan(entry: PagerdutyOnCallEntry): OnCallSpan {
  const person: OnCallPerson = { name: entry.user.name ?? entry.user.summary ?? entry.user.id, ...(entry.user.email ? { email: entry.user.email } : {}) };
  return {
    level: entry.escalation_level,
    userId: entry.user.id,
    person,
    ...(entry.start === null ? {} : { start: Date.parse(entry.start) }),
    ...(entry.end === null ? {} : { end: Date.parse(entry.end) }),
  };
}

const isOnAt = (span: OnCallSpan, t: number): boolean => (span.start ?? -Infinity) <= t && t < (span.end ?? Infinity);

/**
 * When each level's next shift begins: the earliest end among the people on now; `at` itself for a level with
 * nobody on (its next is whoever starts first); undefined when everyone on it is on for good.
 */
export function findHandoffs(spans: readonly OnCallSpan[], at: number, levels: readonly number[]): Map<number, number | undefined> {
  const handoffs = new Map<number, number | undefined>();
  for (const level of levels) {
    const on = spans.filter((span) => span.level === level && isOnAt(span, at));
    const ends = on.flatMap((span) => (span.end === undefined ? [] : [span.end]));
    handoffs.set(level, on.length === 0 ? at : ends.length > 0 ? Math.min(...ends) : undefined);
  }
  return handoffs;
}

/** Levels 1 … max(policy's rule count, highest level seen), each listed even with nobody on. */
export function levelNumbers(ruleCount: number, spans: readonly OnCallSpan[]): number[] {
  const highest = Math.max(ruleCount, ...spans.map((span) => span.level));
  return Array.from({ length: highest }, (_, index) => index + 1);
}

/**
 * Now and next per level, level 1 first, from entries in any order. `later` holds the entries of a window
 * starting at `at` (PagerDuty returns everything overlapping it, the current shifts included): a level's next is
 * who is on at its handoff among those who were not on at `at`, or, after a gap, whoever starts first.
 */
export function groupOnCalls(input: { at: number; levels: readonly number[]; now: readonly OnCallSpan[]; later: readonly OnCallSpan[] }): OnCallLevel[] {
  const handoffs = findHandoffs(input.now, input.at, input.levels);
  return input.levels.map((level) => {
    const now = input.now.filter((span) => span.level === level && isOnAt(span, input.at));
    const handoff = handoffs.get(level);
    const later = input.later.filter((span) => span.level === level);
    return { level, name: `Level ${level}`, now: toShifts(now), next: handoff === undefined ? [] : toShifts(findNext(later, input.at, handoff)) };
  });
}

function findNext(spans: readonly OnCallSpan[], at: number, handoff: number): OnCallSpan[] {
  const upcoming = spans.filter((span) => span.start !== undefined && span.start > at && (span.end ?? Infinity) > handoff);
  const onAtHandoff = upcoming.filter((span) => isOnAt(span, handoff));
  if (onAtHandoff.length > 0) return onAtHandoff;
  const first = Math.min(...upcoming.map((span) => span.start!));
  return upcoming.filter((span) => span.start === first);
}

/** One shift per person (a user on through two schedules appears once, over the union), sorted by name. */
function toShifts(spans: readonly OnCallSpan[]): OnCallShift[] {
  const byUser = new Map<string, OnCallSpan>();
  for (const span of spans) {
    const seen = byUser.get(span.userId);
    byUser.set(span.userId, seen ? mergeSpans(seen, span) : span);
  }
  return [...byUser.values()]
    .sort((a, b) => a.person.name.localeCompare(b.person.name) || a.userId.localeCompare(b.userId))
    .map((span) => ({
      person: span.person,
      ...(span.start === undefined ? {} : { from: new Date(span.start).toISOString() }),
      ...(span.end === undefined ? {} : { until: new Date(span.end).toISOString() }),
    }));
}

function mergeSpans(a: OnCallSpan, b: OnCallSpan): OnCallSpan {
  const start = a.start === undefined || b.start === undefined ? undefined : Math.min(a.start, b.start);
  const end = a.end === undefined || b.end === undefined ? undefined : Math.max(a.end, b.end);
  const { start: _start, end: _end, ...rest } = a;
  return { ...rest, ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }) };
}
