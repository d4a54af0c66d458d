import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { FAKE_PAGERDUTY_TOKEN, PagerdutyApiServer } from '../fakes/pagerduty-api-server.ts';
import { paymentsOnPagerduty } from '../oncall/pagerduty/pagerduty-scenario.ts';
import { exampleConfig, repoRoot } from '../helpers/run-cli.ts';

/**
 * `callboard oncall` and `callboard ask "/oncall …"` with the providers src/oncall-runtime.ts builds: PagerDuty
 * against the strict fake (when PAGERDUTY_TOKEN is set) and the org's built-in rotation (test/fixtures/oncall-org).
 */

let fake: PagerdutyApiServer;
let config: string;
const AT = '2026-12-07T10:00Z';

const run = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--config', config], { out: (text) => out.push(text), err: (text) => err.push(text), cwd: repoRoot, env });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

const withPagerduty = (): NodeJS.ProcessEnv => ({ PAGERDUTY_TOKEN: FAKE_PAGERDUTY_TOKEN, PAGERDUTY_API_URL: fake.baseUrl });

beforeAll(async () => {
  fake = await PagerdutyApiServer.start(paymentsOnPagerduty());
  config = exampleConfig(join(repoRoot, 'test/fixtures/oncall-org'));
  expect((await run(['sync'])).code).toBe(0);
});
afterAll(() => fake.stop());
beforeEach(() => fake.clearRequests());

describe('callboard oncall with the configured providers', () => {
  it('answers from the rotation its team owns, matching members to catalog Users', async () => {
    const { code, out } = await run(['oncall', 'platform-api', '--at', AT, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ entityRef: 'component:default/platform-api', provider: 'rotation' });
    expect(json.levels.map((level: { level: number; name: string }) => `${level.level} ${level.name}`)).toEqual(['1 primary', '2 secondary']);
    expect(json.levels[0].now).toEqual([{ ref: 'user:default/bob', name: 'Bob Brown', email: 'bob@example.com', until: '2026-12-14T08:00:00.000Z' }]);
    expect(json.levels[0].next[0]).toMatchObject({ ref: 'user:default/alice', from: '2026-12-14T08:00:00.000Z' });
  });

  it('asks PagerDuty (the strict fake) for a team whose group names a service, when PAGERDUTY_TOKEN is set', async () => {
    const { code, out, err } = await run(['oncall', 'payments-api', '--at', AT, '--json'], withPagerduty());
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.provider).toBe('pagerduty');
    expect(json.levels.map((level: { level: number }) => level.level)).toEqual([1, 2, 3]);
    expect(json.levels[0].now).toContainEqual({
      ref: 'user:default/alice',
      name: 'Alice Adams',
      email: 'alice@example.com',
      until: '2026-12-08T09:00:00.000Z',
    });
    expect(fake.requestsTo('/oncalls').length).toBeGreaterThan(0);
  });

  it('without PAGERDUTY_TOKEN says what is missing; a PagerDuty failure is exit 1 with the reason, no stack', async () => {
    expect(await run(['oncall', 'payments-api'])).toMatchObject({
      code: 1,
      err: 'PagerDuty lookups are not set up: group:default/payments names a PagerDuty service, but PAGERDUTY_TOKEN is not set.',
    });
    fake.failNext({ kind: 'status', status: 401 }, { times: 5 });
    const refused = await run(['oncall', 'payments-api', '--at', AT], withPagerduty());
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^on-call unavailable: .*401/);
    expect(refused.err).not.toMatch(/\n\s+at /);
  });

  it('callboard ask "/oncall …" answers through the Slack path', async () => {
    const { code, out } = await run(['ask', `/oncall platform at ${AT}`]);
    expect(code).toBe(0);
    expect(out).toContain('On call: Platform');
    expect(out).toContain('Now: Bob Brown until Mon 14 Dec, 08:00 UTC');
    expect(out).toContain("the team's rotation");
    const bad = await run(['ask', '/oncall platform at tomorrow']);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('ISO 8601');
  });
});
