import { openCatalogRuntime } from '../../catalog-runtime.ts';
import type { Config } from '../../config/load-config.ts';
import { builtinJobSpecs } from '../../schedule/builtin-jobs.ts';
import type { JobRunRecord } from '../../schedule/job-ledger.ts';
import { readJobStatuses, type JobStatus } from '../../schedule/job-status.ts';
import { loadCliConfig, type CliIo } from '../cli-context.ts';

const systemClock = { now: () => new Date() };

/** Every configured job with what the ledger says of it, read from the database `npm start` writes to. */
const readStatuses = (config: Config): JobStatus[] => {
  const specs = builtinJobSpecs(config);
  const runtime = openCatalogRuntime(config);
  try {
    return readJobStatuses(specs, runtime.jobLedger, systemClock);
  } finally {
    runtime.close();
  }
};

const formatLastRun = (run: JobRunRecord | undefined): string => {
  if (!run) return 'never';
  const ended = run.finishedAt ? ` → ${run.finishedAt.toISOString()}` : ', no end recorded (still running, or its process stopped)';
  const result = run.result === 'running' ? '' : `: ${run.result}${run.message ? `, ${run.message}` : ''}`;
  return `slot ${run.slot}, ${run.startedAt.toISOString()}${ended}${result}`;
};

const formatJob = (job: JobStatus): string[] => [
  `${job.name}: ${job.description}`,
  `  schedule  ${job.schedule} (${job.timezone})${job.enabled ? '' : ', disabled'}; missed slots: ${job.missed}`,
  `  last run  ${formatLastRun(job.lastRun)}`,
  `  next run  ${job.nextRun ? job.nextRun.toISOString() : 'none'}`,
];

/** `callboard jobs`: every job, its schedule and time zone, its last run and its next one. */
export const jobsCommand = (io: CliIo) => async (options: { config?: string; json?: boolean }) => {
  const statuses = readStatuses(loadCliConfig(io, options.config));
  if (options.json) return io.out(JSON.stringify(statuses, null, 2));
  io.out(statuses.flatMap(formatJob).join('\n'));
};
