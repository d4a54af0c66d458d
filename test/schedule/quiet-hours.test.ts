import { describe, expect, it } from 'vitest';
import { deferPastQuietHours, formatQuietHours, parseQuietHours } from '../../src/schedule/quiet-hours.ts';

const quiet = parseQuietHours('20:00-08:00')!;
const defer = (iso: string, window = quiet, zone = 'Europe/Berlin') => deferPastQuietHours(new Date(iso), window, zone).toISOString();

describe('quiet hours', () => {
  it('parse HH:MM-HH:MM and refuse anything else', () => {
    expect(quiet).toEqual({ start: 20 * 60, end: 8 * 60 });
    expect(formatQuietHours(quiet)).toBe('20:00-08:00');
    for (const bad of ['8pm-8am', '20:00', '20:00-20:00', '24:00-08:00', '20:00-08:00-09:00']) expect(parseQuietHours(bad)).toBeUndefined();
  });

  it('leave a slot outside the window alone', () => {
    expect(defer('2026-12-07T08:00:00Z')).toBe('2026-12-07T08:00:00.000Z');
    // 19:59 Berlin: just before the window starts.
    expect(defer('2026-12-07T18:59:00Z')).toBe('2026-12-07T18:59:00.000Z');
  });

  it('move a slot in the evening to the next morning, and one after midnight to that morning', () => {
    // 20:00 Berlin (start included) → 08:00 the next day; 03:00 → 08:00 the same day.
    expect(defer('2026-12-07T19:00:00Z')).toBe('2026-12-08T07:00:00.000Z');
    expect(defer('2026-12-08T02:00:00Z')).toBe('2026-12-08T07:00:00.000Z');
    // 08:00 is the end, excluded: posted at once.
    expect(defer('2026-12-08T07:00:00Z')).toBe('2026-12-08T07:00:00.000Z');
  });

  it('handle a window within one day', () => {
    const lunch = parseQuietHours('12:00-13:30')!;
    expect(defer('2026-12-07T11:15:00Z', lunch)).toBe('2026-12-07T12:30:00.000Z');
  });

  it('keep the local end time across a DST change, and take a skipped end an hour later', () => {
    // Night of 28 to 29 March 2026: Berlin goes from UTC+1 to UTC+2; 08:00 local is 06:00 UTC on the 29th.
    expect(defer('2026-03-28T21:00:00Z')).toBe('2026-03-29T06:00:00.000Z');
    // An end at 02:30, which does not exist that night, is taken at 03:30 local (01:30 UTC).
    const small = parseQuietHours('01:00-02:30')!;
    expect(defer('2026-03-29T00:15:00Z', small)).toBe('2026-03-29T01:30:00.000Z');
  });

  it('roll an end skipped just before midnight over to the next day, after the gap', () => {
    // Night of 28 to 29 March 2026 in Nuuk (Node's ICU rule): 22:59 (UTC-2) is followed by 00:00 (UTC-1), so
    // 23:00-23:59 on the 28th never shows. A 21:00 slot (23:00 UTC) with quiet 20:00-23:30 waits until 00:30 local.
    const evening = parseQuietHours('20:00-23:30')!;
    expect(defer('2026-03-28T23:00:00Z', evening, 'America/Nuuk')).toBe('2026-03-29T01:30:00.000Z');
    // The night before has no gap: 23:30 local is 01:30 UTC.
    expect(defer('2026-03-27T23:00:00Z', evening, 'America/Nuuk')).toBe('2026-03-28T01:30:00.000Z');
  });
});
