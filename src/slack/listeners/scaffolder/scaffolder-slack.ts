import type { Logger } from 'pino';
import { TtlCache } from '../../ttl-cache.ts';
import type { ApprovalContext } from '../../views/runs/approval-view.ts';
import { runProgressView } from '../../views/runs/run-progress-view.ts';
import type { PostedRequest } from './approval-requests.ts';
import { FormSessions } from './form-sessions.ts';
import type { TemplateFormViews } from './form-views.ts';
import { ProgressReporter, type ProgressTarget } from './progress-reporter.ts';
import type { RunRecord } from '../../../core/scaffolder/run-record.ts';
import type { MessageRenderer } from '../../../scaffolder/messages/create-message-renderer.ts';
import type { MessageName } from '../../../scaffolder/messages/message-names.ts';
import { runMessageData } from '../../../scaffolder/messages/run-message-data.ts';

/** Approval requests of a run as posted, and what they said, so a decision can be shown on each. */
export interface ApprovalRecord {
  posted: PostedRequest[];
  context: ApprovalContext;
}

/**
 * What the scaffolder's Slack listeners share across requests: forms being filled in, the progress message of
 * each run, the approval requests posted. In memory: after a restart an open form asks to start again, and a
 * click on an old progress message or approval request adopts that message.
 */
export interface ScaffolderSlack {
  forms: FormSessions;
  progress: ProgressReporter;
  approvals: TtlCache<string, ApprovalRecord>;
  /** The template form's modals and value parser. */
  views: TemplateFormViews;
}

export interface ScaffolderSlackOptions {
  log: Logger;
  now?: () => number;
  /** Least time between two edits of one progress message (default 1 s; tests use 0). */
  progressIntervalMs?: number;
  /** The form's views; tests pass their own. */
  views: TemplateFormViews;
  /** The admin's message templates (templates/messages/); the views' own wording without them. */
  messages?: MessageRenderer;
  /** Where each run's progress message went, to keep with the run (see ProgressReporter). */
  onProgressPosted?: (runId: string, posted: { channel: string; ts: string }) => void;
}

/** Which message template tells a run's state: the result at the end, the failure with Retry, else the progress. */
const messageFor = (run: RunRecord): MessageName => (run.status === 'succeeded' ? 'run-result' : run.status === 'failed' ? 'run-failed' : 'run-progress');

const renderProgress = (run: RunRecord, target: ProgressTarget, messages: MessageRenderer | undefined) => {
  const context = { slackUserId: target.userId, ...(target.approvers ? { approvers: target.approvers } : {}) };
  const rendered = messages?.renderMessage(messageFor(run), runMessageData({ run, ...context }));
  return runProgressView(run, { ...context, ...(rendered ? { rendered } : {}) });
};

export const createScaffolderSlack = (options: ScaffolderSlackOptions): ScaffolderSlack => {
  const now = options.now ?? Date.now;
  return {
    forms: new FormSessions(now),
    progress: new ProgressReporter({
      render: (run, target) => renderProgress(run, target, options.messages),
      log: options.log,
      now,
      ...(options.progressIntervalMs !== undefined ? { minIntervalMs: options.progressIntervalMs } : {}),
      ...(options.onProgressPosted ? { onPosted: options.onProgressPosted } : {}),
    }),
    approvals: new TtlCache(now, 1_000),
    views: options.views,
  };
};
