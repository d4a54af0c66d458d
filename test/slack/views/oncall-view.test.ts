import { describe, expect, it } from 'vitest';
import type { OnCallLevel, OnCallSchedule } from '../../../src/core/oncall/on-call.ts';
import type { OnCallAnswer } from '../../../src/usecases/oncall/find-oncall.ts';
import { onCallLine, onCallView, type OnCallViewFacts } from '../../../src/slack/views/oncall-view.ts';
import { formatShiftTime } from '../../../src/slack/views/shift-time.ts';
import { allMrkdwn, blockIds, expectMessageWithinLimits, expectNoInjectedControls, HOSTILE, HOSTILE_ESCAPED } from './view-helpers.ts';

const levels: OnCallLevel[] = [
  {
    level: 1,
    name: 'primary',
    now: [{ person: { name: 'Ann Smith', email: 'ann@acme.example', slackUserId: 'U0ANN' }, from: '2026-11-30T08:00:00Z', until: '2026-12-07T08:00:00Z' }],
    next: [{ person: { name: 'Bob Jones', email: 'bob@acme.example' }, from: '2026-12-07T08:00:00Z', until: '2026-12-14T08:00:00Z' }],
  },
  { level: 2, name: 'secondary', now: [], next: [] },
];

const schedule = (overrides: Partial<OnCallSchedule> = {}): OnCallSchedule => ({
  provider: 'pagerduty',
  name: 'Payments escalation',
  url: 'https://acme.pagerduty.com/escalation_policies/PEP1',
  levels,
  ...overrides,
});

const facts = (answer: Partial<OnCallAnswer>, overrides: Partial<OnCallViewFacts> = {}): OnCallViewFacts => ({
  answer: { entityRef: 'component:default/payments-api', ...answer },
  entityName: 'payments-api',
  kind: 'entity',
  pagerdutyLookups: true,
  ...overrides,
});

const viaTeam = {
  source: { provider: 'pagerduty', id: 'PTEAM', annotation: 'pagerduty.com/service-id' },
  origin: 'owner' as const,
  fromRef: 'group:default/payments',
};

describe('onCallView', () => {
  it('shows each level, level 1 first: who is on now and until when (in the reader’s zone), who is next and from when', () => {
    const message = onCallView(facts({ chosen: viaTeam, schedule: schedule() }, { timeZone: 'Europe/Berlin', fromName: 'Payments' }));
    expect(blockIds(message.blocks)).toEqual(['oncall.header', 'oncall.source', 'oncall.level.0', 'oncall.level.1', 'oncall.time_zone']);
    const text = allMrkdwn(message.blocks);
    expect(text).toContain(
      '*Level 1  ·  primary*\nNow: <@U0ANN> until Mon 7 Dec, 09:00 CET\nNext: Bob Jones from Mon 7 Dec, 09:00 CET until Mon 14 Dec, 09:00 CET',
    );
    expect(text).toContain('*Level 2  ·  secondary*\nNow: nobody');
    expect(text).toContain(
      "Escalation policy *Payments escalation*  ·  <https://acme.pagerduty.com/escalation_policies/PEP1|Open in PagerDuty>  ·  via its team's on-call (Payments)",
    );
    expect(text).toContain('Times in your Slack time zone (Europe/Berlin).');
    expect(message.text).toBe('Ann Smith is on call for payments-api');
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message, ['U0ANN']);
  });

  it('writes UTC, and says so, when the reader’s time zone is unknown or not a zone', () => {
    for (const timeZone of [undefined, 'Mars/Olympus_Mons']) {
      const text = allMrkdwn(onCallView(facts({ schedule: schedule() }, timeZone ? { timeZone } : {})).blocks);
      expect(text).toContain('until Mon 7 Dec, 08:00 UTC');
      expect(text).toContain('Times in UTC: Callboard could not read your Slack time zone.');
    }
  });

  it('names people in a shared answer instead of pinging them', () => {
    const message = onCallView(facts({ schedule: schedule() }, { audience: 'shared' }));
    expect(allMrkdwn(message.blocks)).toContain('Now: Ann Smith until');
    expectNoInjectedControls(message);
  });

  it('says which rotation, from where, with the warning and the time asked about', () => {
    const chosen = { ...viaTeam, origin: 'owner-rotation' as const, warning: 'group:default/payments owns 2 rotations (a, b): showing a.' };
    const message = onCallView(
      facts(
        { chosen, schedule: schedule({ provider: 'rotation', name: 'payments-primary', url: undefined as unknown as string }) },
        { at: '2026-12-24T18:00:00Z', fromName: 'Payments' },
      ),
    );
    expect(blockIds(message.blocks)).toEqual([
      'oncall.header',
      'oncall.source',
      'oncall.warning',
      'oncall.at',
      'oncall.level.0',
      'oncall.level.1',
      'oncall.time_zone',
    ]);
    const text = allMrkdwn(message.blocks);
    expect(text).toContain('Rotation *payments-primary*  ·  via the rotation its team owns (Payments)');
    expect(text).toContain(':warning: group:default/payments owns 2 rotations');
    expect(text).toContain('As of Thu 24 Dec, 18:00 UTC, as you asked.');
    expect(
      onCallView(facts({ chosen: { ...chosen, fromRef: 'group:default/payments' }, schedule: schedule({ provider: 'rotation' }) }, { kind: 'team' })).blocks[1],
    ).toMatchObject({
      elements: [{ text: expect.stringContaining("the team's rotation") }],
    });
  });

  it('a failed provider is one line, "on-call unavailable: <reason>", keeping the PagerDuty service link', () => {
    const message = onCallView(
      facts(
        { chosen: viaTeam, unavailable: 'PagerDuty refused the token (401).' },
        { fromName: 'Payments', pagerdutyService: { serviceId: 'PY9WQ4A', url: 'https://acme.pagerduty.com/service-directory/PY9WQ4A' } },
      ),
    );
    expect(blockIds(message.blocks)).toEqual(['oncall.unavailable']);
    expect(message.text).toBe(
      "payments-api: on-call unavailable: PagerDuty refused the token (401) (via its team's on-call (Payments)). PagerDuty service: <https://acme.pagerduty.com/service-directory/PY9WQ4A|PY9WQ4A>",
    );
  });

  it('nothing configured is one line saying how to add one; PagerDuty named but not looked up keeps its link', () => {
    expect(onCallView(facts({})).text).toBe(
      'No on-call is configured for payments-api: add `pagerduty.com/service-id` or `callboard.dev/rotation` to its catalog file or its team’s, or a Rotation owned by its team (`spec.owner`).',
    );
    expect(onCallView(facts({}, { kind: 'team', entityName: 'payments-team' })).text).toContain("to the team's catalog file, or a Rotation owned by the team");
    const unconfigured = onCallView(
      facts({}, { pagerdutyLookups: false, pagerdutyService: { serviceId: 'PY9WQ4A', url: 'https://acme.pagerduty.com/service-directory/PY9WQ4A' } }),
    );
    expect(unconfigured.text).toBe(
      'PagerDuty lookups are not set up (PAGERDUTY_TOKEN), so Callboard cannot say who is on call for payments-api. Its PagerDuty service: <https://acme.pagerduty.com/service-directory/PY9WQ4A|PY9WQ4A>.',
    );
    expect(onCallView(facts({}, { kind: 'person', entityName: 'marcus' })).text).toContain('marcus is a person');
  });

  it('escapes hostile names everywhere and stays within Block Kit limits however big the schedule', () => {
    const person = (i: number) => ({
      person: { name: `${HOSTILE} ${i}`, email: `p${i}@x.example` },
      from: '2026-12-01T00:00:00Z',
      until: '2026-12-08T00:00:00Z',
    });
    const huge: OnCallLevel[] = Array.from({ length: 25 }, (_, i) => ({
      level: i + 1,
      name: `${HOSTILE} ${'x'.repeat(500)}`,
      now: Array.from({ length: 40 }, (_, j) => person(j)),
      next: Array.from({ length: 40 }, (_, j) => person(j)),
    }));
    const chosen = { ...viaTeam, warning: `${HOSTILE} ${'w'.repeat(2000)}` };
    const message = onCallView(
      facts(
        { chosen, schedule: schedule({ name: HOSTILE, url: 'javascript:alert(1)', levels: huge }) },
        { entityName: HOSTILE, fromName: HOSTILE, timeZone: 'Asia/Kolkata' },
      ),
    );
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message);
    // Only mrkdwn is parsed by Slack: the plain-text header may hold the name as it is.
    expect(allMrkdwn(message)).not.toContain('<!channel>');
    expect(allMrkdwn(message.blocks)).toContain(HOSTILE_ESCAPED);
    expect(allMrkdwn(message.blocks)).toContain('and 35 more');
    expect(allMrkdwn(message.blocks)).toContain('15 more levels not shown.');
    expect(allMrkdwn(message.blocks)).not.toContain('javascript:');
    const failed = onCallView(facts({ unavailable: HOSTILE }, { entityName: HOSTILE }));
    expectNoInjectedControls(failed);
  });
});

describe('onCallLine', () => {
  it('is level 1 now in one line, or that on-call is unavailable, or nothing when none is configured', () => {
    // The zone's name is ICU's (GMT-5 in en-GB); only the wall time is pinned.
    expect(onCallLine({ entityRef: 'x', schedule: schedule() }, { timeZone: 'America/New_York' })).toMatch(
      /^\*On call\* {2}<@U0ANN> until Mon 7 Dec, 03:00 (?:EST|GMT-5) {2}· {2}escalation policy <https:\/\/acme\.pagerduty\.com\/escalation_policies\/PEP1\|Payments escalation>$/,
    );
    expect(onCallLine({ entityRef: 'x', schedule: schedule() }, { audience: 'shared' })).toContain('Ann Smith until Mon 7 Dec, 08:00 UTC');
    expect(onCallLine({ entityRef: 'x', unavailable: 'no answer within 2.5 s' }, {})).toBe('*On call*  on-call unavailable: no answer within 2.5 s');
    expect(onCallLine({ entityRef: 'x' }, {})).toBeUndefined();
    expect(onCallLine({ entityRef: 'x', schedule: schedule({ name: HOSTILE, url: undefined as unknown as string, levels: [] }) }, {})).toBe(
      `*On call*  nobody  ·  escalation policy ${HOSTILE_ESCAPED}`,
    );
  });

  it('formats shift times with the zone’s own abbreviation', () => {
    expect(formatShiftTime('2026-07-07T08:00:00Z', 'Europe/Berlin')).toBe('Tue 7 Jul, 10:00 CEST');
    expect(formatShiftTime('not a time', 'UTC')).toBe('not a time');
  });
});
