import { channelMention } from '../../mrkdwn.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { noticeModal } from '../../views/runs/notice-modal.ts';
import { expiredModal, loadSession } from './load-session.ts';
import { orRefusal } from './refusals.ts';
import { requestApprovals } from './request-approvals.ts';
import type { ViewSubmissionArgs } from './view-args.ts';

const startedText = (channel: string | undefined, needsApproval: boolean): string => {
  const inChannel = channel && !channel.startsWith('D');
  const where = inChannel ? `in ${channelMention(channel)} (or your DM with Callboard, if it cannot post there)` : 'in your DM with Callboard';
  const first = needsApproval ? 'Submitted for approval: nothing runs until an approver says yes.' : 'Started.';
  return `${first} Callboard posts the progress ${where} and updates it as each step runs.`;
};

/**
 * Create on the review: acknowledged at once (the modal says where progress goes), then the run starts with the
 * modal's id as its request key, so a double submit returns the same run instead of starting another. A run
 * that needs approval asks its approver groups.
 */
export const reviewSubmission = (deps: SlackDeps) => async (args: ViewSubmissionArgs) => {
  const loaded = loadSession(deps, args.view.private_metadata);
  if (!loaded.ok) return args.ack({ response_action: 'update', view: expiredModal(loaded.reason) });
  const { session, definition, scaffolder } = loaded;
  const needsApproval = definition.approvers.length > 0;
  await args.ack({ response_action: 'update', view: noticeModal(definition.title, startedText(session.channel, needsApproval), ':rocket:') });
  const userId = args.body.user.id;
  const target = { ...(session.channel ? { channel: session.channel } : {}), userId, approvers: definition.approvers };
  const listener = deps.scaffolding.progress.listenerFor(args.client, target);
  const request = { templateRef: definition.ref, values: session.values, requester: session.requester, requestKey: args.view.id };
  const started = await orRefusal(() => scaffolder.start({ ...request, ...(session.channel ? { slackChannel: session.channel } : {}) }, listener));
  if (!started.ok)
    return void (await args.client.views.update({ view_id: args.view.id, view: noticeModal(definition.title, started.refused.text, ':no_entry:') }));
  deps.scaffolding.progress.showIfNew(args.client, started.value, target);
  if (started.value.status === 'awaiting-approval') await requestApprovals(deps, args.client, started.value, definition.approvers, userId);
};
