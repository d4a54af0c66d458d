import { hostname } from 'node:os';
import type Database from 'better-sqlite3';
import type { Clock } from '../core/ports.ts';
import type { IncidentCardLedger } from '../usecases/incidents/incident-card-ledger.ts';
import type { WriteQueue } from './write-queue.ts';

/** The job name of incident cards in `job_runs`; the slot is `<channel id> <entity ref>`. */
const JOB = 'incident-card';

/**
 * A claim with neither a post nor an end for this long belongs to a process that stopped between claiming and
 * posting (a card takes the on-call timeout plus a few Slack calls): another event may take it over. A process
 * killed after Slack accepted the post but before its `ts` was recorded would then post a second card; that
 * window is a few milliseconds.
 */
const ABANDONED_AFTER_MS = 2 * 60 * 1000;

export interface SqliteIncidentCardLedgerOptions {
  queue: WriteQueue;
  writer: Database.Database;
  reader: Database.Database;
  clock: Clock;
  /** Names this process in its claims; default `host:pid`. */
  claimedBy?: string;
}

const slotOf = (channelId: string, entityRef: string): string => `${channelId} ${entityRef}`;

/**
 * Incident cards in the job ledger's table (`job_runs`, job `incident-card`): no table of their own. A claim is one
 * INSERT … ON CONFLICT inside the writer queue's BEGIN IMMEDIATE, so exactly one caller in any process wins it; the
 * conflict branch re-opens only a claim whose post failed or was abandoned.
 */
export class SqliteIncidentCardLedger implements IncidentCardLedger {
  private readonly claimedBy: string;
  private readonly upsertClaim: Database.Statement<[string, string, string, number, number]>;
  private readonly updatePost: Database.Statement<[string, string, number, string, string]>;
  private readonly updateFailed: Database.Statement<[number, string, string, string]>;
  private readonly selectPost: Database.Statement<[string, string], { post_ts: string | null }>;

  constructor(private readonly options: SqliteIncidentCardLedgerOptions) {
    this.claimedBy = options.claimedBy ?? `${hostname()}:${process.pid}`;
    this.upsertClaim = options.writer.prepare(
      `INSERT INTO job_runs (job, slot, claimed_by, started_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (job, slot) DO UPDATE SET claimed_by = excluded.claimed_by, started_at = excluded.started_at,
         finished_at = NULL, outcome = NULL, message = NULL
       WHERE job_runs.post_ts IS NULL AND (job_runs.outcome = 'failed' OR (job_runs.finished_at IS NULL AND job_runs.started_at < ?))`,
    );
    this.updatePost = options.writer.prepare("UPDATE job_runs SET post_channel = ?, post_ts = ?, finished_at = ?, outcome = 'ok' WHERE job = ? AND slot = ?");
    this.updateFailed = options.writer.prepare(
      "UPDATE job_runs SET finished_at = ?, outcome = 'failed', message = ? WHERE job = ? AND slot = ? AND post_ts IS NULL",
    );
    this.selectPost = options.reader.prepare('SELECT post_ts FROM job_runs WHERE job = ? AND slot = ?');
  }

  claim(channelId: string, entityRef: string): Promise<boolean> {
    const now = this.options.clock.now().getTime();
    const slot = slotOf(channelId, entityRef);
    return this.options.queue.transaction(
      `claim incident card ${slot}`,
      () => this.upsertClaim.run(JOB, slot, this.claimedBy, now, now - ABANDONED_AFTER_MS).changes === 1,
    );
  }

  async recordPost(channelId: string, entityRef: string, ts: string): Promise<void> {
    const slot = slotOf(channelId, entityRef);
    await this.options.queue.transaction(`record incident card ${slot}`, () => {
      this.updatePost.run(channelId, ts, this.options.clock.now().getTime(), JOB, slot);
    });
  }

  async release(channelId: string, entityRef: string, reason: string): Promise<void> {
    const slot = slotOf(channelId, entityRef);
    await this.options.queue.transaction(`release incident card ${slot}`, () => {
      this.updateFailed.run(this.options.clock.now().getTime(), reason, JOB, slot);
    });
  }

  postedTs(channelId: string, entityRef: string): string | undefined {
    return this.selectPost.get(JOB, slotOf(channelId, entityRef))?.post_ts ?? undefined;
  }
}
