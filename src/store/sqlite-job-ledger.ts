import { hostname } from 'node:os';
import type Database from 'better-sqlite3';
import type { Clock } from '../core/ports.ts';
import type { JobLedger, JobRunEnd, JobRunRecord, JobRunResult } from '../schedule/job-ledger.ts';
import type { WriteQueue } from './write-queue.ts';

interface JobRunRow {
  job: string;
  slot: string;
  claimed_by: string;
  started_at: number;
  finished_at: number | null;
  outcome: string | null;
  message: string | null;
}

const toResult = (outcome: string | null): JobRunResult => (outcome === 'ok' || outcome === 'failed' ? outcome : 'running');

const toRecord = (row: JobRunRow): JobRunRecord => ({
  job: row.job,
  slot: row.slot,
  claimedBy: row.claimed_by,
  startedAt: new Date(row.started_at),
  ...(row.finished_at !== null ? { finishedAt: new Date(row.finished_at) } : {}),
  result: toResult(row.outcome),
  ...(row.message !== null ? { message: row.message } : {}),
});

export interface SqliteJobLedgerOptions {
  /** The process's one writer queue, and the writer connection it runs its tasks on. */
  queue: WriteQueue;
  writer: Database.Database;
  /** A connection for reads, so `callboard jobs` and `/readyz` never wait behind a write. */
  reader: Database.Database;
  clock: Clock;
  /** Names this process in the rows it claims; default `host:pid`. */
  claimedBy?: string;
}

const runColumns = 'job, slot, claimed_by, started_at, finished_at, outcome, message';

/**
 * The job ledger in SQLite. A claim is an INSERT … ON CONFLICT DO NOTHING on (job, slot) inside the writer
 * queue's BEGIN IMMEDIATE: whichever connection commits first owns the slot, in this process or another.
 */
export class SqliteJobLedger implements JobLedger {
  private readonly claimedBy: string;
  private readonly insertClaim: Database.Statement<[string, string, string, number]>;
  private readonly updateEnd: Database.Statement<[number, string, string | null, string, string]>;
  private readonly selectLast: Database.Statement<[string], JobRunRow>;
  private readonly selectHistory: Database.Statement<[string, number], JobRunRow>;

  constructor(private readonly options: SqliteJobLedgerOptions) {
    this.claimedBy = options.claimedBy ?? `${hostname()}:${process.pid}`;
    this.insertClaim = options.writer.prepare(
      'INSERT INTO job_runs (job, slot, claimed_by, started_at) VALUES (?, ?, ?, ?) ON CONFLICT (job, slot) DO NOTHING',
    );
    this.updateEnd = options.writer.prepare('UPDATE job_runs SET finished_at = ?, outcome = ?, message = ? WHERE job = ? AND slot = ?');
    this.selectLast = options.reader.prepare(`SELECT ${runColumns} FROM job_runs WHERE job = ? ORDER BY slot DESC LIMIT 1`);
    this.selectHistory = options.reader.prepare(`SELECT ${runColumns} FROM job_runs WHERE job = ? ORDER BY slot DESC LIMIT ?`);
  }

  claim(job: string, slot: string, startedAt: Date): Promise<boolean> {
    return this.options.queue.transaction(`claim ${job} ${slot}`, () => this.insertClaim.run(job, slot, this.claimedBy, startedAt.getTime()).changes === 1);
  }

  /**
   * Makes `key` run once under `job`, whoever asks first: true for the first caller in any process, false
   * for every later one (a webhook delivery id delivered again). Call `finish` after the work, if you like.
   */
  claimOnce(job: string, key: string): Promise<boolean> {
    return this.claim(job, key, this.options.clock.now());
  }

  async finish(job: string, slot: string, end: JobRunEnd): Promise<void> {
    await this.options.queue.transaction(`finish ${job} ${slot}`, () => {
      this.updateEnd.run(end.finishedAt.getTime(), end.result, end.message ?? null, job, slot);
    });
  }

  lastRun(job: string): JobRunRecord | undefined {
    const row = this.selectLast.get(job);
    return row ? toRecord(row) : undefined;
  }

  history(job: string, limit: number): JobRunRecord[] {
    return this.selectHistory.all(job, limit).map(toRecord);
  }
}
