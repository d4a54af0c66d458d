import cron from 'node-cron';
import type { Clock } from '../core/ports.ts';
import { createCronSlots, type CronSlots } from './cron-slots.ts';
import type { JobLedger, JobRunRecord } from './job-ledger.ts';
import type { JobSpec } from './job-specs.ts';

/** A job as `callboard jobs` and `/readyz` show it. */
export interface JobStatus {
  name: string;
  description: string;
  schedule: string;
  /** The zone the schedule is read in (the process's own when `jobs.<name>.timezone` is not set). */
  timezone: string;
  missed: JobSpec['missed'];
  enabled: boolean;
  /** True while this process runs it (always false when read from another process, such as the CLI). */
  running: boolean;
  lastRun?: JobRunRecord;
  /** Undefined for a disabled job. */
  nextRun?: Date;
  /** Why the ledger could not record the latest run in this process (a database error), if it could not. */
  ledgerError?: string;
}

const processTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** What this process knows of a job beyond its spec and the ledger. */
export interface JobProcessState {
  running: boolean;
  ledgerError?: string;
}

/** A job's status from its spec, its slots, the ledger and what this process knows, as of `now`. */
export const describeJob = (spec: JobSpec, slots: CronSlots, ledger: JobLedger, now: Date, state: JobProcessState): JobStatus => {
  const lastRun = ledger.lastRun(spec.name);
  const nextRun = spec.enabled ? slots.nextAfter(now) : undefined;
  return {
    name: spec.name,
    description: spec.description,
    schedule: spec.schedule,
    timezone: spec.timezone ?? processTimeZone(),
    missed: spec.missed,
    enabled: spec.enabled,
    running: state.running,
    ...(lastRun ? { lastRun } : {}),
    ...(nextRun ? { nextRun } : {}),
    ...(state.ledgerError ? { ledgerError: state.ledgerError } : {}),
  };
};

/**
 * Every job's status read from the ledger alone, for a process that does not run the jobs (`callboard jobs`).
 * The node-cron tasks made to read the schedules are never started and are destroyed before returning.
 */
export const readJobStatuses = (specs: JobSpec[], ledger: JobLedger, clock: Clock): JobStatus[] => {
  const now = clock.now();
  return specs.map((spec) => {
    const matcher = cron.createTask(spec.schedule, () => undefined, spec.timezone ? { timezone: spec.timezone } : {});
    try {
      return describeJob(spec, createCronSlots(spec.schedule, spec.timezone, matcher), ledger, now, { running: false });
    } finally {
      void matcher.destroy();
    }
  });
};

/** A job as a health check shows it: failing when its last run failed or the ledger could not record it. */
export interface JobHealthSummary {
  name: string;
  failing: boolean;
  error?: string;
  lastRunAt?: string;
}

export const summarizeJobHealth = (status: JobStatus): JobHealthSummary => {
  const failedRun = status.lastRun?.result === 'failed';
  const error = status.ledgerError ?? (failedRun ? (status.lastRun?.message ?? 'the last run failed') : undefined);
  return {
    name: status.name,
    failing: error !== undefined,
    ...(error !== undefined ? { error } : {}),
    ...(status.lastRun ? { lastRunAt: status.lastRun.startedAt.toISOString() } : {}),
  };
};
