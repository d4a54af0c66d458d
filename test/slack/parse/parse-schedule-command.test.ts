import { describe, expect, it } from 'vitest';
import { parseScheduleCommand } from '../../../src/slack/parse/parse-schedule-command.ts';

describe('parseScheduleCommand', () => {
  it.each([
    ['subscribe health', { kind: 'subscribe', post: 'catalog-health', word: 'health' }],
    ['Subscribe HEALTH payments-team', { kind: 'subscribe', post: 'catalog-health', word: 'HEALTH', team: 'payments-team' }],
    [
      'subscribe health payments-team quiet 20:00-08:00',
      { kind: 'subscribe', post: 'catalog-health', word: 'health', team: 'payments-team', quiet: { start: 1200, end: 480 } },
    ],
    ['subscribe scorecards quiet 12:00-13:00', { kind: 'subscribe', post: 'scorecard-digest', word: 'scorecards', quiet: { start: 720, end: 780 } }],
    ['unsubscribe handoffs payments-team', { kind: 'unsubscribe', post: 'oncall-handoff', word: 'handoffs', team: 'payments-team' }],
    ['schedules', { kind: 'schedules' }],
  ])('/callboard %s', (text, expected) => {
    expect(parseScheduleCommand('/callboard', text)).toEqual(expected);
  });

  it('leaves every other command to the other parsers', () => {
    expect(parseScheduleCommand('/callboard', 'errors payments-team')).toBeUndefined();
    expect(parseScheduleCommand('/owner', 'subscribe health')).toBeUndefined();
    expect(parseScheduleCommand('/callboard', '')).toBeUndefined();
  });

  it('answers bad input with the usage', () => {
    const usage = (text: string) => {
      const parsed = parseScheduleCommand('/callboard', text);
      return parsed?.kind === 'usage' ? parsed.message : undefined;
    };
    expect(usage('subscribe')).toContain('Usage: `/callboard subscribe scorecards|handoffs|health [team] [quiet 20:00-08:00]`');
    expect(usage('subscribe weather')).toContain('`weather` is not something to subscribe to');
    expect(usage('subscribe health a b')).toContain('Name one team.');
    expect(usage('subscribe health quiet 8pm')).toContain('Quiet hours are two times');
    expect(usage('unsubscribe health quiet 20:00-08:00')).toContain('Usage: `/callboard unsubscribe');
    expect(usage('schedules everything')).toContain('`/callboard schedules` lists every scheduled post');
  });
});
