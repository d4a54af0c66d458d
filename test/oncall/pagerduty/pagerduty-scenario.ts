import type { FakePagerdutyOnCall, PagerdutyApiServerOptions } from '../../fakes/pagerduty-api-server.ts';

/**
 * A payments team on PagerDuty at AT: level 1 has two people from two schedules with different handoffs, level 2
 * a weekly rotation plus someone targeted directly (on for good), level 3 nobody until noon. Seeded out of order,
 * with another policy's entries mixed in, as `/oncalls` answers.
 */
export const AT = new Date('2026-12-07T10:00:00Z');
export const INTEGRATION_KEY = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';

const entry = (
  escalationPolicyId: string,
  level: number,
  userId: string,
  scheduleId: string | null,
  start: string | null,
  end: string | null,
): FakePagerdutyOnCall => ({
  escalationPolicyId,
  level,
  userId,
  scheduleId,
  start,
  end,
});

export const paymentsOnPagerduty = (): PagerdutyApiServerOptions => ({
  users: [
    { id: 'PALICE', name: 'Alice Adams', email: 'alice@example.com' },
    { id: 'PBOB', name: 'Bob Brown', email: 'bob@example.com' },
    { id: 'PCAROL', name: 'Carol Chen', email: 'carol@example.com' },
    { id: 'PDAVE', name: 'Dave Diaz', email: 'dave@example.com' },
    { id: 'PERIN', name: 'Erin Evans', email: 'erin@example.com' },
    { id: 'PFRANK', name: 'Frank Fox', email: 'frank@example.com' },
  ],
  schedules: [
    { id: 'PSDAY', name: 'Payments days' },
    { id: 'PSFOLLOW', name: 'Payments follow the sun' },
    { id: 'PSWEEK', name: 'Payments weekly' },
  ],
  escalationPolicies: [
    {
      id: 'PEPPAY',
      name: 'Payments escalation',
      rules: [
        {
          targets: [
            { type: 'schedule', id: 'PSDAY' },
            { type: 'schedule', id: 'PSFOLLOW' },
          ],
        },
        {
          targets: [
            { type: 'schedule', id: 'PSWEEK' },
            { type: 'user', id: 'PFRANK' },
          ],
        },
        { targets: [{ type: 'user', id: 'PBOB' }] },
      ],
    },
    { id: 'PEPOTHER', name: 'Search escalation', rules: [{ targets: [{ type: 'user', id: 'PERIN' }] }] },
  ],
  services: [
    { id: 'PSVCPAY', name: 'Payments API', escalationPolicyId: 'PEPPAY', integrationKeys: [INTEGRATION_KEY] },
    // A decoy that `/services?query=<key>` also matches (by name) and lists first.
    { id: 'PSVCDECOY', name: `Aardvark ${INTEGRATION_KEY}`, escalationPolicyId: 'PEPOTHER' },
  ],
  oncalls: [
    entry('PEPPAY', 2, 'PFRANK', null, null, null),
    entry('PEPOTHER', 1, 'PERIN', null, null, null),
    entry('PEPPAY', 1, 'PCAROL', 'PSFOLLOW', '2026-12-07T06:00:00Z', '2026-12-07T18:00:00Z'),
    entry('PEPPAY', 2, 'PERIN', 'PSWEEK', '2026-12-07T00:00:00Z', '2026-12-14T00:00:00Z'),
    entry('PEPPAY', 1, 'PALICE', 'PSDAY', '2026-12-07T09:00:00Z', '2026-12-08T09:00:00Z'),
    entry('PEPPAY', 1, 'PCAROL', 'PSFOLLOW', '2026-12-08T06:00:00Z', '2026-12-08T18:00:00Z'),
    entry('PEPPAY', 1, 'PDAVE', 'PSFOLLOW', '2026-12-07T18:00:00Z', '2026-12-08T06:00:00Z'),
    entry('PEPPAY', 3, 'PBOB', null, '2026-12-07T12:00:00Z', '2026-12-07T20:00:00Z'),
    entry('PEPPAY', 1, 'PBOB', 'PSDAY', '2026-12-08T09:00:00Z', '2026-12-09T09:00:00Z'),
    entry('PEPPAY', 2, 'PALICE', 'PSWEEK', '2026-12-14T00:00:00Z', '2026-12-21T00:00:00Z'),
    entry('PEPPAY', 1, 'PERIN', 'PSDAY', '2026-12-06T09:00:00Z', '2026-12-07T09:00:00Z'),
  ],
});
