import { appendFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { openDatabase } from '../../src/store/open-database.ts';
import { SqliteJobLedger } from '../../src/store/sqlite-job-ledger.ts';
import { WriteQueue } from '../../src/store/write-queue.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api-server.ts';
import { cli, exampleConfig } from '../helpers/run-cli.ts';

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack({ channels: [{ id: 'C0PAYMENTS', name: 'payments' }] });
});
afterAll(() => fake.close());

const withSchedules = (): string => {
  const config = exampleConfig();
  appendFileSync(
    config,
    [
      'schedules:',
      '  - { id: health-weekly, post: catalog-health, team: payments-team, channel: C0PAYMENTS, cron: "0 9 * * MON", timezone: Europe/Berlin }',
      '  - { id: health-all, post: catalog-health, channel: "#nowhere", cron: "0 9 1 * *", missed: skip, quiet: "20:00-08:00" }',
      '',
    ].join('\n'),
  );
  return config;
};

/** What `npm start` would have recorded: a posted slot of health-weekly and a failed one of health-all. */
const recordRuns = async (configFile: string) => {
  const client = openDatabase(join(dirname(configFile), 'catalog.db')).$client;
  closers.push(() => client.close());
  const ledger = new SqliteJobLedger({ queue: new WriteQueue(client), writer: client, reader: client, clock: { now: () => new Date('2026-12-07T08:00:01Z') } });
  await ledger.claim('post:health-weekly', '2026-12-07T08:00:00.000Z', new Date('2026-12-07T08:00:01Z'));
  await ledger.recordPost('post:health-weekly', '2026-12-07T08:00:00.000Z', { channel: 'C0PAYMENTS', ts: '1796630401.000100' });
  await ledger.finish('post:health-weekly', '2026-12-07T08:00:00.000Z', { finishedAt: new Date('2026-12-07T08:00:02Z'), result: 'ok' });
  await ledger.claim('post:health-all', '2026-12-01T09:00:00.000Z', new Date('2026-12-01T09:00:01Z'));
  await ledger.finish('post:health-all', '2026-12-01T09:00:00.000Z', {
    finishedAt: new Date('2026-12-01T09:00:02Z'),
    result: 'failed',
    message: 'channel_not_found: Slack knows no channel #nowhere',
  });
};

describe('callboard schedules', () => {
  it('lists each schedule with its next slot, last post and failing reason, as JSON', async () => {
    const config = withSchedules();
    await recordRuns(config);
    const { code, out } = await cli(['schedules', '--json', '--config', config]);
    expect(code).toBe(0);
    const [weekly, all] = JSON.parse(out) as Record<string, unknown>[];
    expect(weekly).toMatchObject({
      id: 'health-weekly',
      post: 'catalog-health',
      origin: 'config',
      team: 'payments-team',
      channel: 'C0PAYMENTS',
      timezone: 'Europe/Berlin',
      missed: 'once',
      lastPost: { slot: '2026-12-07T08:00:00.000Z', channel: 'C0PAYMENTS', ts: '1796630401.000100', at: '2026-12-07T08:00:02.000Z' },
    });
    expect(weekly).not.toHaveProperty('failing');
    expect(all).toMatchObject({
      id: 'health-all',
      timezone: 'UTC',
      missed: 'skip',
      quiet: '20:00-08:00',
      failing: 'channel_not_found: Slack knows no channel #nowhere',
    });
    expect(new Date((weekly!.next as { slot: string }).slot).getTime()).toBeGreaterThan(Date.now());
  });

  it('says FAILING with the reason in the text listing', async () => {
    const config = withSchedules();
    await recordRuns(config);
    const { out } = await cli(['schedules', '--config', config]);
    expect(out).toContain('health-all: catalog-health → #nowhere');
    expect(out).toContain('FAILING    channel_not_found: Slack knows no channel #nowhere');
    expect(out).toContain('last post  slot 2026-12-07T08:00:00.000Z in C0PAYMENTS (ts 1796630401.000100)');
  });
});

describe('callboard schedules for an on-call handoff', () => {
  afterEach(() => vi.useRealTimers());

  it('shows when the handoff is posted and the shift change it announces', async () => {
    const config = exampleConfig();
    appendFileSync(
      config,
      'schedules:\n  - { id: platform-handoff, post: oncall-handoff, team: platform-team, channel: C0PAYMENTS, timezone: Europe/Berlin, handoffLead: 90 }\n',
    );
    expect((await cli(['sync', '--config', config])).code).toBe(0);
    // Sunday evening: platform-primary next hands over on Monday 7 December at 09:00 Berlin (08:00Z), posted 90 min before.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-06T18:00:00Z'));

    const [handoff] = JSON.parse((await cli(['schedules', '--json', '--config', config])).out) as Record<string, unknown>[];
    expect(handoff).toMatchObject({
      id: 'platform-handoff',
      post: 'oncall-handoff',
      cron: '90 min before each on-call shift change',
      handoffLead: 90,
      next: { slot: '2026-12-07T08:00:00.000Z', postAt: '2026-12-07T06:30:00.000Z' },
    });
    const { code, out } = await cli(['schedules', '--config', config]);
    expect(code).toBe(0);
    expect(out).toContain('platform-handoff: oncall-handoff for platform-team → C0PAYMENTS');
    expect(out).toContain('  next       2026-12-07T06:30:00.000Z (shift change at 2026-12-07T08:00:00.000Z)');
  });
});

describe('callboard post', () => {
  const post = async (args: string[], env: NodeJS.ProcessEnv) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['post', ...args], { out: (text) => out.push(text), err: (text) => err.push(text), cwd: process.cwd(), env });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('posts the schedule now without consuming a slot', async () => {
    const config = withSchedules();
    const { code, out } = await post(['health-weekly', '--config', config], { SLACK_BOT_TOKEN: fake.botToken, SLACK_API_URL: fake.apiUrl });
    expect(code).toBe(0);
    expect(out).toMatch(/^Posted catalog-health for health-weekly in C0PAYMENTS \(ts \d+\.\d+\)\.$/);
    const [message] = fake.messages('C0PAYMENTS');
    expect((message?.metadata as { event_payload: { slot: string } }).event_payload.slot).toMatch(/^manual:/);
    const listed = JSON.parse((await cli(['schedules', '--json', '--config', config])).out) as Record<string, unknown>[];
    expect(listed[0]).not.toHaveProperty('lastPost');
  });

  it('refuses an unknown id and a missing token, and explains a Slack refusal', async () => {
    const config = withSchedules();
    const env = { SLACK_BOT_TOKEN: fake.botToken, SLACK_API_URL: fake.apiUrl };
    expect(await post(['nope', '--config', config], env)).toMatchObject({ code: 2, err: expect.stringContaining('No schedule "nope"') });
    expect(await post(['health-weekly', '--config', config], {})).toMatchObject({ code: 2, err: expect.stringContaining('SLACK_BOT_TOKEN is not set') });
    const failed = await post(['health-all', '--config', config], env);
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('Could not post health-all: channel_not_found: Slack knows no channel #nowhere');
  });
});
