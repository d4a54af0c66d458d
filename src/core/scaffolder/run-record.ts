/**
 * A scaffolder run as it is stored and shown: Slack progress messages, `callboard runs` and `--json` all read
 * this shape. Values never hold secrets (they are removed before a run is recorded).
 */

export type RunStatus = 'awaiting-approval' | 'denied' | 'running' | 'succeeded' | 'failed';
export type StepStatus = 'pending' | 'running' | 'done' | 'skipped' | 'failed';

export interface StepRecord {
  id: string;
  name: string;
  action: string;
  status: StepStatus;
  startedAt?: string;
  durationMs?: number;
  /** What went wrong, in words for a person (names the input or file). */
  error?: string;
  /** The step's last log lines (at most 50), secrets masked. */
  log: string[];
  /** The step's outputs once done (kept so a retry can resume after it). */
  output?: Record<string, unknown>;
}

export interface RunLink {
  title: string;
  url?: string;
  entityRef?: string;
}

export interface RunOutput {
  links: RunLink[];
  text: { title: string; content: string }[];
  /** Other output keys, rendered. */
  [key: string]: unknown;
}

/** Someone's decision on a run that needs approval. */
export interface ApprovalDecision {
  by: string;
  decision: 'approved' | 'denied';
  at: string;
  comment?: string;
}

/** Where the run reports in Slack, so a restart or a retry updates the same messages. */
export interface RunSlackThread {
  channel: string;
  /** The progress message. */
  ts?: string;
  /** The approval request, when the template needs one. */
  approval?: { channel: string; ts: string }[];
}

export interface RunRecord {
  id: string;
  templateRef: string;
  templateTitle: string;
  /** The template entity's etag when the run started. */
  templateEtag?: string;
  /** Catalog User ref when one matches the person, else `slack:<id>` or `cli:<name>`. */
  createdBy: string;
  createdAt: string;
  finishedAt?: string;
  status: RunStatus;
  /** Form values with every secret removed. */
  values: Record<string, unknown>;
  /**
   * Field name → what messages show instead of its value: the field's `ui:backstage.review.mask`, or for a mask
   * inside an object or array field, the value with those parts masked. Such a value is not a secret: it is stored
   * (as Backstage stores it, and Retry after a restart needs it), but never shown to others.
   */
  maskedValues?: Record<string, unknown>;
  steps: StepRecord[];
  output?: RunOutput;
  /** The entity the run registered (`catalog:register`), answering `/owner` at once. */
  entityRef?: string;
  /** Why the run failed when no step did (template gone, approval denied, interrupted by a restart). */
  error?: string;
  approvals: ApprovalDecision[];
  slack?: RunSlackThread;
  dryRun: boolean;
}

/** The run's values as messages, lists and approval requests show them: masked where the template says. */
export const shownValues = (run: Pick<RunRecord, 'values' | 'maskedValues'>): Record<string, unknown> => {
  const masks = run.maskedValues ?? {};
  return Object.fromEntries(Object.entries(run.values).map(([name, value]) => [name, Object.hasOwn(masks, name) ? masks[name] : value]));
};
