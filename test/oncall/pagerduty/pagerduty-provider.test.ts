import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_PAGERDUTY_TOKEN, PagerdutyApiServer } from '../../fakes/pagerduty-api-server.ts';
import { PagerdutyProvider, type PagerdutyProviderOptions } from '../../../src/oncall/pagerduty/pagerduty-provider.ts';
import { AT, INTEGRATION_KEY, paymentsOnPagerduty } from './pagerduty-scenario.ts';

let fake: PagerdutyApiServer;

const provider = (options: Partial<PagerdutyProviderOptions> = {}) => new PagerdutyProvider({ baseUrl: fake.baseUrl, token: FAKE_PAGERDUTY_TOKEN, ...options });
const byServiceId = { provider: 'pagerduty', id: 'PSVCPAY', annotation: 'pagerduty.com/service-id' };
const person = (name: string, email: string) => ({ name, email });

beforeAll(async () => {
  fake = await PagerdutyApiServer.start(paymentsOnPagerduty());
});

afterAll(async () => {
  await fake.stop();
});

beforeEach(() => fake.clearRequests());

describe('PagerdutyProvider: sources', () => {
  it('reads pagerduty.com/service-id first, else pagerduty.com/integration-key, else nothing', () => {
    const pagerduty = provider();
    expect(pagerduty.sourceFromAnnotations({ 'pagerduty.com/service-id': ' PSVCPAY ', 'pagerduty.com/integration-key': INTEGRATION_KEY })).toEqual(byServiceId);
    expect(pagerduty.sourceFromAnnotations({ 'pagerduty.com/integration-key': INTEGRATION_KEY })).toEqual({
      provider: 'pagerduty',
      id: INTEGRATION_KEY,
      annotation: 'pagerduty.com/integration-key',
    });
    expect(pagerduty.sourceFromAnnotations({ 'pagerduty.com/service-id': '', 'backstage.io/techdocs-ref': 'dir:.' })).toBeUndefined();
  });
});

describe('PagerdutyProvider: lookup', () => {
  it('answers every level of the escalation policy, level 1 first, now and next, from unsorted entries with nulls', async () => {
    const schedule = await provider().lookup(byServiceId, AT);
    expect(schedule).toEqual({
      provider: 'pagerduty',
      name: 'Payments escalation',
      url: 'https://acme.pagerduty.com/escalation_policies/PEPPAY',
      levels: [
        {
          level: 1,
          name: 'Level 1',
          now: [
            { person: person('Alice Adams', 'alice@example.com'), from: '2026-12-07T09:00:00.000Z', until: '2026-12-08T09:00:00.000Z' },
            { person: person('Carol Chen', 'carol@example.com'), from: '2026-12-07T06:00:00.000Z', until: '2026-12-07T18:00:00.000Z' },
          ],
          // Dave follows Carol at 18:00, Bob follows Alice at 09:00; Carol's own next shift follows Dave, not anyone on now.
          next: [
            { person: person('Bob Brown', 'bob@example.com'), from: '2026-12-08T09:00:00.000Z', until: '2026-12-09T09:00:00.000Z' },
            { person: person('Dave Diaz', 'dave@example.com'), from: '2026-12-07T18:00:00.000Z', until: '2026-12-08T06:00:00.000Z' },
          ],
        },
        {
          level: 2,
          name: 'Level 2',
          // Frank is targeted directly: on for good, so neither bound is given.
          now: [
            { person: person('Erin Evans', 'erin@example.com'), from: '2026-12-07T00:00:00.000Z', until: '2026-12-14T00:00:00.000Z' },
            { person: person('Frank Fox', 'frank@example.com') },
          ],
          next: [{ person: person('Alice Adams', 'alice@example.com'), from: '2026-12-14T00:00:00.000Z', until: '2026-12-21T00:00:00.000Z' }],
        },
        {
          level: 3,
          name: 'Level 3',
          now: [],
          next: [{ person: person('Bob Brown', 'bob@example.com'), from: '2026-12-07T12:00:00.000Z', until: '2026-12-07T20:00:00.000Z' }],
        },
      ],
    });
  });

  it('asks PagerDuty as it expects: versioned Accept, Token token=, bracketed params, since/until now then past the last handoff', async () => {
    await provider({ cacheTtlMs: 0 }).lookup(byServiceId, AT);
    expect(fake.requests.map((request) => request.status)).toEqual([200, 200, 200]);
    for (const request of fake.requests) {
      expect(request).toMatchObject({ authorization: `Token token=${FAKE_PAGERDUTY_TOKEN}`, accept: 'application/vnd.pagerduty+json;version=2' });
    }
    const [service, now, later] = fake.requests;
    expect(service!.query).toEqual([['include[]', 'escalation_policies']]);
    expect(Object.fromEntries(now!.query)).toMatchObject({
      'escalation_policy_ids[]': 'PEPPAY',
      'include[]': 'users',
      since: '2026-12-07T10:00:00.000Z',
      until: '2026-12-07T10:00:00.000Z',
      limit: '100',
      offset: '0',
    });
    // Level 2 hands over on the 14th; the window reaches a day past it.
    expect(Object.fromEntries(later!.query)).toMatchObject({ since: '2026-12-07T10:00:00.000Z', until: '2026-12-15T00:00:00.000Z' });
  });

  it('resolves pagerduty.com/integration-key to the service whose integration carries it, not the first name match', async () => {
    const source = { provider: 'pagerduty', id: INTEGRATION_KEY, annotation: 'pagerduty.com/integration-key' };
    const schedule = await provider().lookup(source, AT);
    expect(schedule.name).toBe('Payments escalation');
    expect(Object.fromEntries(fake.requests[0]!.query)).toMatchObject({ query: INTEGRATION_KEY });
  });

  it('says which integration key matched no service, without printing all of it', async () => {
    const source = { provider: 'pagerduty', id: 'ffffffffffffffffffffffffffffffff', annotation: 'pagerduty.com/integration-key' };
    await expect(provider().lookup(source, AT)).rejects.toThrow(
      'no PagerDuty service has integration key ffffff…: check the pagerduty.com/integration-key annotation',
    );
  });

  it('sends an OAuth token as Bearer', async () => {
    const oauthFake = await PagerdutyApiServer.start({ ...paymentsOnPagerduty(), apiKeys: [], oauthTokens: ['pd-oauth-1'] });
    try {
      const schedule = await new PagerdutyProvider({ baseUrl: oauthFake.baseUrl, token: 'pd-oauth-1', tokenType: 'oauth' }).lookup(byServiceId, AT);
      expect(schedule.levels).toHaveLength(3);
      expect(oauthFake.requests[0]!.authorization).toBe('Bearer pd-oauth-1');
    } finally {
      await oauthFake.stop();
    }
  });

  it('fetches the escalation policy on its own when the service carries only a reference', async () => {
    const referenceOnly: typeof fetch = (input, init) => fetch(String(input).replace('include%5B%5D=escalation_policies', 'include%5B%5D=teams'), init);
    const schedule = await provider({ fetch: referenceOnly }).lookup(byServiceId, AT);
    expect(schedule.url).toBe('https://acme.pagerduty.com/escalation_policies/PEPPAY');
    expect(fake.requests.map((request) => request.path.split('?')[0])).toEqual(['/services/PSVCPAY', '/escalation_policies/PEPPAY', '/oncalls', '/oncalls']);
  });
});

describe('PagerdutyProvider: pagination', () => {
  it('reads every page of /oncalls (150 people on now at level 1), 100 at a time', async () => {
    const users = Array.from({ length: 150 }, (_, index) => ({
      id: `PU${String(index).padStart(3, '0')}`,
      name: `User ${index}`,
      email: `u${index}@example.com`,
    }));
    const crowded = await PagerdutyApiServer.start({
      users,
      escalationPolicies: [{ id: 'PEPALL', name: 'Everyone', rules: [{ targets: [] }] }],
      services: [{ id: 'PSVCALL', name: 'All hands', escalationPolicyId: 'PEPALL' }],
      oncalls: users.map((user) => ({ escalationPolicyId: 'PEPALL', level: 1, userId: user.id, scheduleId: null, start: null, end: null })),
    });
    try {
      const schedule = await new PagerdutyProvider({ baseUrl: crowded.baseUrl, token: FAKE_PAGERDUTY_TOKEN }).lookup({ ...byServiceId, id: 'PSVCALL' }, AT);
      expect(schedule.levels.map((level) => level.now.length)).toEqual([150]);
      expect(new Set(schedule.levels[0]!.now.map((shift) => shift.person.email)).size).toBe(150);
      const pages = crowded.requestsTo('/oncalls').map((request) => Object.fromEntries(request.query));
      expect(pages.map((page) => [page.offset, page.limit])).toEqual([
        ['0', '100'],
        ['100', '100'],
      ]);
    } finally {
      await crowded.stop();
    }
  });
});
