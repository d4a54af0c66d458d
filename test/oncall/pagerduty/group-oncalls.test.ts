import { describe, expect, it } from 'vitest';
import { groupOnCalls, levelNumbers, type OnCallSpan } from '../../../src/oncall/pagerduty/group-oncalls.ts';

const t = (iso: string) => Date.parse(iso);
const AT = t('2026-12-07T10:00:00Z');
const span = (level: number, userId: string, start?: string, end?: string): OnCallSpan => ({
  level,
  userId,
  person: { name: userId },
  ...(start ? { start: t(start) } : {}),
  ...(end ? { end: t(end) } : {}),
});

const names = (spans: OnCallSpan[], later: OnCallSpan[] = spans) =>
  groupOnCalls({ at: AT, levels: levelNumbers(0, spans), now: spans, later }).map((level) => ({
    level: level.level,
    now: level.now.map((shift) => shift.person.name),
    next: level.next.map((shift) => `${shift.person.name}@${shift.from?.slice(11, 16)}`),
  }));

describe('groupOnCalls', () => {
  it('lists levels 1 … highest, with empty levels in between, whatever order the entries came in', () => {
    expect(names([span(3, 'carol'), span(1, 'alice')])).toEqual([
      { level: 1, now: ['alice'], next: [] },
      { level: 2, now: [], next: [] },
      { level: 3, now: ['carol'], next: [] },
    ]);
    expect(levelNumbers(4, [span(2, 'bob')])).toEqual([1, 2, 3, 4]);
  });

  it('after a gap, the next is whoever starts first after the handoff', () => {
    const spans = [
      span(1, 'alice', '2026-12-07T09:00:00Z', '2026-12-07T12:00:00Z'),
      span(1, 'bob', '2026-12-07T14:00:00Z', '2026-12-07T20:00:00Z'),
      span(1, 'carol', '2026-12-07T20:00:00Z', '2026-12-08T02:00:00Z'),
    ];
    expect(names(spans)).toEqual([{ level: 1, now: ['alice'], next: ['bob@14:00'] }]);
  });

  it('shows one shift for a person on through two schedules, spanning both', () => {
    const spans = [span(1, 'alice', '2026-12-07T09:00:00Z', '2026-12-07T12:00:00Z'), span(1, 'alice', '2026-12-07T08:00:00Z')];
    const [level] = groupOnCalls({ at: AT, levels: [1], now: spans, later: spans });
    expect(level!.now).toEqual([{ person: { name: 'alice' }, from: '2026-12-07T08:00:00.000Z' }]);
  });

  it('ignores entries that are not on at the instant, and the same person later is still their own next', () => {
    const spans = [
      span(1, 'alice', '2026-12-06T09:00:00Z', '2026-12-07T09:00:00Z'),
      span(1, 'bob', '2026-12-07T09:00:00Z', '2026-12-07T21:00:00Z'),
      span(1, 'bob', '2026-12-07T21:00:00Z', '2026-12-08T09:00:00Z'),
    ];
    expect(names(spans)).toEqual([{ level: 1, now: ['bob'], next: ['bob@21:00'] }]);
  });
});
