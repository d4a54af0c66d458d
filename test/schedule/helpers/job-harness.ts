import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { JobRun } from '../../../src/schedule/execute-job.ts';
import { JobRegistry } from '../../../src/schedule/job-registry.ts';
import type { JobSpec } from '../../../src/schedule/job-specs.ts';
import { openDatabase } from '../../../src/store/open-database.ts';
import { SqliteJobLedger } from '../../../src/store/sqlite-job-ledger.ts';
import { WriteQueue } from '../../../src/store/write-queue.ts';

export const tempDatabase = (): string => join(mkdtempSync(join(tmpdir(), 'callboard-jobs-')), 'callboard.db');

/** A clock a test sets by hand: "it is now slot S". */
export const manualClock = (iso: string) => {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next: string) => void (now = new Date(next)) };
};

/** A pino logger whose lines a test can read. */
export const capturedLog = () => {
  const lines: { level: number; msg: string; job?: string; [key: string]: unknown }[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
};

export const testJobSpec = (overrides: Partial<JobSpec> = {}): JobSpec => ({
  name: 'test-job',
  description: 'a job for tests',
  schedule: '*/10 * * * *',
  timezone: 'UTC',
  missed: 'catch-up',
  enabled: true,
  ...overrides,
});

/** A job that records the slots it ran for; `fail` decides, per slot, whether it throws. */
export const recordingJob = (fail: (slot: Date) => boolean = () => false) => {
  const ran: string[] = [];
  const run: JobRun = async (slot) => {
    ran.push(slot.toISOString());
    if (fail(slot)) throw new Error(`the test job failed at ${slot.toISOString()}`);
    return `ran ${slot.toISOString()}`;
  };
  return { run, ran };
};

export interface HarnessOptions {
  path: string;
  specs: JobSpec[];
  runners: Record<string, JobRun>;
  clock: { now(): Date };
  claimedBy?: string;
}

/**
 * A registry as `npm start` builds one: a writer connection behind a WriteQueue and a reader connection,
 * on the given file. A second harness on the same file is a restarted (or a second) process.
 */
export const openJobHarness = (options: HarnessOptions) => {
  const writer = openDatabase(options.path).$client;
  const reader = openDatabase(options.path, { migrate: false }).$client;
  const ledger = new SqliteJobLedger({
    queue: new WriteQueue(writer),
    writer,
    reader,
    clock: options.clock,
    ...(options.claimedBy ? { claimedBy: options.claimedBy } : {}),
  });
  const { log, lines } = capturedLog();
  const registry = new JobRegistry({ specs: options.specs, runners: options.runners, ledger, log, clock: options.clock });
  const close = async () => {
    await registry.stop();
    reader.close();
    writer.close();
  };
  return { registry, ledger, lines, writer, reader, close };
};
