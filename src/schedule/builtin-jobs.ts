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
];

/** The built-in jobs with `jobs.<name>` applied; a key naming no job fails here, at startup. */
export const builtinJobSpecs = (config: Pick<Config, 'catalog' | 'jobs' | 'file'>): JobSpec[] =>
  resolveJobSpecs(builtinJobDefinitions(config), config.jobs, config.file);

export interface BuiltinJobDeps {
  sync: { syncAll(): Promise<SyncSummary> };
  log: Logger;
}

/** The use case of each built-in job. */
export const builtinJobRunners = (deps: BuiltinJobDeps): Record<string, JobRun> => ({
  'catalog-sync': catalogSyncJob(deps.sync, deps.log),
});
