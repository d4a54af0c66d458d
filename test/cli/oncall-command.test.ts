import { beforeAll, describe, expect, it } from 'vitest';
import { CliExit, type CliIo } from '../../src/cli/cli-context.ts';
import { onCallCommandWith } from '../../src/cli/commands/oncall-command.ts';
import { OnCallUnavailableError, type OnCallProvider, type OnCallSchedule } from '../../src/core/oncall/on-call.ts';
import { cli, exampleConfig, repoRoot } from '../helpers/run-cli.ts';

let config: string;
beforeAll(async () => {
  config = exampleConfig();
  expect((await cli(['sync', '--config', config])).code).toBe(0);
});

const schedule: OnCallSchedule = {
  provider: 'pagerduty',
  name: 'Checkout escalation',
  url: 'https://acme.pagerduty.com/escalation_policies/PEP1',
  levels: [
    {
      level: 1,
      name: 'Level 1',
      now: [{ person: { name: 'Marcus', email: 'marcus.oyelaran@acme.example' }, from: '2026-11-30T08:00:00Z', until: '2026-12-07T08:00:00Z' }],
      next: [{ person: { name: 'Pat Outsider' }, from: '2026-12-07T08:00:00Z', until: '2026-12-14T08:00:00Z' }],
    },
    { level: 2, name: 'Level 2', now: [{ person: { name: 'Sofia', email: 'sofia.marquez@acme.example' } }], next: [] },
  ],
};

/** A PagerDuty stand-in reading the example org's `pagerduty.com/service-id`; `answer` scripts what it says. */
const paging = (answer: (at: Date) => Promise<OnCallSchedule>, asked: Date[] = []): OnCallProvider => ({
  id: 'pagerduty',
  sourceFromAnnotations: (annotations) =>
    annotations['pagerduty.com/service-id']
      ? { provider: 'pagerduty', id: annotations['pagerduty.com/service-id']!, annotation: 'pagerduty.com/service-id' }
      : undefined,
  lookup: (_source, at) => (asked.push(at), answer(at)),
});

/** Runs the command as `runCli` would: its output, and the exit code a CliExit or success gives. */
const run = async (providers: OnCallProvider[], ref: string, options: { at?: string; json?: boolean } = {}) => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (text) => out.push(text), err: (text) => err.push(text), cwd: repoRoot, env: {} };
  let code = 0;
  try {
    await onCallCommandWith(async () => providers)(io)(ref, { config, ...options });
  } catch (error) {
    if (!(error instanceof CliExit)) throw error;
    if (error.message) err.push(error.message);
    code = error.exitCode;
  }
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('callboard oncall', () => {
  it('--json is the issue’s shape: optional keys omitted, catalog Users matched, levels in order', async () => {
    const { code, out, err } = await run([paging(async () => schedule)], 'checkout-service', { json: true });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      entityRef: 'component:default/checkout-service',
      provider: 'pagerduty',
      levels: [
        {
          level: 1,
          name: 'Level 1',
          now: [{ ref: 'user:default/marcus.oyelaran', name: 'Marcus', email: 'marcus.oyelaran@acme.example', until: '2026-12-07T08:00:00Z' }],
          next: [{ name: 'Pat Outsider', email: null, from: '2026-12-07T08:00:00Z', until: '2026-12-14T08:00:00Z' }],
        },
        { level: 2, name: 'Level 2', now: [{ ref: 'user:default/sofia.marquez', name: 'Sofia', email: 'sofia.marquez@acme.example', until: null }], next: [] },
      ],
    });
  });

  it('prints the schedule as text, and asks about the --at instant', async () => {
    const asked: Date[] = [];
    const { code, out } = await run([paging(async () => schedule, asked)], 'Checkout Service', { at: '2026-12-24T18:00+01:00' });
    expect(code).toBe(0);
    expect(asked.map((at) => at.toISOString())).toEqual(['2026-12-24T17:00:00.000Z']);
    expect(out.split('\n')).toEqual([
      'On call for component:default/checkout-service: pagerduty Checkout escalation',
      '  https://acme.pagerduty.com/escalation_policies/PEP1',
      'Level 1',
      '  now:  Marcus <marcus.oyelaran@acme.example> (user:default/marcus.oyelaran) until 2026-12-07T08:00:00Z',
      '  next: Pat Outsider from 2026-12-07T08:00:00Z until 2026-12-14T08:00:00Z',
      'Level 2',
      '  now:  Sofia <sofia.marquez@acme.example> (user:default/sofia.marquez) (no end set)',
    ]);
  });

  it('exits 1 with the reason on stderr when the provider is unavailable or nothing is configured', async () => {
    const refused = await run(
      [
        paging(async () => {
          throw new OnCallUnavailableError('PagerDuty refused the token (401); check PAGERDUTY_TOKEN');
        }),
      ],
      'checkout-service',
      { json: true },
    );
    expect(refused).toEqual({ code: 1, out: '', err: 'on-call unavailable: PagerDuty refused the token (401); check PAGERDUTY_TOKEN' });
    const none = await run([], 'orders-db');
    expect(none.code).toBe(1);
    expect(none.err).toBe(
      'No on-call is configured for resource:default/orders-db: add a pagerduty.com/service-id or callboard.dev/rotation annotation to it or to its team, or a Rotation owned by the team (spec.owner).',
    );
  });

  it('a provider that never answers is unavailable within the CLI’s 5 s, not a hang', async () => {
    const { code, err } = await run([paging(() => new Promise<OnCallSchedule>(() => undefined))], 'checkout-service');
    expect(code).toBe(1);
    expect(err).toBe('on-call unavailable: no answer within 4.5 s');
  }, 10_000);

  it('exits 2 on a bad --at or an invalid ref, 1 when nothing has that name', async () => {
    expect(await run([], 'checkout-service', { at: 'tomorrow 09:00' })).toMatchObject({
      code: 2,
      err: expect.stringContaining('--at: got "tomorrow 09:00" — expected an ISO 8601 time such as 2026-12-07T09:00Z'),
    });
    expect((await run([], 'component:')).code).toBe(2);
    expect((await run([], 'no-such-thing-anywhere')).code).toBe(1);
  });
});
