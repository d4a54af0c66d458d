import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';

const writeConfig = (schedules: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-schedules-'));
  const file = join(dir, 'callboard.yaml');
  writeFileSync(file, `catalog:\n  sources: []\nschedules:\n${schedules}`);
  return file;
};

const errorOf = (schedules: string): string => {
  try {
    loadConfig({ file: writeConfig(schedules), env: {} });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
};

const health = (id: string, extra = '') =>
  `  - { id: ${id}, post: catalog-health, channel: "#payments", cron: "0 9 * * MON", timezone: Europe/Berlin${extra} }\n`;

describe('schedules: in callboard.yaml', () => {
  it('reads a schedule with its defaults (missed: once, timezone UTC) and resolves postMessages against the file', () => {
    const file = writeConfig(
      `  - { id: health-weekly, post: catalog-health, team: group:payments-team, channel: "#payments", cron: "0 0 9 * * MON" }\npostMessages:\n  catalog-health: messages/ours.hbs\n`,
    );
    const config = loadConfig({ file, env: {} });
    expect(config.schedules).toEqual([
      {
        id: 'health-weekly',
        post: 'catalog-health',
        team: 'group:payments-team',
        channel: '#payments',
        cron: '0 0 9 * * MON',
        timezone: 'UTC',
        missed: 'once',
      },
    ]);
    expect(config.postMessages['catalog-health']).toBe(join(file, '..', 'messages/ours.hbs'));
  });

  it('names the key of an unknown time zone', () => {
    const message = errorOf(health('a') + health('b') + health('c').replace('Europe/Berlin', 'Europe/Berln'));
    expect(message).toContain('schedules[2].timezone: got "Europe/Berln" — expected an IANA time zone name such as "Europe/Berlin"');
  });

  it('names the key of a bad cron expression', () => {
    expect(errorOf(health('a').replace('0 9 * * MON', 'every monday'))).toContain(
      'schedules[0].cron: got "every monday" — expected a cron expression of 5 fields, or 6',
    );
  });

  it('refuses a duplicate id, naming the first one', () => {
    expect(errorOf(health('weekly') + health('weekly'))).toContain(
      'schedules[1].id: got "weekly" — expected an id no other schedule has (schedules[0] is also "weekly")',
    );
  });

  it('refuses a scorecard digest without a scorecard', () => {
    const message = errorOf(`  - { id: readiness, post: scorecard-digest, channel: "#payments", cron: "0 9 * * MON" }\n`);
    expect(message).toContain('schedules[0].scorecard: got nothing — expected the name of the Scorecard to digest');
  });

  it('refuses keys a post type does not take, and unknown keys', () => {
    expect(errorOf(health('a', ', scorecard: readiness'))).toContain(
      'schedules[0].scorecard: got "readiness" — expected no scorecard: only scorecard-digest schedules take one',
    );
    expect(errorOf(health('a', ', when: daily'))).toContain('schedules[0]: unknown key "when"');
  });

  it('checks quiet hours and channel names', () => {
    expect(errorOf(health('a', ', quiet: "8pm-8am"'))).toContain('schedules[0].quiet: got "8pm-8am" — expected quiet hours as "HH:MM-HH:MM"');
    expect(errorOf(health('a').replace('"#payments"', '"#Pay ments"'))).toContain('schedules[0].channel: got "#Pay ments"');
  });

  it("times a handoff by its team's shift changes: a team is needed, cron is refused, handoffLead in whole minutes", () => {
    const handoff = (extra: string) => `  - { id: handoff, post: oncall-handoff, channel: "#payments"${extra} }\n`;
    const file = writeConfig(handoff(', team: group:payments-team, handoffLead: 30'));
    expect(loadConfig({ file, env: {} }).schedules[0]).toMatchObject({ post: 'oncall-handoff', team: 'group:payments-team', handoffLead: 30 });
    expect(errorOf(handoff(''))).toContain('schedules[0].team: got nothing — expected the team whose on-call hands over');
    expect(errorOf(handoff(', team: payments-team, cron: "0 9 * * *"'))).toContain(
      'schedules[0].cron: got "0 9 * * *" — expected no cron: oncall-handoff posts follow the team\'s on-call',
    );
    expect(errorOf(handoff(', team: payments-team, handoffLead: "1h"'))).toContain('schedules[0].handoffLead: got "1h"');
    expect(errorOf(handoff(', team: payments-team, handoffLead: 0'))).toContain('schedules[0].handoffLead: got 0 — expected whole minutes from 1 to 10080');
    expect(errorOf(health('a').replace(', cron: "0 9 * * MON"', ''))).toContain('schedules[0].cron: got nothing — expected a cron expression');
  });
});
