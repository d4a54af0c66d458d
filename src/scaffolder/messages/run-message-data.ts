import { shownValues, type ApprovalDecision, type RunRecord } from '../../core/scaffolder/run-record.ts';

/** What a message is about; everything optional but the run. */
export interface RunMessageContext {
  run: RunRecord;
  /** The requester's Slack id, for `{{mention requester.slackUserId}}`. */
  slackUserId?: string;
  /** Groups whose members may approve (approval-request). */
  approvers?: readonly string[];
  /** The decision being announced (approval-decision); default the run's latest. */
  decision?: ApprovalDecision;
  /** The values as the approver should see them; default the run's stored values, masked where the template says. */
  values?: { name: string; value: string }[];
}

const shown = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

const nameOfRef = (ref: string | undefined): string | undefined => ref?.split('/').pop();

const durationOf = (run: RunRecord): number | undefined =>
  run.finishedAt === undefined ? undefined : Math.max(0, new Date(run.finishedAt).getTime() - new Date(run.createdAt).getTime());

/**
 * The data every message template gets (documented in templates/messages/README.md). Plain text: the renderer
 * escapes it for mrkdwn, so a value holding `<!channel>` is shown, never sent as a ping.
 */
export const runMessageData = (context: RunMessageContext): Record<string, unknown> => {
  const { run } = context;
  const failed = run.steps.find((step) => step.status === 'failed');
  const current = run.steps.find((step) => step.status === 'running');
  return {
    run: {
      id: run.id,
      templateTitle: run.templateTitle,
      templateRef: run.templateRef,
      createdBy: run.createdBy,
      status: run.status,
      createdAt: run.createdAt,
      finishedAt: run.finishedAt,
      durationMs: durationOf(run),
      stepCount: run.steps.length,
      doneCount: run.steps.filter((step) => step.status === 'done' || step.status === 'skipped').length,
      steps: run.steps.map((step) => ({
        id: step.id,
        name: step.name,
        action: step.action,
        status: step.status,
        durationMs: step.durationMs,
        error: step.error,
      })),
      currentStep: current && { id: current.id, name: current.name, action: current.action },
      failedStep: failed && { id: failed.id, name: failed.name, action: failed.action, error: failed.error, log: failed.log.slice(-10) },
      error: run.error ?? failed?.error,
      entityRef: run.entityRef,
      entityName: nameOfRef(run.entityRef),
      links: run.output?.links ?? [],
      text: run.output?.text ?? [],
    },
    requester: { id: run.createdBy, slackUserId: context.slackUserId },
    approvers: context.approvers ?? [],
    decision: context.decision ?? run.approvals.at(-1),
    values: context.values ?? Object.entries(shownValues(run)).map(([name, value]) => ({ name, value: shown(value) })),
  };
};
