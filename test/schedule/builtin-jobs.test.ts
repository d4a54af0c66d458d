import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { InvalidInputError } from '../../src/core/errors.ts';
import { builtinJobRunners, builtinJobSpecs } from '../../src/schedule/builtin-jobs.ts';
import type { SyncSummary } from '../../src/core/sync/sync-summary.ts';
import { capturedLog } from './helpers/job-harness.ts';

const configFile = (yaml: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'callboard-jobs-config-')), 'callboard.yaml');
  writeFileSync(file, yaml);
  return file;
};

const specsFrom = (yaml: string) => {
  const file = configFile(yaml);
  return { file, specs: () => builtinJobSpecs(loadConfig({ file, env: {} })) };
};

describe('builtinJobSpecs', () => {
  it('schedules catalog-sync from catalog.schedule, skipping missed slots, in the process time zone', () => {
    const { specs } = specsFrom("catalog:\n  schedule: '*/5 * * * *'\n");
    expect(specs()).toEqual([
      { name: 'catalog-sync', description: expect.any(String), schedule: '*/5 * * * *', timezone: undefined, missed: 'skip', enabled: true },
      { name: 'scorecards-refresh', description: expect.any(String), schedule: '0 3 * * *', timezone: undefined, missed: 'catch-up', enabled: true },
    ]);
  });

  it('lets jobs.catalog-sync override the schedule, time zone, missed slots and enabled', () => {
    const { specs } = specsFrom(
      "catalog:\n  schedule: '*/5 * * * *'\njobs:\n  catalog-sync:\n    schedule: '0 30 6 * * 1-5'\n    timezone: Europe/Berlin\n    missed: catch-up\n    enabled: false\n",
    );
    expect(specs()[0]).toMatchObject({ schedule: '0 30 6 * * 1-5', timezone: 'Europe/Berlin', missed: 'catch-up', enabled: false });
  });

  it('refuses a jobs.<name> key that names no job, naming the key, the file and the known jobs', () => {
    const { file, specs } = specsFrom("catalog: {}\njobs:\n  catalog-sync:\n    enabled: true\n  catalg-sync:\n    schedule: '0 * * * *'\n");
    expect(specs).toThrow(InvalidInputError);
    expect(specs).toThrow(`jobs.catalg-sync in ${file}: no such job. Known jobs: catalog-sync, scorecards-refresh.`);
  });
});

describe('the catalog-sync job', () => {
  it('runs a pass, logs it, and hands the ledger a one-line summary', async () => {
    const summary: SyncSummary = {
      startedAt: '2026-12-05T10:00:00.000Z',
      durationMs: 12,
      added: 3,
      updated: 1,
      removed: 0,
      errors: 2,
      warnings: 5,
      sources: [
        { id: 'dir:acme', outcome: 'synced', filesRead: 4, filesRemoved: 0 },
        { id: 'github:acme', outcome: 'unavailable', filesRead: 0, filesRemoved: 0, message: 'timeout' },
      ],
    };
    let passes = 0;
    const { log, lines } = capturedLog();
    const run = builtinJobRunners({ sync: { syncAll: async () => (passes++, summary) }, log })['catalog-sync']!;
    expect(await run(new Date())).toBe('3 added, 1 updated, 0 removed; 2 errors, 5 warnings; unavailable: github:acme');
    expect(passes).toBe(1);
    expect(lines.find((line) => line.msg === 'catalog sync pass finished')).toMatchObject({ added: 3, sources: { 'github:acme': 'unavailable' } });
  });
});

describe('the scorecards-refresh job', () => {
  it('scores every entity again and hands the ledger what changed', async () => {
    const asked: unknown[] = [];
    const scorecards = { refresh: async (options: { all: true }) => (asked.push(options), { entities: 40, results: 30, changes: 3, up: 1, down: 2 }) };
    const run = builtinJobRunners({ sync: { syncAll: async () => ({}) as SyncSummary }, log: capturedLog().log, scorecards })['scorecards-refresh']!;
    expect(await run(new Date())).toBe('30 results for 40 entities; 3 changed (1 up, 2 down)');
    expect(asked).toEqual([{ all: true }]);
  });
});
