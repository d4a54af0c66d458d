/** What a sync pass reports: stored with the pass, printed by the CLI, shown in Slack and logged. */

export type SourceOutcome = 'synced' | 'unchanged' | 'unavailable';

export interface SourceSyncResult {
  id: string;
  outcome: SourceOutcome;
  version?: string;
  filesRead: number;
  filesRemoved: number;
  message?: string;
}

export interface SyncSummary {
  /** ISO time the pass started. */
  startedAt: string;
  durationMs: number;
  sources: SourceSyncResult[];
  added: number;
  updated: number;
  removed: number;
  /** Problems in the whole catalog after the pass, by severity. */
  errors: number;
  warnings: number;
}
