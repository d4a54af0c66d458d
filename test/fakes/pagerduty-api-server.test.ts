import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_PAGERDUTY_TOKEN, PAGERDUTY_ACCEPT, PagerdutyApiServer, type FakePagerdutyOnCall } from './pagerduty-api-server.ts';

/** The fake is worth something only if it is as strict as PagerDuty (reference §0, §1, §6); raw fetch drives it. */

const NOW = '2026-12-07T10:00:00Z';
let fake: PagerdutyApiServer;

const headers = (authorization = `Token token=${FAKE_PAGERDUTY_TOKEN}`, accept = PAGERDUTY_ACCEPT): Record<string, string> => ({
  authorization,
  accept,
  'content-type': 'application/json',
});

async function get(path: string, init: Record<string, string> = headers()): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${fake.baseUrl}${path}`, { headers: init });
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : { text }, headers: response.headers };
}

const oncall = (userId: string, level: number, start: string | null, end: string | null, scheduleId: string | null = 'PSCHED1'): FakePagerdutyOnCall => ({
  escalationPolicyId: 'PEP1',
  level,
  userId,
  scheduleId,
  start,
  end,
});

beforeAll(async () => {
  fake = await PagerdutyApiServer.start({
    oauthTokens: ['oauth-access-1'],
    now: () => new Date(NOW),
    users: [
      { id: 'PALICE', name: 'Alice Adams', email: 'alice@example.com' },
      { id: 'PBOB', name: 'Bob Brown', email: 'bob@example.com' },
    ],
    schedules: [{ id: 'PSCHED1', name: 'Payments primary' }],
    escalationPolicies: [
      { id: 'PEP1', name: 'Payments', rules: [{ targets: [{ type: 'schedule', id: 'PSCHED1' }] }, { targets: [{ type: 'user', id: 'PBOB' }] }] },
    ],
    services: [{ id: 'PSVC1', name: 'Payments API', escalationPolicyId: 'PEP1', integrationKeys: ['a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4'] }],
    oncalls: [
      oncall('PBOB', 2, null, null, null),
      oncall('PALICE', 1, '2026-12-07T09:00:00Z', '2026-12-08T09:00:00Z'),
      oncall('PBOB', 1, '2026-12-08T09:00:00Z', '2026-12-09T09:00:00Z'),
    ],
  });
});

afterAll(async () => {
  await fake.stop();
});

beforeEach(() => fake.clearRequests());

describe('fake PagerDuty: auth and headers', () => {
  it('accepts `Token token=<key>` and an OAuth `Bearer` token', async () => {
    expect((await get('/services/PSVC1')).status).toBe(200);
    expect((await get('/services/PSVC1', headers('Bearer oauth-access-1'))).status).toBe(200);
  });

  it.each([
    ['`Token <key>` (missing token=)', `Token ${FAKE_PAGERDUTY_TOKEN}`],
    ['an API key as Bearer', `Bearer ${FAKE_PAGERDUTY_TOKEN}`],
    ['a wrong key', 'Token token=u+wrong'],
    ['Basic', `Basic ${Buffer.from(`${FAKE_PAGERDUTY_TOKEN}:`).toString('base64')}`],
    ['no header', ''],
  ])('refuses %s with 401 and the error envelope', async (_, authorization) => {
    const answer = await get('/services/PSVC1', authorization ? headers(authorization) : { accept: PAGERDUTY_ACCEPT });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: { code: 2006, message: 'Authentication failed', errors: [] } });
  });

  it('can answer 401 as HTML, as PagerDuty historically did', async () => {
    const htmlFake = await PagerdutyApiServer.start({ unauthorizedAs: 'html' });
    try {
      const response = await fetch(`${htmlFake.baseUrl}/oncalls`, { headers: headers('Token token=nope') });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
    } finally {
      await htmlFake.stop();
    }
  });

  it('refuses a request without the versioned Accept header', async () => {
    const answer = await get('/services/PSVC1', headers(undefined, 'application/json'));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 2001, errors: [expect.stringContaining(PAGERDUTY_ACCEPT)] } });
  });

  it('records each request with its headers and status', async () => {
    await get('/oncalls?include%5B%5D=users');
    expect(fake.requests).toEqual([
      {
        method: 'GET',
        path: '/oncalls?include%5B%5D=users',
        query: [['include[]', 'users']],
        authorization: `Token token=${FAKE_PAGERDUTY_TOKEN}`,
        accept: PAGERDUTY_ACCEPT,
        contentType: 'application/json',
        status: 200,
      },
    ]);
  });
});

describe('fake PagerDuty: services and escalation policies', () => {
  it('answers a service with a policy reference, or the full policy with include[]=escalation_policies', async () => {
    const plain = (await get('/services/PSVC1')).body.service as Record<string, Record<string, unknown>>;
    expect(plain.escalation_policy).toMatchObject({ id: 'PEP1', type: 'escalation_policy_reference', summary: 'Payments' });
    const full = (await get('/services/PSVC1?include[]=escalation_policies')).body.service as Record<string, Record<string, unknown>>;
    expect(full.escalation_policy).toMatchObject({ id: 'PEP1', type: 'escalation_policy', html_url: 'https://acme.pagerduty.com/escalation_policies/PEP1' });
    expect(full.escalation_policy!.escalation_rules).toHaveLength(2);
  });

  it('answers 404 with the envelope for an unknown service, policy or route', async () => {
    for (const path of ['/services/PNOPE', '/escalation_policies/PNOPE', '/incidents']) {
      expect(await get(path)).toMatchObject({ status: 404, body: { error: { code: 2100, message: 'Not Found' } } });
    }
  });

  it('finds a service by integration key through /services?query=', async () => {
    const byKey = await get('/services?query=a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4&include[]=integrations');
    expect(byKey.body).toMatchObject({ services: [{ id: 'PSVC1', integrations: [{ integration_key: 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4' }] }], total: null });
    expect((await get('/services?query=payments')).body.services).toHaveLength(1);
    expect((await get('/services?query=ffff0000')).body).toMatchObject({ services: [], more: false });
  });

  it('refuses include[] values outside the endpoint enum and unbracketed array params', async () => {
    expect((await get('/services/PSVC1?include[]=users')).body).toMatchObject({ error: { code: 2001 } });
    expect((await get('/oncalls?include[]=teams')).status).toBe(400);
    expect((await get('/oncalls?escalation_policy_ids=PEP1')).body).toMatchObject({
      error: { code: 2001, errors: [expect.stringContaining('escalation_policy_ids[]')] },
    });
  });
});

describe('fake PagerDuty: /oncalls', () => {
  it('answers now by default, unsorted, with null bounds and user references unless include[]=users', async () => {
    const answer = await get('/oncalls?escalation_policy_ids[]=PEP1');
    const entries = answer.body.oncalls as Array<Record<string, unknown>>;
    expect(entries.map((entry) => [entry.escalation_level, (entry.user as { id: string }).id, entry.start, entry.end])).toEqual([
      [2, 'PBOB', null, null],
      [1, 'PALICE', '2026-12-07T09:00:00Z', '2026-12-08T09:00:00Z'],
    ]);
    expect(entries[0]).toMatchObject({ schedule: null, user: { type: 'user_reference', summary: 'Bob Brown' } });
    expect(entries[0]!.user).not.toHaveProperty('email');
    const withUsers = (await get('/oncalls?escalation_policy_ids[]=PEP1&include[]=users')).body.oncalls as Array<{ user: Record<string, unknown> }>;
    expect(withUsers[1]!.user).toMatchObject({ type: 'user', name: 'Alice Adams', email: 'alice@example.com' });
  });

  it('returns every entry overlapping [since, until) (an instant when equal), current ones included, and only the earliest per user with earliest=true', async () => {
    const window = 'since=2026-12-07T10:00:00Z&until=2026-12-08T09:00:01Z';
    const levels = (body: Record<string, unknown>) =>
      (body.oncalls as Array<{ user: { id: string }; escalation_level: number }>).map((e) => `${e.escalation_level}:${e.user.id}`);
    expect(levels((await get(`/oncalls?${window}`)).body)).toEqual(['2:PBOB', '1:PALICE', '1:PBOB']);
    expect(levels((await get('/oncalls?since=2026-12-07T10:00:00Z&until=2026-12-08T09:00:00Z')).body)).toEqual(['2:PBOB', '1:PALICE']);
    expect(levels((await get('/oncalls?since=2026-12-08T09:00:00Z&until=2026-12-08T09:00:00Z')).body)).toEqual(['2:PBOB', '1:PBOB']);
    expect(levels((await get('/oncalls?since=2026-12-08T08:59:59Z&until=2026-12-09T08:00:00Z&earliest=true')).body)).toEqual(['2:PBOB', '1:PALICE', '1:PBOB']);
  });

  it('refuses until before since, a window over 90 days and dates that are not ISO 8601', async () => {
    expect((await get('/oncalls?since=2026-12-08T00:00:00Z&until=2026-12-07T00:00:00Z')).body).toMatchObject({ error: { code: 2005 } });
    expect((await get('/oncalls?since=2026-12-08T00:00:00Z&until=2027-04-08T00:00:00Z')).body).toMatchObject({ error: { code: 2005 } });
    expect((await get('/oncalls?since=yesterday')).body).toMatchObject({ error: { code: 2004 } });
  });
});

describe('fake PagerDuty: pagination', () => {
  let many: PagerdutyApiServer;
  beforeAll(async () => {
    many = await PagerdutyApiServer.start({
      users: [{ id: 'PU1', name: 'One', email: 'one@example.com' }],
      escalationPolicies: [{ id: 'PEP9', name: 'Many', rules: [] }],
      oncalls: Array.from({ length: 130 }, (_, index) => ({
        escalationPolicyId: 'PEP9',
        level: index + 1,
        userId: 'PU1',
        scheduleId: null,
        start: null,
        end: null,
      })),
    });
  });
  afterAll(async () => {
    await many.stop();
  });
  const page = async (query: string) => {
    const response = await fetch(`${many.baseUrl}/oncalls?${query}`, { headers: headers() });
    return (await response.json()) as {
      oncalls?: unknown[];
      limit: number;
      offset: number;
      more: boolean;
      total: number | null;
      error?: { code: number; errors: string[] };
    };
  };

  it('pages 25 by default with total null, and counts only with total=true in lower case', async () => {
    expect(await page('')).toMatchObject({ oncalls: expect.any(Array), limit: 25, offset: 0, more: true, total: null });
    expect((await page('')).oncalls).toHaveLength(25);
    expect(await page('total=true')).toMatchObject({ total: 130 });
    expect(await page('total=True')).toMatchObject({ total: null });
  });

  it('caps limit at 100, echoes offset and ends with more: false', async () => {
    const first = await page('limit=500');
    expect(first).toMatchObject({ limit: 100, offset: 0, more: true });
    const last = await page('limit=100&offset=100');
    expect(last).toMatchObject({ limit: 100, offset: 100, more: false });
    expect(last.oncalls).toHaveLength(30);
  });

  it('refuses offset+limit over 10,000 with 400 code 2002, not an empty page', async () => {
    expect(await page('limit=100&offset=9900')).toMatchObject({ more: false, oncalls: [] });
    const refused = await page('limit=100&offset=9901');
    expect(refused.error).toMatchObject({ code: 2002, errors: [expect.stringContaining('Offset+limit exceeds maximum allowed value of 10000')] });
    expect((await page('limit=0')).error).toMatchObject({ code: 2001 });
  });
});

describe('fake PagerDuty: faults', () => {
  it('answers 429 with the lower-case ratelimit headers and the envelope, then recovers', async () => {
    fake.failNext({ kind: 'ratelimited', resetSeconds: 7 }, { pathPrefix: '/oncalls' });
    expect((await get('/services/PSVC1')).status).toBe(200);
    const limited = await get('/oncalls');
    expect(limited.status).toBe(429);
    expect([limited.headers.get('ratelimit-limit'), limited.headers.get('ratelimit-remaining'), limited.headers.get('ratelimit-reset')]).toEqual([
      '960',
      '0',
      '7',
    ]);
    expect(limited.body).toMatchObject({ error: { message: 'Rate Limit Exceeded' } });
    expect((await get('/oncalls')).status).toBe(200);
  });

  it('answers 500 with the envelope and malformed JSON with 200', async () => {
    fake.failNext({ kind: 'status', status: 500 });
    expect(await get('/oncalls')).toMatchObject({ status: 500, body: { error: { code: 2000 } } });
    fake.failNext({ kind: 'malformed' });
    const response = await fetch(`${fake.baseUrl}/oncalls`, { headers: headers() });
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it('hangs until the client gives up, and records the request with status 0', async () => {
    fake.failNext({ kind: 'hang' });
    await expect(fetch(`${fake.baseUrl}/oncalls`, { headers: headers(), signal: AbortSignal.timeout(100) })).rejects.toThrow(/aborted|timeout/i);
    expect(fake.requests.at(-1)).toMatchObject({ path: '/oncalls', status: 0 });
  });

  it('checks auth before faults: a bad token is still a 401', async () => {
    fake.failNext({ kind: 'status', status: 500 });
    expect((await get('/oncalls', headers('Token nope'))).status).toBe(401);
    expect((await get('/oncalls')).status).toBe(500);
  });
});
