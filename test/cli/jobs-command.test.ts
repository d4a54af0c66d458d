import { appendFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.ts';
import { SqliteJobLedger } from '../../src/store/sqlite-job-ledger.ts';
import { WriteQueue } from '../../src/store/write-queue.ts';
import { cli, exampleConfig } from '../helpers/run-cli.ts';

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

/** Records a run in the config's database, as `npm start` would have. */
const recordRun = async (configFile: string, run: { slot: string; startedAt: string; finishedAt: string; result: 'ok' | 'failed'; message: string }) => {
  const client = openDatabase(join(dirname(configFile), 'catalog.db')).$client;
  closers.push(() => client.close());
  const clock = { now: () => new Date(run.startedAt) };
  const ledger = new SqliteJobLedger({ queue: new WriteQueue(client), writer: client, reader: client, clock, claimedBy: 'server:42' });
  await ledger.claim('catalog-sync', run.slot, new Date(run.startedAt));
  await ledger.finish('catalog-sync', run.slot, { finishedAt: new Date(run.finishedAt), result: run.result, message: run.message });
};

describe('callboard jobs', () => {
  it('lists every job with its schedule, time zone and next run, and no last run before the first', async () => {
    const config = exampleConfig();
    const { code, out } = await cli(['jobs', '--json', '--config', config]);
    expect(code).toBe(0);
    const jobs = JSON.parse(out) as Record<string, unknown>[];
    expect(jobs).toEqual([
      expect.objectContaining({
        name: 'catalog-sync',
        schedule: '*/10 * * * *',
        timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        missed: 'skip',
        enabled: true,
      }),
      expect.objectContaining({ name: 'scorecards-refresh', schedule: '0 3 * * *', missed: 'catch-up', enabled: true }),
    ]);
    expect(jobs[0]).not.toHaveProperty('lastRun');
    const nextRun = new Date(jobs[0]!.nextRun as string);
    expect(nextRun.getTime()).toBeGreaterThan(Date.now());
    expect(nextRun.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    expect(nextRun.getMinutes() % 10).toBe(0);
  });

  it('shows the last run, its result and message, and the configured time zone', async () => {
    const config = exampleConfig();
    appendFileSync(config, "jobs:\n  catalog-sync:\n    schedule: '0 7 * * 1-5'\n    timezone: Europe/Berlin\n");
    await recordRun(config, {
      slot: '2026-12-04T06:00:00.000Z',
      startedAt: '2026-12-04T06:00:00.120Z',
      finishedAt: '2026-12-04T06:00:02.500Z',
      result: 'failed',
      message: 'the database is full',
    });
    const { code, out } = await cli(['jobs', '--config', config]);
    expect(code).toBe(0);
    expect(out).toContain('catalog-sync: one sync pass over every catalog source');
    expect(out).toContain('  schedule  0 7 * * 1-5 (Europe/Berlin); missed slots: skip');
    expect(out).toContain('  last run  slot 2026-12-04T06:00:00.000Z, 2026-12-04T06:00:00.120Z → 2026-12-04T06:00:02.500Z: failed, the database is full');
    expect(out).toMatch(/ {2}next run {2}\d{4}-\d\d-\d\dT0[56]:00:00\.000Z/);
  });

  it('says a disabled job has no next run', async () => {
    const config = exampleConfig();
    appendFileSync(config, 'jobs:\n  catalog-sync:\n    enabled: false\n');
    const { code, out } = await cli(['jobs', '--config', config]);
    expect(code).toBe(0);
    expect(out).toContain(', disabled; missed slots: skip');
    expect(out).toContain('  next run  none');
  });

  it('refuses a jobs.<name> key for no known job with exit 2, naming the key and the known jobs', async () => {
    const config = exampleConfig();
    appendFileSync(config, "jobs:\n  nightly-digest:\n    schedule: '0 6 * * *'\n");
    const { code, err } = await cli(['jobs', '--config', config]);
    expect(code).toBe(2);
    expect(err).toBe(
      `jobs.nightly-digest in ${config}: no such job. Known jobs: catalog-sync, scorecards-refresh. Rename the key to one of them or remove it.`,
    );
  });
});
