import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCatalogRuntime } from '../../../src/catalog-runtime.ts';
import { loadConfig } from '../../../src/config/load-config.ts';
import { buildSlackOnCall } from '../../../src/oncall-runtime.ts';
import { FAKE_PAGERDUTY_TOKEN, PagerdutyApiServer } from '../../fakes/pagerduty-api-server.ts';
import { SLACK_RATE_TIERS } from '../../fakes/slack-api-server.ts';
import { exampleConfig, repoRoot } from '../../helpers/run-cli.ts';
import { paymentsOnPagerduty } from '../../oncall/pagerduty/pagerduty-scenario.ts';
import { startHarness, type Harness } from '../helpers/slack-harness.ts';
import { ask, manifestBotScopes, mentionedUsers, textOf } from './e2e-harness.ts';

/**
 * `/oncall` through signed requests against the strict Slack fake, with the providers npm start builds
 * (src/oncall-runtime.ts): PagerDuty against its strict fake, and the built-in rotation of test/fixtures/oncall-org.
 */

const Alice = { id: 'U0ALICE', name: 'alice', email: 'alice@example.com', tz: 'Europe/Berlin' };
const Bob = { id: 'U0BOB', name: 'bob', email: 'bob@example.com', tz: 'America/New_York' };
const AT = '2026-12-07T10:00Z';

let h: Harness;
let pagerduty: PagerdutyApiServer;

beforeAll(async () => {
  pagerduty = await PagerdutyApiServer.start(paymentsOnPagerduty());
  const env = { PAGERDUTY_TOKEN: FAKE_PAGERDUTY_TOKEN, PAGERDUTY_API_URL: pagerduty.baseUrl };
  const config = loadConfig({ file: exampleConfig(join(repoRoot, 'test/fixtures/oncall-org')), env });
  const runtime = openCatalogRuntime(config);
  await runtime.sync.syncAll();
  h = await startHarness({
    runtime,
    oncall: buildSlackOnCall({ ...config, oncall: { ...config.oncall, timeoutMs: 1500 } }, runtime.store),
    settings: { pagerdutyUrl: 'https://acme.pagerduty.com' },
    fake: { scopes: manifestBotScopes(), rateLimits: SLACK_RATE_TIERS, users: [Alice, Bob] },
  });
});
afterAll(async () => {
  await h.close();
  await pagerduty.stop();
});
beforeEach(() => pagerduty.clearRequests());

describe('/oncall over signed Slack requests', () => {
  it('answers a rotation privately: now and next per level, people mentioned, times in the asker’s time zone', async () => {
    const answer = await ask(h, '/oncall', `platform-api at ${AT}`, Alice.id);
    expect(answer.response_type).toBe('ephemeral');
    const text = textOf(answer);
    expect(text).toContain('Rotation *platform-primary*');
    expect(text).toContain('via the rotation its team owns (Platform)');
    expect(text).toContain('*Level 1  ·  primary*\nNow: <@U0BOB> until Mon 14 Dec, 09:00 CET\nNext: <@U0ALICE> from Mon 14 Dec, 09:00 CET');
    // Carol has no Slack account: named, never an error.
    expect(text).toContain('*Level 2  ·  secondary*\nNow: Carol Chen (no end set)');
    expect(text).toContain('Times in your Slack time zone (Europe/Berlin).');
    expect(h.fake.calls('users.info').map((call) => call.body.user)).toContain(Alice.id);
  });

  it('answers a PagerDuty team from the fake: every level in order, the policy linked, the team named', async () => {
    const answer = await ask(h, '/oncall', `payments-api at ${AT}`, Bob.id);
    const text = textOf(answer);
    expect(text).toContain('<https://acme.pagerduty.com/escalation_policies/PEPPAY|Open in PagerDuty>');
    expect(text).toContain("via its team's on-call (Payments)");
    expect(text.indexOf('*Level 1*')).toBeLessThan(text.indexOf('*Level 2*'));
    expect(text.indexOf('*Level 2*')).toBeLessThan(text.indexOf('*Level 3*'));
    // Bob reads in New York (ICU names the zone EST or GMT-5): Alice's shift ends at 09:00 UTC.
    expect(text).toMatch(/Now: <@U0ALICE> until Tue 8 Dec, 04:00 (?:EST|GMT-5)/);
    expect(mentionedUsers(answer)).toEqual(expect.arrayContaining([Alice.id, Bob.id]));
    expect(pagerduty.requestsTo('/oncalls').length).toBeGreaterThan(0);
  });

  it('a PagerDuty outage is one line, on-call unavailable: <reason>', async () => {
    pagerduty.failNext({ kind: 'status', status: 500 }, { pathPrefix: '/services' });
    const answer = await ask(h, '/oncall', `payments at 2026-12-07T11:00Z`, Alice.id);
    expect(textOf(answer)).toMatch(/^Payments: on-call unavailable: .+/);
    expect((answer.blocks as unknown[]).length).toBe(1);
  });

  it('no on-call says how to add one; a time Callboard cannot read gets the format', async () => {
    expect(textOf(await ask(h, '/oncall', 'lonely-job', Alice.id))).toContain('No on-call is configured for lonely-job: add `pagerduty.com/service-id`');
    expect(textOf(await ask(h, '/oncall', 'platform at next tuesday', Alice.id))).toContain('ISO 8601');
  });

  it('the /owner card carries level 1 now; a hung PagerDuty makes the line say so and the card still comes', async () => {
    const card = await ask(h, '/owner', 'platform-api', Alice.id);
    expect(textOf(card)).toMatch(/\*On call\* {2}<@U0(?:ALICE|BOB)> until .+ CET {2}· {2}rotation platform-primary/);
    pagerduty.failNext({ kind: 'hang' }, { pathPrefix: '/services' });
    const hung = await ask(h, '/owner', 'payments-api', Alice.id);
    expect(textOf(hung)).toContain('*On call*  on-call unavailable: no answer within 1.5 s');
    expect(textOf(hung)).toContain('Payments');
  });
});
