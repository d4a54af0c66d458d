/** How a recorded run ended; `running` while no end is recorded (still going, or its process stopped first). */
export type JobRunResult = 'running' | 'ok' | 'failed';

/** One run of a job for one slot, as the ledger holds it. */
export interface JobRunRecord {
  job: string;
  /** The scheduled instant as ISO UTC (or, for `claimOnce`, the caller's key). */
  slot: string;
  /** `host:pid` of the process that claimed it. */
  claimedBy: string;
  startedAt: Date;
  finishedAt?: Date;
  result: JobRunResult;
  message?: string;
  /** Scheduled posts: the message Slack confirmed for this slot. */
  post?: PostedMessage;
}

/** Where a scheduled post landed: its channel id and message `ts`. */
export interface PostedMessage {
  channel: string;
  ts: string;
}

export interface JobRunEnd {
  finishedAt: Date;
  result: 'ok' | 'failed';
  message?: string;
}

/**
 * What the job registry needs from storage: a claim that only one caller ever wins for a (job, slot), even
 * across processes and restarts, and the record of how each run ended.
 */
export interface JobLedger {
  /** Claims the slot for this process; false when any process (this one included) claimed it before. */
  claim(job: string, slot: string, startedAt: Date): Promise<boolean>;
  /** Records how a claimed run ended. */
  finish(job: string, slot: string, end: JobRunEnd): Promise<void>;
  /** The run with the latest slot of this job, if it ever ran. */
  lastRun(job: string): JobRunRecord | undefined;
  /** The job's runs, latest slot first. */
  history(job: string, limit: number): JobRunRecord[];
}
