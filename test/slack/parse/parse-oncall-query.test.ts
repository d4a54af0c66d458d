import { describe, expect, it } from 'vitest';
import { parseMention } from '../../../src/slack/parse/parse-mention.ts';
import { parseInstant } from '../../../src/slack/parse/parse-instant.ts';
import { parseSlashCommand } from '../../../src/slack/parse/parse-slash-command.ts';

describe('parseInstant', () => {
  it.each([
    ['2026-12-07T09:00Z', '2026-12-07T09:00:00.000Z'],
    ['2026-12-07T09:00:30.25Z', '2026-12-07T09:00:30.250Z'],
    ['2026-12-07 09:00+01:00', '2026-12-07T08:00:00.000Z'],
    ['2026-12-07T09:00-0530', '2026-12-07T14:30:00.000Z'],
    ['2026-12-07T09:00', '2026-12-07T09:00:00.000Z'],
    ['2026-12-07', '2026-12-07T00:00:00.000Z'],
  ])('%s is %s', (text, iso) => {
    expect(parseInstant(text)?.toISOString()).toBe(iso);
  });

  it.each(['tomorrow 09:00', '2026-02-30T09:00Z', '2026-13-01', '2026-12-07T24:00Z', '09:00', '2026-12-07T09:00+25:00', ''])('refuses %j', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });
});

describe('/oncall', () => {
  it.each([
    ['payments-api', { kind: 'oncall', entity: 'payments-api' }],
    ['Payments API', { kind: 'oncall', entity: 'Payments API' }],
    ['payments-team at 2026-12-07T09:00Z', { kind: 'oncall', entity: 'payments-team', at: '2026-12-07T09:00:00.000Z' }],
    ['payments-team AT 2026-12-07 10:00+01:00', { kind: 'oncall', entity: 'payments-team', at: '2026-12-07T09:00:00.000Z' }],
    ['payments-team --at 2026-12-07', { kind: 'oncall', entity: 'payments-team', at: '2026-12-07T00:00:00.000Z' }],
    ['payments-team --at=2026-12-07T09:00Z', { kind: 'oncall', entity: 'payments-team', at: '2026-12-07T09:00:00.000Z' }],
    // Only the last "at" starts the time, so a name with "at" in it still reads.
    ['eat at joes at 2026-12-07T09:00Z', { kind: 'oncall', entity: 'eat at joes', at: '2026-12-07T09:00:00.000Z' }],
  ])('/oncall %s', (text, request) => {
    expect(parseSlashCommand('/oncall', text)).toEqual({ ok: true, request });
  });

  it('is also /callboard oncall, and a mention', () => {
    expect(parseSlashCommand('/callboard', 'oncall payments-team at 2026-12-07T09:00Z')).toEqual(
      parseSlashCommand('/oncall', 'payments-team at 2026-12-07T09:00Z'),
    );
    expect(parseMention('<@U0BOT> who is on call for payments-api?')).toEqual({ ok: true, request: { kind: 'oncall', entity: 'payments-api' } });
    expect(parseMention('<@U0BOT> oncall payments-api at 2026-12-07T09:00Z')).toEqual({
      ok: true,
      request: { kind: 'oncall', entity: 'payments-api', at: '2026-12-07T09:00:00.000Z' },
    });
  });

  it.each([
    ['', 'Name an entity after /oncall'],
    ['payments at tomorrow 09:00', 'is not a time Callboard reads: use an ISO 8601 time such as `2026-12-07T09:00Z`'],
    ['payments at', 'Say when after "at"'],
    ['at 2026-12-07T09:00Z', 'Name an entity after /oncall'],
  ])('/oncall %j is a usage problem', (text, message) => {
    const parsed = parseSlashCommand('/oncall', text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(message);
  });
});
