import cron from 'node-cron';
import { afterEach, describe, expect, it } from 'vitest';
import { createCronSlots } from '../../src/schedule/cron-slots.ts';

const made: { destroy(): void }[] = [];
afterEach(() => made.splice(0).forEach((task) => task.destroy()));

const slotsOf = (expression: string, timezone?: string) => {
  const task = cron.createTask(expression, () => undefined, timezone ? { timezone } : {});
  made.push(task);
  return { slots: createCronSlots(expression, timezone, task), task };
};

const at = (iso: string) => new Date(iso);
const longAgo = at('2020-01-01T00:00:00Z');

describe('createCronSlots', () => {
  it.each([
    ['*/10 * * * *', 'UTC'],
    ['0 9 * * 1-5', 'Europe/Berlin'],
    ['15 3 * * *', 'America/New_York'],
    ['0 */2 * * *', 'Asia/Kathmandu'],
    ['*/20 * * * * *', 'UTC'],
    ['0 30 3 L * *', 'Europe/Berlin'],
    ['0 8 * * 1#2', 'Australia/Sydney'],
  ])('agrees with node-cron on the next slots of "%s" in %s', (expression, timezone) => {
    const { slots, task } = slotsOf(expression, timezone);
    const expected = task.getNextRuns(4);
    const walked: Date[] = [];
    let from = new Date();
    for (const _ of expected) {
      from = slots.nextAfter(from)!;
      walked.push(from);
    }
    expect(walked).toEqual(expected);
  });

  it('finds the latest slot at or before an instant, the bound included', () => {
    const { slots } = slotsOf('0 9 * * 1-5', 'Europe/Berlin');
    // Saturday night: the last weekday 09:00 in Berlin was Friday, 08:00 UTC.
    expect(slots.latestBetween(longAgo, at('2026-12-05T23:25:00Z'))).toEqual(at('2026-12-04T08:00:00Z'));
    expect(slots.latestBetween(longAgo, at('2026-12-04T08:00:00Z'))).toEqual(at('2026-12-04T08:00:00Z'));
    expect(slots.latestBetween(longAgo, at('2026-12-04T07:59:59Z'))).toEqual(at('2026-12-03T08:00:00Z'));
    expect(slots.nextAfter(at('2026-12-05T23:25:00Z'))).toEqual(at('2026-12-07T08:00:00Z'));
  });

  it('finds no slot when none lies after the floor', () => {
    const { slots } = slotsOf('*/10 * * * *', 'UTC');
    expect(slots.latestBetween(at('2026-12-05T10:00:00Z'), at('2026-12-05T10:09:59Z'))).toBeUndefined();
    expect(slots.latestBetween(at('2026-12-05T10:00:00Z'), at('2026-12-05T10:10:00Z'))).toEqual(at('2026-12-05T10:10:00Z'));
  });

  it('walks seconds for six-field expressions', () => {
    const { slots } = slotsOf('*/15 * * * * *', 'UTC');
    expect(slots.latestBetween(longAgo, at('2026-12-05T10:00:44.500Z'))).toEqual(at('2026-12-05T10:00:30Z'));
    expect(slots.nextAfter(at('2026-12-05T10:00:45Z'))).toEqual(at('2026-12-05T10:01:00Z'));
  });

  it('skips a wall time that does not exist on the day clocks go forward', () => {
    // Berlin, 28 March 2027: 02:00 becomes 03:00, so 02:30 happens on the 27th and the 29th only.
    const { slots } = slotsOf('30 2 * * *', 'Europe/Berlin');
    expect(slots.nextAfter(at('2027-03-27T12:00:00Z'))).toEqual(at('2027-03-29T00:30:00Z'));
    expect(slots.latestBetween(longAgo, at('2027-03-28T23:00:00Z'))).toEqual(at('2027-03-27T01:30:00Z'));
  });

  it('looks back across months for a sparse schedule without walking every minute', () => {
    const { slots } = slotsOf('0 0 1 1 *', 'UTC');
    const started = performance.now();
    expect(slots.latestBetween(longAgo, at('2026-12-05T00:00:00Z'))).toEqual(at('2026-01-01T00:00:00Z'));
    expect(performance.now() - started).toBeLessThan(500);
  });
});
