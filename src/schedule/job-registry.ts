import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { Clock } from '../core/ports.ts';
import { createCronSlots, type CronSlots } from './cron-slots.ts';
import { executeJob, type JobRun } from './execute-job.ts';
import type { JobLedger } from './job-ledger.ts';
import type { JobSpec } from './job-specs.ts';
import { describeJob, type JobStatus } from './job-status.ts';

/** What became of one slot in this process. */
export type SlotOutcome = 'ok' | 'failed' | 'claimed-elsewhere' | 'busy' | 'ledger-failed';

export interface JobRegistryOptions {
  specs: JobSpec[];
  /** The use case of each job, by name; an enabled job without one is a programming error. */
  runners: Record<string, JobRun>;
  ledger: JobLedger;
  log: Logger;
  clock: Clock;
}

interface RegisteredJob {
  spec: JobSpec;
  run: JobRun;
  /** node-cron's task: it times the job once started, and its matcher decides what a slot is. */
  task: ScheduledTask;
  slots: CronSlots;
  active?: Promise<unknown>;
  ledgerError?: string;
}

/**
 * Every scheduled job of the process. Each slot of each job is claimed in the ledger before it runs and
 * recorded when it ends, so it runs once across restarts and processes; a job that fails is recorded and
 * logged and keeps its schedule. Nothing is timed until `start`; tests drive slots with `runSlot` and
 * `catchUp` and an injected clock instead.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, RegisteredJob>();

  constructor(private readonly options: JobRegistryOptions) {
    for (const spec of options.specs) this.jobs.set(spec.name, this.register(spec));
  }

  private register(spec: JobSpec): RegisteredJob {
    const run = this.options.runners[spec.name];
    if (!run) throw new Error(`job ${spec.name} has no use case to run`);
    // node-cron hands the callback the slot it fires for (context.date), not the moment it woke up.
    const task = cron.createTask(spec.schedule, (context) => this.runSlot(spec.name, context.date), {
      name: `callboard:${spec.name}`,
      ...(spec.timezone ? { timezone: spec.timezone } : {}),
    });
    // node-cron drops a slot it wakes up for more than a second late (the event loop was busy, say with a big
    // sync pass) and only reports it. Run such a slot late instead: a 09:00 digest must not vanish that way.
    task.on('execution:missed', (context) => void this.runSlot(spec.name, context.date));
    return { spec, run, task, slots: createCronSlots(spec.schedule, spec.timezone, task) };
  }

  /**
   * Starts timing every enabled job, then catches up what they missed while down. The timers start first,
   * from the same "now", so no slot falls between the catch-up and the first timed run.
   */
  async start(): Promise<void> {
    const now = this.options.clock.now();
    for (const job of this.enabledJobs()) await job.task.start();
    await this.catchUp(now);
  }

  /** Stops the timers and waits for runs in progress to end, so the database can be closed after. */
  async stop(): Promise<void> {
    for (const job of this.jobs.values()) await job.task.destroy();
    await Promise.allSettled([...this.jobs.values()].map((job) => job.active));
  }

  /**
   * For each enabled job that ran before: the slots it missed up to `now` (after its latest recorded one)
   * are either caught up (the latest of them, once) or skipped, as `jobs.<name>.missed` says.
   */
  async catchUp(now: Date = this.options.clock.now()): Promise<void> {
    await Promise.all(this.enabledJobs().map((job) => this.catchUpJob(job, now)));
  }

  private async catchUpJob(job: RegisteredJob, now: Date): Promise<void> {
    const last = this.options.ledger.lastRun(job.spec.name);
    const lastSlot = last ? new Date(last.slot) : undefined;
    if (!lastSlot || Number.isNaN(lastSlot.getTime())) return;
    const missed = job.slots.latestBetween(lastSlot, now);
    if (!missed) return;
    const fields = { job: job.spec.name, lastSlot: last!.slot, missedSlot: missed.toISOString() };
    if (job.spec.missed === 'skip') {
      this.options.log.info(fields, `job ${job.spec.name} missed slots while Callboard was down; skipped (jobs.${job.spec.name}.missed: skip)`);
      return;
    }
    this.options.log.info(fields, `job ${job.spec.name} missed slots while Callboard was down; running the latest once`);
    await this.runSlot(job.spec.name, missed);
  }

  /**
   * Runs the job for `slot` unless some process already claimed it, or this process is still running the
   * job's previous slot (then this slot is left to another process, or skipped). Never throws for a job's
   * own failure.
   */
  async runSlot(name: string, slot: Date): Promise<SlotOutcome> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no job named ${name}`);
    if (job.active) {
      this.options.log.warn({ job: name, slot: slot.toISOString() }, `job ${name} is still running its previous slot; this slot is skipped here`);
      return 'busy';
    }
    const active = this.claimAndRun(job, slot);
    job.active = active;
    try {
      return await active;
    } finally {
      job.active = undefined;
    }
  }

  private async claimAndRun(job: RegisteredJob, slot: Date): Promise<SlotOutcome> {
    const { ledger, log, clock } = this.options;
    const name = job.spec.name;
    const key = slot.toISOString();
    try {
      if (!(await ledger.claim(name, key, clock.now()))) return 'claimed-elsewhere';
    } catch (error) {
      return this.ledgerFailed(job, key, error, 'could not claim its slot; the slot is not run');
    }
    const end = await executeJob(name, job.run, slot, { log, clock });
    try {
      await ledger.finish(name, key, end);
      job.ledgerError = undefined;
    } catch (error) {
      this.ledgerFailed(job, key, error, 'ran, but its end could not be recorded');
    }
    return end.result;
  }

  private ledgerFailed(job: RegisteredJob, slot: string, error: unknown, what: string): SlotOutcome {
    job.ledgerError = `${what}: ${error instanceof Error ? error.message : String(error)}`;
    this.options.log.error({ err: error, job: job.spec.name, slot }, `job ${job.spec.name} ${what}`);
    return 'ledger-failed';
  }

  /** Every job with its last run and next run, as of the injected clock. */
  status(): JobStatus[] {
    const now = this.options.clock.now();
    return [...this.jobs.values()].map((job) =>
      describeJob(job.spec, job.slots, this.options.ledger, now, {
        running: job.active !== undefined,
        ...(job.ledgerError ? { ledgerError: job.ledgerError } : {}),
      }),
    );
  }

  private enabledJobs(): RegisteredJob[] {
    return [...this.jobs.values()].filter((job) => job.spec.enabled);
  }
}
