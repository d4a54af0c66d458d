import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PagerdutyProvider } from '../../../src/oncall/pagerduty/pagerduty-provider.ts';
import { FAKE_PAGERDUTY_TOKEN, PagerdutyApiServer } from '../../fakes/pagerduty-api-server.ts';

/** The cache saves PagerDuty calls for 60 s of a controllable clock, but never shows a shift past its end. */

let fake: PagerdutyApiServer;
let clockMs = 0;
const source = { provider: 'pagerduty', id: 'PSVC1', annotation: 'pagerduty.com/service-id' };
const at = (iso: string) => new Date(iso);
const provider = () => new PagerdutyProvider({ baseUrl: fake.baseUrl, token: FAKE_PAGERDUTY_TOKEN, clock: () => new Date(clockMs) });
const levelOne = async (pagerduty: PagerdutyProvider, when: Date) => (await pagerduty.lookup(source, when)).levels[0]!.now.map((shift) => shift.person.name);

beforeAll(async () => {
  fake = await PagerdutyApiServer.start({
    users: [
      { id: 'PALICE', name: 'Alice Adams', email: 'alice@example.com' },
      { id: 'PBOB', name: 'Bob Brown', email: 'bob@example.com' },
    ],
    escalationPolicies: [{ id: 'PEP1', name: 'Payments', rules: [{ targets: [] }] }],
    services: [{ id: 'PSVC1', name: 'Payments API', escalationPolicyId: 'PEP1' }],
    // A handoff in the middle of a minute, so the minute key alone would not catch it.
    oncalls: [
      { escalationPolicyId: 'PEP1', level: 1, userId: 'PBOB', scheduleId: 'PS1', start: '2026-12-07T09:00:40Z', end: '2026-12-08T09:00:40Z' },
      { escalationPolicyId: 'PEP1', level: 1, userId: 'PALICE', scheduleId: 'PS1', start: '2026-12-06T09:00:40Z', end: '2026-12-07T09:00:40Z' },
    ],
  });
});

afterAll(async () => {
  await fake.stop();
});

beforeEach(() => {
  fake.clearRequests();
  clockMs = Date.parse('2026-12-07T09:00:00Z');
});

describe('PagerdutyProvider: cache', () => {
  it('answers a second lookup in the same minute from the cache', async () => {
    const pagerduty = provider();
    expect(await levelOne(pagerduty, at('2026-12-07T09:00:05Z'))).toEqual(['Alice Adams']);
    const calls = fake.requests.length;
    clockMs += 10_000;
    expect(await levelOne(pagerduty, at('2026-12-07T09:00:15Z'))).toEqual(['Alice Adams']);
    expect(fake.requests.length).toBe(calls);
  });

  it('asks again once the TTL has passed on the clock, even for the same instant', async () => {
    const pagerduty = provider();
    await pagerduty.lookup(source, at('2026-12-07T09:00:05Z'));
    const calls = fake.requests.length;
    clockMs += 60_000;
    await pagerduty.lookup(source, at('2026-12-07T09:00:05Z'));
    expect(fake.requests.length).toBe(calls * 2);
  });

  it('does not serve a cached answer past the shift end it shows, within the same minute and TTL', async () => {
    const pagerduty = provider();
    expect(await levelOne(pagerduty, at('2026-12-07T09:00:10Z'))).toEqual(['Alice Adams']);
    clockMs += 35_000;
    expect(await levelOne(pagerduty, at('2026-12-07T09:00:45Z'))).toEqual(['Bob Brown']);
    expect(fake.requestsTo('/services')).toHaveLength(2);
  });

  it('keeps separate answers per looked-up minute and hands out copies', async () => {
    const pagerduty = provider();
    const first = await pagerduty.lookup(source, at('2026-12-07T12:00:00Z'));
    first.levels[0]!.now[0]!.person.slackUserId = 'U0BOB';
    const again = await pagerduty.lookup(source, at('2026-12-07T12:00:30Z'));
    expect(again.levels[0]!.now[0]!.person).toEqual({ name: 'Bob Brown', email: 'bob@example.com' });
    await pagerduty.lookup(source, at('2026-12-07T12:01:00Z'));
    expect(fake.requestsTo('/services')).toHaveLength(2);
  });

  it('never caches a failure', async () => {
    const pagerduty = provider();
    fake.failNext({ kind: 'status', status: 503 });
    await expect(pagerduty.lookup(source, at('2026-12-07T12:00:00Z'))).rejects.toThrow('HTTP 503');
    expect(await levelOne(pagerduty, at('2026-12-07T12:00:00Z'))).toEqual(['Bob Brown']);
  });

  it('shares one PagerDuty run between concurrent lookups in the same minute', async () => {
    const pagerduty = provider();
    const answers = await Promise.all([
      pagerduty.lookup(source, at('2026-12-07T12:00:01Z')),
      pagerduty.lookup(source, at('2026-12-07T12:00:02Z')),
      pagerduty.lookup(source, at('2026-12-07T12:00:03Z')),
    ]);
    expect(answers.map((answer) => answer.levels[0]!.now[0]!.person.name)).toEqual(['Bob Brown', 'Bob Brown', 'Bob Brown']);
    expect(fake.requestsTo('/services')).toHaveLength(1);
  });

  it('does not share a run across a shift boundary inside the minute', async () => {
    const pagerduty = provider();
    const [before, after] = await Promise.all([pagerduty.lookup(source, at('2026-12-07T09:00:10Z')), pagerduty.lookup(source, at('2026-12-07T09:00:50Z'))]);
    expect([before.levels[0]!.now[0]!.person.name, after.levels[0]!.now[0]!.person.name]).toEqual(['Alice Adams', 'Bob Brown']);
  });
});
