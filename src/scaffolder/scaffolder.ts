import { CallboardError, PermissionError } from '../core/errors.ts';
import type { Problem } from '../core/problems.ts';
import type { RunRecord, RunSlackThread } from '../core/scaffolder/run-record.ts';
import type { TemplateDefinition } from '../core/scaffolder/template-definition.ts';

/** Who is asking: the catalog User when one matches the person's email, and how to reach them. */
export interface Requester {
  /** `user:default/alice` when a catalog User matches; absent otherwise. */
  userRef?: string;
  slackUserId?: string;
  /** How the run records them when no catalog User matches (`slack:U123`, `cli:alice`). */
  fallbackId: string;
}

/** One template as `/create` and `callboard templates` list it. */
export interface TemplateSummary {
  ref: string;
  title: string;
  description?: string;
  type: string;
  owner?: string;
  tags: string[];
  /** False when the template has problems (unknown action, bad expression…); `problems` says which. */
  canRun: boolean;
  problems: Problem[];
  needsApproval: boolean;
}

export interface RunRequest {
  templateRef: string;
  /** Form values as entered, secrets included; secrets are split off before anything is stored. */
  values: Record<string, unknown>;
  requester: Requester;
  /** Same key, same run: a double submit or a Slack retry returns the first run instead of starting another. */
  requestKey?: string;
  /** Where progress is posted in Slack (a channel id, or the requester's DM when absent). */
  slackChannel?: string;
}

/** What a dry run would produce, for the review page and `callboard scaffold --dry-run`. */
export interface RunPreview {
  /** Workspace-relative paths of the files the fetch steps produce, sorted. */
  files: string[];
  /** The rendered catalog-info.yaml, when the skeleton has one. */
  catalogInfo?: string;
  /** Every step in order, with whether its `if` lets it run and whether the dry run ran it. */
  steps: { id: string; name: string; action: string; willRun: boolean; ranInDryRun: boolean }[];
  /** The repository the run will create (`github.com/acme/new-service`), when a publish step names one. */
  repository?: string;
  /** Where the dry run wrote the files (only with `outDir`). */
  outDir?: string;
}

/** Four eyes: the requester asked to approve their own run; another approver must (they may still deny it). */
export class OwnRunApprovalError extends PermissionError {}

/**
 * A step of the dry run failed (an expression, a skeleton path, a `url` input): the template or the values are at
 * fault, not Callboard. The message names the step; adapters show it as it is (the CLI: exit 1, no stack trace).
 */
export class DryRunFailedError extends CallboardError {
  readonly code = 'dry_run_failed';
}

/** Told each time a run changes (a step starts, ends, the run ends, a decision is made). */
export type RunListener = (run: RunRecord) => void | Promise<void>;

/**
 * The scaffolder as Slack and the CLI use it. Runs continue in the background after `start` returns; listeners
 * hear every change. Values are validated against the template's schema before anything else happens.
 */
export interface Scaffolder {
  /** Templates this requester may run (`callboard.dev/allowed-groups`), filtered by words when given. */
  listTemplates(requester: Requester | undefined, words?: string): TemplateSummary[];
  /** @throws NotFoundError, or PermissionError (core/errors.ts) when the requester may not run it. */
  template(ref: string, requester: Requester | undefined): TemplateDefinition;
  /** @throws InvalidInputError whose `fieldErrors` name each failing field (keyed by parameter name); DryRunFailedError. */
  preview(request: RunRequest, options?: { outDir?: string }): Promise<RunPreview>;
  /** Records the run (awaiting approval, or running) and returns it; the steps run after it returns. */
  start(request: RunRequest, listener?: RunListener): Promise<RunRecord>;
  /** Resumes a failed run at its failed step; finished steps are not redone. */
  retry(runId: string, requester: Requester, listener?: RunListener): Promise<RunRecord>;
  /**
   * An approver's decision; the run starts once approved. The requester may deny their own run, not approve it.
   * @throws PermissionError when not an approver; OwnRunApprovalError (a PermissionError) when approving one's own run.
   */
  decide(runId: string, approver: Requester, decision: 'approved' | 'denied', listener?: RunListener): Promise<RunRecord>;
  run(runId: string): RunRecord | undefined;
  runs(options?: { limit?: number; templateRef?: string }): RunRecord[];
  /** Resolves once the run is no longer running or awaiting approval (tests, the CLI). */
  settled(runId: string): Promise<RunRecord>;
  /** Keeps where the run's progress message was posted, so it is edited again after a restart (recoverInterrupted). */
  recordSlackThread(runId: string, thread: RunSlackThread): Promise<void>;
  /** On start-up: runs left `running` by a stopped process are marked failed at their step, with Retry. */
  recoverInterrupted(): Promise<RunRecord[]>;
}
