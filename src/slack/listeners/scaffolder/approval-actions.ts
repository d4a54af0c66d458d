import { PermissionError } from '../../../core/errors.ts';
import type { ApprovalDecision, RunRecord } from '../../../core/scaffolder/run-record.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { approvalDecidedView, decisionReplyView, notAnApproverText, ownRunApprovalText, type ApprovalContext } from '../../views/runs/approval-view.ts';
import { scaffolderNoticeView } from '../../views/runs/runs-list-view.ts';
import { buttonValue, type ScaffolderActionArgs } from './action-args.ts';
import type { PostedRequest } from './approval-requests.ts';
import type { ChatClient } from './chat-client.ts';
import { NOT_SET_UP } from './load-session.ts';
import { runMessageData } from '../../../scaffolder/messages/run-message-data.ts';
import { OwnRunApprovalError } from '../../../scaffolder/scaffolder.ts';
import { refusalOf } from './refusals.ts';
import { escapeMrkdwn } from '../../mrkdwn.ts';
import { tellClicker } from './reply.ts';
import { requesterOf } from './requester.ts';

/** Every copy of the request (the group channel, each member's DM) and the one clicked, once each. */
const requestCopies = (posted: readonly PostedRequest[], args: ScaffolderActionArgs): PostedRequest[] => {
  const clicked = args.body.channel?.id && args.body.message?.ts ? [{ channel: args.body.channel.id, ts: args.body.message.ts }] : [];
  const seen = new Set<string>();
  return [...posted, ...clicked].filter((copy) => !seen.has(`${copy.channel}/${copy.ts}`) && seen.add(`${copy.channel}/${copy.ts}`));
};

/** The run's progress message; waits for it only when it is not posted yet (never for the whole run to report). */
const postedProgress = async (deps: SlackDeps, runId: string) => {
  const posted = deps.scaffolding.progress.postedMessage(runId);
  if (posted) return posted;
  await deps.scaffolding.progress.idle(runId);
  return deps.scaffolding.progress.postedMessage(runId);
};

/** The decision on each request (its buttons gone) and in each request's thread and the requester's progress thread. */
const showDecision = async (deps: SlackDeps, client: ChatClient, run: RunRecord, copies: PostedRequest[], context: ApprovalContext, deciderId: string) => {
  const decision: ApprovalDecision | undefined = run.approvals.at(-1);
  if (!decision) return;
  const decided = approvalDecidedView(run, context, decision, deciderId);
  const rendered = deps.messages?.renderMessage('approval-decision', runMessageData({ run, decision }));
  const reply = decisionReplyView(run, decision, deciderId, rendered);
  const progress = await postedProgress(deps, run.id);
  for (const copy of copies) {
    await client.chat
      .update({ channel: copy.channel, ts: copy.ts, text: decided.text, blocks: decided.blocks })
      .catch((error: unknown) => deps.log.warn({ err: error, runId: run.id }, 'could not mark the approval request decided'));
  }
  for (const thread of [...copies, ...(progress ? [progress] : [])]) {
    await client.chat
      .postMessage({ channel: thread.channel, thread_ts: thread.ts, text: reply.text, blocks: reply.blocks })
      .catch((error: unknown) => deps.log.warn({ err: error, runId: run.id }, 'could not post the decision in a thread'));
  }
};

/**
 * Approve or Deny on an approval request. Only a member of an approver group may decide, and not approve their own
 * run (the scaffolder checks); anyone else is told so privately and nothing changes. The run then starts (or ends), reporting on its progress
 * message, and everyone involved sees the decision in their thread.
 */
export const decideRunAction = (deps: SlackDeps, decision: 'approved' | 'denied') => async (args: ScaffolderActionArgs) => {
  await args.ack();
  const runId = buttonValue(args.action);
  const scaffolder = deps.scaffolder;
  if (!scaffolder) return tellClicker(args, scaffolderNoticeView(NOT_SET_UP));
  const before = runId ? scaffolder.run(runId) : undefined;
  if (!runId || !before) return tellClicker(args, scaffolderNoticeView('Callboard has no such run to decide on.', ':mag:'));
  const record = deps.scaffolding.approvals.get(runId)?.value;
  const context = record?.context ?? { approvers: [] };
  const approver = await requesterOf(deps, args.body.user.id);
  const requesterId = context.requesterSlackId ?? /^slack:(\S+)$/.exec(before.createdBy)?.[1];
  const target = { ...(before.slack?.channel ? { channel: before.slack.channel } : {}), userId: requesterId ?? args.body.user.id };
  const listener = deps.scaffolding.progress.listenerFor(args.client, target);
  let run: RunRecord;
  try {
    run = await scaffolder.decide(runId, approver, decision, listener);
  } catch (error) {
    if (!(error instanceof PermissionError)) return tellClicker(args, refusalOrThrow(error));
    const explain = error instanceof OwnRunApprovalError ? ownRunApprovalText : notAnApproverText;
    const words = context.approvers.length > 0 ? explain(context.approvers, args.body.user.id) : escapeMrkdwn(error.message);
    return tellClicker(args, scaffolderNoticeView(words, ':no_entry:'));
  }
  await showDecision(deps, args.client, run, requestCopies(record?.posted ?? [], args), context, args.body.user.id);
};

/** A refusal to tell the clicker (a run already decided, gone); anything unexpected goes to the app's error handler. */
const refusalOrThrow = (error: unknown) => {
  const refused = refusalOf(error);
  if (!refused) throw error;
  return refused;
};
