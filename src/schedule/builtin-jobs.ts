import type { Config } from '../config/load-config.ts';
import type { SyncSummary } from '../core/sync/sync-summary.ts';
import type { Logger } from 'pino';
import { catalogSyncJob } from './catalog-sync-job.ts';
import type { JobRun } from './execute-job.ts';
import { resolveJobSpecs, type JobDefinition, type JobSpec } from './job-specs.ts';

/**
 * The jobs Callboard runs. `catalog-sync` takes its schedule from `catalog.schedule`; `jobs.catalog-sync`
 * overrides it. Its missed slots are skipped by default: `npm start` runs a pass before it answers anyway.
 */
const builtinJobDefinitions = (config: Pick<Config, 'catalog'>): JobDefinition[] => [
  { name: 'catalog-sync', description: 'one sync pass over every catalog source', defaultSchedule: config.catalog.schedule, defaultMissed: 'skip' },
  // Passes score what changed; this scores everything once a day for what changes by itself (on-call, docs age).
  { name: 'scorecards-refresh', description: 'score every entity on every scorecard again', defaultSchedule: '0 3 * * *', defaultMissed: 'catch-up' },
];

/** The built-in jobs with `jobs.<name>` applied; a key naming no job fails here, at startup. */
export const builtinJobSpecs = (config: Pick<Config, 'catalog' | 'jobs' | 'file'>): JobSpec[] =>
  resolveJobSpecs(builtinJobDefinitions(config), config.jobs, config.file);

export interface BuiltinJobDeps {
  sync: { syncAll(): Promise<SyncSummary> };
  log: Logger;
  scorecards?: { refresh(options: { all: true }): Promise<{ entities: number; results: number; changes: number; up: number; down: number }> };
}

/** The use case of each built-in job. */
export const builtinJobRunners = (deps: BuiltinJobDeps): Record<string, JobRun> => ({
  'catalog-sync': catalogSyncJob(deps.sync, deps.log),
  'scorecards-refresh': async () => {
    if (!deps.scorecards) return 'no scorecard runner in this process';
    const report = await deps.scorecards.refresh({ all: true });
    return `${report.results} results for ${report.entities} entities; ${report.changes} changed (${report.up} up, ${report.down} down)`;
  },
});
