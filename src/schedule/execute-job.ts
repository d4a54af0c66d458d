import type { Logger } from 'pino';
import type { Clock } from '../core/ports.ts';
import type { JobRunEnd } from './job-ledger.ts';

/**
 * The use case a job runs for one slot. What it resolves to is kept in the ledger as the run's message (a
 * one-line summary); what it throws marks the run failed.
 */
export type JobRun = (slot: Date) => Promise<string | void>;

/** The ledger keeps a message to read in a terminal and in `/readyz`, not a stack trace or a megabyte. */
const MAX_MESSAGE_LENGTH = 500;

const clip = (text: string): string => (text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : text);

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Runs a job's use case for one slot and says how it ended. This is where a job's failure stops: it is
 * logged with the job's name and slot and returned as data, so the schedule (and every other job) lives on.
 */
export const executeJob = async (job: string, run: JobRun, slot: Date, deps: { log: Logger; clock: Clock }): Promise<JobRunEnd> => {
  try {
    const message = await run(slot);
    return { finishedAt: deps.clock.now(), result: 'ok', ...(message ? { message: clip(message) } : {}) };
  } catch (error) {
    deps.log.error({ err: error, job, slot: slot.toISOString() }, `job ${job} failed; its schedule keeps running`);
    return { finishedAt: deps.clock.now(), result: 'failed', message: clip(describeError(error)) };
  }
};
