import cron from 'node-cron';
import { afterEach, describe, expect, it } from 'vitest';
import { createCronSlots, type CronSlots } from '../../src/schedule/cron-slots.ts';
import { PostSlots } from '../../src/schedule/post-slots.ts';
import { deferPastQuietHours, parseQuietHours } from '../../src/schedule/quiet-hours.ts';
import type { ScheduleSpec } from '../../src/schedule/schedule-spec.ts';

const spec = (cronText: string, quiet: string, timezone = 'Europe/Berlin'): ScheduleSpec => ({
  id: 'health',
  post: 'catalog-health',
  channel: 'C0PAYMENTS',
  cron: cronText,
  timezone,
  missed: 'once',
  quiet: parseQuietHours(quiet)!,
  origin: 'config',
});

/** Counts every slot search the slots under test make. */
const counting = () => {
  const counter = { searches: 0 };
  const create: typeof createCronSlots = (expression, timezone, matcher) => {
    const slots = createCronSlots(expression, timezone, matcher);
    const counted: CronSlots = {
      nextAfter: (instant) => slots.nextAfter(instant),
      latestBetween: (floor, instant) => {
        counter.searches += 1;
        return slots.latestBetween(floor, instant);
      },
    };
    return counted;
  };
  return { counter, create };
};

/** The rule, one slot at a time: the latest slot after `floor` whose post time has come by `now`. */
const steppedDueSlot = (schedule: ScheduleSpec, floor: Date, now: Date): Date | undefined => {
  const task = cron.createTask(schedule.cron!, () => undefined, { timezone: schedule.timezone });
  const slots = createCronSlots(schedule.cron!, schedule.timezone, task);
  let candidate = slots.latestBetween(floor, now);
  while (candidate && deferPastQuietHours(candidate, schedule.quiet, schedule.timezone) > now) {
    candidate = slots.latestBetween(floor, new Date(candidate.getTime() - 1));
  }
  void task.destroy();
  return candidate;
};

const opened: PostSlots[] = [];
afterEach(() => {
  for (const slots of opened.splice(0)) slots.close();
});

describe('PostSlots.dueSlot', () => {
  const cases: [string, ScheduleSpec, string, string][] = [
    ['every 10 minutes, night window, after midnight', spec('*/10 * * * *', '20:00-08:00'), '2026-12-01T00:00:00Z', '2026-12-08T02:05:00Z'],
    ['every 10 minutes, night window, before midnight', spec('*/10 * * * *', '20:00-08:00'), '2026-12-01T00:00:00Z', '2026-12-07T21:30:00Z'],
    ['every 10 minutes, window just ended', spec('*/10 * * * *', '20:00-08:00'), '2026-12-01T00:00:00Z', '2026-12-08T07:00:00Z'],
    ['hourly, lunch window', spec('0 * * * *', '12:00-13:30'), '2026-12-01T00:00:00Z', '2026-12-07T11:45:00Z'],
    ['weekly, slot inside the window', spec('0 7 * * MON', '06:00-09:00'), '2026-11-01T00:00:00Z', '2026-12-07T06:30:00Z'],
    ['floor inside the window', spec('*/10 * * * *', '20:00-08:00'), '2026-12-07T22:00:00Z', '2026-12-08T02:05:00Z'],
    ['across the spring DST change', spec('*/15 * * * *', '01:00-04:00'), '2026-03-28T00:00:00Z', '2026-03-29T01:10:00Z'],
  ];
  for (const [name, schedule, floor, now] of cases) {
    it(`finds the same slot as stepping one slot at a time: ${name}`, async () => {
      const slots = new PostSlots();
      opened.push(slots);
      expect((await slots.dueSlot(schedule, new Date(floor), new Date(now)))?.toISOString()).toBe(
        steppedDueSlot(schedule, new Date(floor), new Date(now))?.toISOString(),
      );
    });
  }

  it('jumps to the quiet window start with a seconds cron instead of looking through every slot in it', async () => {
    const { counter, create } = counting();
    const slots = new PostSlots({ createSlots: create });
    opened.push(slots);
    // 03:00 Berlin, seven hours into quiet 20:00-08:00: 25,200 one-second slots lie inside the window.
    const due = await slots.dueSlot(spec('* * * * * *', '20:00-08:00'), new Date('2026-12-01T00:00:00Z'), new Date('2026-12-08T02:00:00Z'));
    expect(due?.toISOString()).toBe('2026-12-07T18:59:59.000Z');
    expect(counter.searches).toBeLessThanOrEqual(3);
  });
});
