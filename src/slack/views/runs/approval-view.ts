import type { KnownBlock } from '@slack/types';
import { shownValues, type ApprovalDecision, type RunRecord } from '../../../core/scaffolder/run-record.ts';
import { ScaffolderActionIds } from '../../ids.ts';
import { escapeMrkdwn, mention, truncate } from '../../mrkdwn.ts';
import { actionsBlock, button, contextBlock, fieldsBlock, headerBlock, Limits, packLines, sectionBlock } from '../blocks.ts';
import type { SlackMessage } from '../slack-message.ts';
import { createdByText, valueText } from './run-text.ts';

export interface ApprovalContext {
  /** The requester's Slack id, to mention them. */
  requesterSlackId?: string;
  /** The groups whose members may decide. */
  approvers: readonly string[];
  /** The request in the words of the admin's `approval-request` message template (escaped mrkdwn), instead of the built-in intro and values. */
  rendered?: string;
}

const valueFields = (run: RunRecord): string[] =>
  Object.entries(shownValues(run))
    .slice(0, Limits.sectionFields)
    .map(([name, value]) => `*${escapeMrkdwn(truncate(name, 100))}*\n${valueText(value)}`);

const requestBlocks = (run: RunRecord, context: ApprovalContext): KnownBlock[] => {
  const fields = valueFields(run);
  const steps = run.steps.map((step) => `• ${escapeMrkdwn(truncate(step.name || step.id, 100))} \`${escapeMrkdwn(step.action)}\``).slice(0, 30);
  const who = context.approvers.map((ref) => `\`${escapeMrkdwn(ref)}\``).join(' or ');
  const header = headerBlock(`Approval needed: ${run.templateTitle || run.templateRef}`, 'scaffolder.approval.header');
  const stepsBlock = steps.length > 0 ? [sectionBlock(`*Steps*\n${steps.join('\n')}`, 'scaffolder.approval.steps')] : [];
  const rendered = context.rendered?.trim();
  if (rendered)
    return [
      header,
      ...packLines(rendered.split('\n'))
        .slice(0, 4)
        .map((text, i) => sectionBlock(text, `scaffolder.approval.intro.${i}`)),
      ...stepsBlock,
    ];
  return [
    header,
    sectionBlock(
      `${createdByText(run.createdBy, context.requesterSlackId)} wants to run *${escapeMrkdwn(run.templateTitle)}* \`${escapeMrkdwn(run.templateRef)}\`. Nothing runs until a member of ${who} approves.`,
      'scaffolder.approval.intro',
    ),
    ...(fields.length > 0 ? [fieldsBlock(fields, 'scaffolder.approval.values')] : []),
    ...stepsBlock,
  ];
};

/** The request an approver group sees (in its channel, or each member's DM): the values, the steps, Approve and Deny. */
export const approvalRequestView = (run: RunRecord, context: ApprovalContext): SlackMessage => ({
  text: `Approval needed: ${escapeMrkdwn(run.templateTitle || run.templateRef)}`,
  blocks: [
    ...requestBlocks(run, context),
    actionsBlock(
      [
        button({ text: 'Approve', actionId: ScaffolderActionIds.approveRun, value: run.id, style: 'primary' }),
        button({ text: 'Deny', actionId: ScaffolderActionIds.denyRun, value: run.id, style: 'danger' }),
      ],
      'scaffolder.approval.actions',
    ),
    contextBlock([`Run \`${escapeMrkdwn(run.id)}\``], 'scaffolder.approval.id'),
  ],
});

const decisionWords = (decision: ApprovalDecision, deciderSlackId?: string): string =>
  `${decision.decision === 'approved' ? ':white_check_mark: Approved' : ':no_entry: Denied'} by ${createdByText(decision.by, deciderSlackId)}`;

/** The request once decided: the same facts, the decision instead of the buttons. */
export const approvalDecidedView = (run: RunRecord, context: ApprovalContext, decision: ApprovalDecision, deciderSlackId?: string): SlackMessage => ({
  text: `${escapeMrkdwn(truncate(run.templateTitle || run.templateRef, 200))}: ${decision.decision}`,
  blocks: [...requestBlocks(run, context), sectionBlock(`*${decisionWords(decision, deciderSlackId)}*`, 'scaffolder.approval.decision')],
});

/**
 * The thread reply that tells the requester and the approvers about a decision; `rendered` is the admin's
 * `approval-decision` message template (escaped mrkdwn), used instead of the built-in words.
 */
export const decisionReplyView = (run: RunRecord, decision: ApprovalDecision, deciderSlackId?: string, rendered?: string): SlackMessage => {
  if (rendered?.trim()) return { text: truncate(rendered.trim(), 3000), blocks: [sectionBlock(rendered.trim(), 'scaffolder.approval.reply')] };
  const next = decision.decision === 'approved' ? 'The run starts now.' : 'Nothing was created.';
  const comment = decision.comment ? `\n> ${escapeMrkdwn(truncate(decision.comment, 500))}` : '';
  const text = `${decisionWords(decision, deciderSlackId)}: *${escapeMrkdwn(run.templateTitle)}*. ${next}${comment}`;
  return { text, blocks: [sectionBlock(text, 'scaffolder.approval.reply')] };
};

/** Someone outside the approver groups clicked Approve or Deny: only they see this. */
/** The requester clicked Approve on their own run: someone else must approve; Deny withdraws it. */
export const ownRunApprovalText = (approvers: readonly string[], slackUserId: string): string =>
  `${mention(slackUserId)}, you asked for this run, so another member of ${approvers.map((ref) => `\`${escapeMrkdwn(ref)}\``).join(' or ') || 'the approver groups'} must approve it. You may still Deny it to withdraw the request.`;

export const notAnApproverText = (approvers: readonly string[], slackUserId: string): string =>
  `${mention(slackUserId)}, only members of ${approvers.map((ref) => `\`${escapeMrkdwn(ref)}\``).join(' or ') || 'the approver groups'} can approve or deny this run.`;
