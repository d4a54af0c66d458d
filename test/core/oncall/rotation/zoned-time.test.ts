import { describe, expect, it } from 'vitest';
import { instantAt, isKnownTimeZone, localAt } from '../../../../src/core/oncall/rotation/zoned-time.ts';

/** A wall-clock reading written as ISO without offset. */
const local = (text: string) => Date.parse(`${text}Z`);
const iso = (instant: number) => new Date(instant).toISOString();

describe('instantAt: the compatible rule', () => {
  it.each([
    // An ordinary time: the one instant.
    ['Europe/Berlin', '2026-01-05T09:00', '2026-01-05T08:00:00.000Z'],
    ['Europe/Berlin', '2026-07-06T09:00', '2026-07-06T07:00:00.000Z'],
    ['Asia/Kolkata', '2026-01-05T09:00', '2026-01-05T03:30:00.000Z'],
    ['UTC', '2026-03-29T02:30', '2026-03-29T02:30:00.000Z'],
    // Skipped when clocks go forward: read with the offset from before, so an hour later on the new clock.
    ['Europe/Berlin', '2026-03-29T02:00', '2026-03-29T01:00:00.000Z'],
    ['Europe/Berlin', '2026-03-29T02:30', '2026-03-29T01:30:00.000Z'],
    ['America/New_York', '2026-03-08T02:30', '2026-03-08T07:30:00.000Z'],
    // Repeated when clocks go back: the earlier of the two.
    ['Europe/Berlin', '2026-10-25T02:30', '2026-10-25T00:30:00.000Z'],
    ['America/New_York', '2026-11-01T01:00', '2026-11-01T05:00:00.000Z'],
    ['America/New_York', '2026-11-01T01:59:59', '2026-11-01T05:59:59.000Z'],
    // Lord Howe moves its clocks by half an hour.
    ['Australia/Lord_Howe', '2026-04-05T01:45', '2026-04-04T14:45:00.000Z'],
    // Just outside the changes: unambiguous.
    ['Europe/Berlin', '2026-03-29T03:00', '2026-03-29T01:00:00.000Z'],
    ['Europe/Berlin', '2026-10-25T03:00', '2026-10-25T02:00:00.000Z'],
  ])('%s %s → %s', (zone, wall, expected) => {
    expect(iso(instantAt(local(wall), zone))).toBe(expected);
  });
});

describe('localAt', () => {
  it('shows the wall clock, both readings of a repeated hour alike, milliseconds kept', () => {
    expect(iso(localAt(Date.parse('2026-10-25T00:30:00Z'), 'Europe/Berlin'))).toBe('2026-10-25T02:30:00.000Z');
    expect(iso(localAt(Date.parse('2026-10-25T01:30:00Z'), 'Europe/Berlin'))).toBe('2026-10-25T02:30:00.000Z');
    expect(iso(localAt(Date.parse('2026-03-29T01:00:00.250Z'), 'Europe/Berlin'))).toBe('2026-03-29T03:00:00.250Z');
    expect(iso(localAt(Date.parse('2026-01-01T00:00:00Z'), 'America/New_York'))).toBe('2025-12-31T19:00:00.000Z');
  });

  // Every quarter hour for a day either side of each 2026 change, and every 6h 11min through the year.
  const CHANGES: Record<string, string[]> = {
    'Europe/Berlin': ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z'],
    'America/New_York': ['2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z'],
    'Australia/Sydney': ['2026-04-04T16:00:00Z', '2026-10-03T16:00:00Z'],
    'Asia/Tokyo': [],
  };
  const samples = (changes: string[]): number[] => {
    const around = changes.flatMap((change) => Array.from({ length: 193 }, (_, index) => Date.parse(change) + (index - 96) * 15 * 60_000));
    const year = Array.from({ length: 1417 }, (_, index) => Date.parse('2026-01-01T00:00:00Z') + index * (6 * 60 + 11) * 60_000);
    return [...around, ...year];
  };

  it.each(Object.entries(CHANGES))('round-trips %s, around its changes and through the year', (zone, changes) => {
    for (const instant of samples(changes)) {
      const wall = localAt(instant, zone);
      const back = instantAt(wall, zone);
      // Back to the same instant, or (in a repeated hour) to the earlier reading of the same wall time.
      expect(localAt(back, zone)).toBe(wall);
      expect(back).toBeLessThanOrEqual(instant);
      expect(instant - back).toBeLessThanOrEqual(60 * 60_000);
    }
  });

  it('finds repeated readings in the samples (so the test above meets folds)', () => {
    const berlin = samples(CHANGES['Europe/Berlin']!).filter((instant) => instantAt(localAt(instant, 'Europe/Berlin'), 'Europe/Berlin') < instant);
    // 02:00, 02:15, 02:30 and 02:45 CET on 2026-10-25 at least (a yearly sample may land there too).
    expect(berlin.length).toBeGreaterThanOrEqual(4);
  });
});

describe('isKnownTimeZone', () => {
  it.each([
    ['Europe/Berlin', true],
    ['America/New_York', true],
    ['UTC', true],
    ['Etc/GMT+1', true],
    ['Europe/Berln', false],
    ['Mars/Olympus', false],
    ['+01:00', false],
    ['', false],
    ['Europe/Berlin ', false],
  ])('%j → %s', (name, known) => {
    expect(isKnownTimeZone(name)).toBe(known);
  });
});
