import type { RunRecord } from '../../../core/scaffolder/run-record.ts';
import { escapeMrkdwn } from '../../mrkdwn.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { scaffolderNoticeView } from '../../views/runs/runs-list-view.ts';
import { postApprovalRequests } from './approval-requests.ts';
import { runMessageData } from '../../../scaffolder/messages/run-message-data.ts';
import type { ChatClient } from './chat-client.ts';

/** Approval requests are remembered for a week: a decision after that still works, only the old request keeps its buttons. */
const APPROVAL_TTL_MS = 7 * 24 * 3_600_000;

/**
 * A run waiting for approval: each approver group is asked (once, even when the form was submitted twice), and the
 * requester is told in the run's thread when a group could not be reached at all.
 */
export const requestApprovals = async (deps: SlackDeps, client: ChatClient, run: RunRecord, approvers: readonly string[], requesterSlackId: string) => {
  const { approvals, progress } = deps.scaffolding;
  if (approvals.get(run.id)) return;
  const rendered = deps.messages?.renderMessage('approval-request', runMessageData({ run, slackUserId: requesterSlackId, approvers }));
  const context = { approvers, requesterSlackId, ...(rendered ? { rendered } : {}) };
  approvals.set(run.id, { posted: [], context }, APPROVAL_TTL_MS);
  const result = await postApprovalRequests(deps, client, run, context);
  approvals.set(run.id, { posted: result.posted, context }, APPROVAL_TTL_MS);
  if (result.unreached.length === 0) return;
  await progress.idle(run.id);
  const thread = progress.postedMessage(run.id);
  const groups = result.unreached.map((ref) => `\`${escapeMrkdwn(ref)}\``).join(', ');
  const notice = scaffolderNoticeView(
    `Callboard could not ask ${groups} for approval: no Slack channel it can post in (invite it, or set \`slack.com/channel\` on the group), and no member found in Slack by email.`,
    ':warning:',
  );
  await client.chat.postMessage({
    channel: thread?.channel ?? requesterSlackId,
    ...(thread ? { thread_ts: thread.ts } : {}),
    text: notice.text,
    blocks: notice.blocks,
  });
};
