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
 * When each level hands over: the distinct ends of the shifts on now; `at` itself for a level with nobody on (its
 * next is whoever starts first); none when everyone on it is on for good.
 */
export function findHandoffs(spans: readonly OnCallSpan[], at: number, levels: readonly number[]): Map<number, number[]> {
  const handoffs = new Map<number, number[]>();
  for (const level of levels) {
    const on = spans.filter((span) => span.level === level && isOnAt(span, at));
    const ends = new Set(on.flatMap((span) => (span.end === undefined ? [] : [span.end])));
    handoffs.set(level, on.length === 0 ? [at] : [...ends].sort((a, b) => a - b));
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
 * starting at `at` (PagerDuty returns everything overlapping it, the current shifts included): for each shift on
 * now, its successors are the entries starting when it ends or, after a gap, the first to start after that.
 */
export function groupOnCalls(input: { at: number; levels: readonly number[]; now: readonly OnCallSpan[]; later: readonly OnCallSpan[] }): OnCallLevel[] {
  const handoffs = findHandoffs(input.now, input.at, input.levels);
  return input.levels.map((level) => {
    const now = input.now.filter((span) => span.level === level && isOnAt(span, input.at));
    const upcoming = input.later.filter((span) => span.level === level && span.start !== undefined && span.start > input.at);
    const next = (handoffs.get(level) ?? []).flatMap((handoff) => firstToStart(upcoming, handoff));
    return { level, name: `Level ${level}`, now: toShifts(now, byUser), next: toShifts(next, byShift) };
  });
}

function firstToStart(upcoming: readonly OnCallSpan[], handoff: number): OnCallSpan[] {
  const starts = upcoming.map((span) => span.start!).filter((start) => start >= handoff);
  if (starts.length === 0) return [];
  const first = Math.min(...starts);
  return upcoming.filter((span) => span.start === first);
}

/** Now: a person on through two schedules (or directly and through a schedule) is one shift, over the union. */
const byUser = (span: OnCallSpan): string => span.userId;
/** Next: the same entry reached from two handoffs once; the same person's two different shifts both. */
const byShift = (span: OnCallSpan): string => `${span.userId}/${span.start}/${span.end}`;

/** Spans merged by `key`, sorted by name, as the contract's shifts (absent bounds stay absent). */
function toShifts(spans: readonly OnCallSpan[], key: (span: OnCallSpan) => string): OnCallShift[] {
  const merged = new Map<string, OnCallSpan>();
  for (const span of spans) {
    const seen = merged.get(key(span));
    merged.set(key(span), seen ? mergeSpans(seen, span) : span);
  }
  return [...merged.values()]
    .sort((a, b) => a.person.name.localeCompare(b.person.name) || a.userId.localeCompare(b.userId) || (a.start ?? 0) - (b.start ?? 0))
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
