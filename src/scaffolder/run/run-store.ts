import type { RunRecord, RunSlackThread, RunStatus } from '../../core/scaffolder/run-record.ts';

export interface RunListOptions {
  limit?: number;
  templateRef?: string;
  status?: RunStatus;
}

/**
 * Where runs are kept (SqliteRunStore). The scaffolder hands it records without secrets; the store writes them
 * as given. Reads answer from the last committed write.
 */
export interface RunStore {
  /**
   * Records a new run. When `requestKey` is already recorded (a double submit, a Slack retry), nothing is written
   * and the run recorded first comes back with `created: false`, whichever process recorded it.
   */
  insert(run: RunRecord, requestKey?: string): Promise<{ run: RunRecord; created: boolean }>;
  /** Writes the run's current state over the stored one; a stored `slack` thread is kept when `run` has none. */
  save(run: RunRecord): Promise<void>;
  /** Where the run's Slack messages are, written apart from the runner's saves (the Slack side learns it later). */
  recordSlackThread(runId: string, thread: RunSlackThread): Promise<void>;
  get(id: string): RunRecord | undefined;
  /** Newest first. */
  list(options?: RunListOptions): RunRecord[];
}
