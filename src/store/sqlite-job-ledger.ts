import { hostname } from 'node:os';
import type Database from 'better-sqlite3';
import type { Clock } from '../core/ports.ts';
import type { JobLedger, JobRunEnd, JobRunRecord, JobRunResult, PostedMessage } from '../schedule/job-ledger.ts';
import type { WriteQueue } from './write-queue.ts';

interface JobRunRow {
  job: string;
  slot: string;
  claimed_by: string;
  started_at: number;
  finished_at: number | null;
  outcome: string | null;
  message: string | null;
  post_channel: string | null;
  post_ts: string | null;
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
  ...(row.post_channel !== null && row.post_ts !== null ? { post: { channel: row.post_channel, ts: row.post_ts } } : {}),
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

const runColumns = 'job, slot, claimed_by, started_at, finished_at, outcome, message, post_channel, post_ts';

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
  private readonly updatePost: Database.Statement<[string, string, string, string]>;
  private readonly updateTakeOver: Database.Statement<[string, number, string, string, string]>;
  private readonly selectUnconfirmed: Database.Statement<[string], JobRunRow>;
  private readonly selectLastPosted: Database.Statement<[string], JobRunRow>;
  private readonly selectPostBefore: Database.Statement<[string, string], JobRunRow>;

  constructor(private readonly options: SqliteJobLedgerOptions) {
    this.claimedBy = options.claimedBy ?? `${hostname()}:${process.pid}`;
    this.insertClaim = options.writer.prepare(
      'INSERT INTO job_runs (job, slot, claimed_by, started_at) VALUES (?, ?, ?, ?) ON CONFLICT (job, slot) DO NOTHING',
    );
    this.updateEnd = options.writer.prepare('UPDATE job_runs SET finished_at = ?, outcome = ?, message = ? WHERE job = ? AND slot = ?');
    this.selectLast = options.reader.prepare(`SELECT ${runColumns} FROM job_runs WHERE job = ? ORDER BY slot DESC LIMIT 1`);
    this.selectHistory = options.reader.prepare(`SELECT ${runColumns} FROM job_runs WHERE job = ? ORDER BY slot DESC LIMIT ?`);
    this.updatePost = options.writer.prepare('UPDATE job_runs SET post_channel = ?, post_ts = ? WHERE job = ? AND slot = ?');
    // Only a claim that still has no end and no post, and is still held by the process the caller saw.
    this.updateTakeOver = options.writer.prepare(
      'UPDATE job_runs SET claimed_by = ?, started_at = ? WHERE job = ? AND slot = ? AND claimed_by = ? AND finished_at IS NULL AND post_ts IS NULL',
    );
    this.selectUnconfirmed = options.writer.prepare(
      `SELECT ${runColumns} FROM job_runs WHERE job = ? AND finished_at IS NULL AND post_ts IS NULL ORDER BY slot`,
    );
    this.selectLastPosted = options.reader.prepare(`SELECT ${runColumns} FROM job_runs WHERE job = ? AND post_ts IS NOT NULL ORDER BY slot DESC LIMIT 1`);
    this.selectPostBefore = options.reader.prepare(
      `SELECT ${runColumns} FROM job_runs WHERE job = ? AND slot < ? AND (post_ts IS NOT NULL OR finished_at IS NULL) ORDER BY slot DESC LIMIT 1`,
    );
  }

  /** This process's name in the rows it claims (`host:pid`). */
  get processName(): string {
    return this.claimedBy;
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

  /** Keeps where Slack put the message posted for this slot, the moment Slack confirms it. */
  async recordPost(job: string, slot: string, post: PostedMessage): Promise<void> {
    await this.options.queue.transaction(`record post ${job} ${slot}`, () => {
      this.updatePost.run(post.channel, post.ts, job, slot);
    });
  }

  /** Claims with neither an end nor a post: runs going on elsewhere, or left by a process that stopped. */
  unconfirmedClaims(job: string): JobRunRecord[] {
    return this.selectUnconfirmed.all(job).map(toRecord);
  }

  /**
   * Takes over a claim left without a post, if it is still held by `from` and still unconfirmed: true for one
   * caller only, so two processes starting together do not both resolve it.
   */
  takeOver(job: string, slot: string, from: string): Promise<boolean> {
    return this.options.queue.transaction(
      `take over ${job} ${slot}`,
      () => this.updateTakeOver.run(this.claimedBy, this.options.clock.now().getTime(), job, slot, from).changes === 1,
    );
  }

  /** The latest slot whose message Slack confirmed. */
  lastPosted(job: string): JobRunRecord | undefined {
    const row = this.selectLastPosted.get(job);
    return row ? toRecord(row) : undefined;
  }

  postBefore(job: string, slot: string): JobRunRecord | undefined {
    const row = this.selectPostBefore.get(job, slot);
    return row ? toRecord(row) : undefined;
  }

  lastRun(job: string): JobRunRecord | undefined {
    const row = this.selectLast.get(job);
    return row ? toRecord(row) : undefined;
  }

  history(job: string, limit: number): JobRunRecord[] {
    return this.selectHistory.all(job, limit).map(toRecord);
  }
}
