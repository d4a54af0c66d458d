import type { Entity } from '../../../core/catalog/entity.ts';
import { isSlackChannelId, readTeamChannel } from '../../../core/catalog/read-team-channel.ts';
import type { RunRecord } from '../../../core/scaffolder/run-record.ts';
import { findTeam } from '../../../usecases/find-team.ts';
import { normaliseChannelName } from '../../channel-directory.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { approvalRequestView, type ApprovalContext } from '../../views/runs/approval-view.ts';
import { profileOf } from '../../views/entity-text.ts';
import type { SlackMessage } from '../../views/slack-message.ts';
import type { ChatClient } from './chat-client.ts';

/** One approval request as posted: where it is, so the decision can replace its buttons and reply in its thread. */
export interface PostedRequest {
  channel: string;
  ts: string;
}

/** How long an approval request waits for Slack to say which id a channel has, or who members are. */
const SLACK_BUDGET_MS = 1500;

/** Slack errors that mean the app cannot post in the group's channel: its members get DMs instead. */
const CANNOT_POST = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'restricted_action']);

const platformError = (error: unknown): string | undefined => (error as { data?: { error?: string } } | undefined)?.data?.error;

/** The group's channel id: `slack.com/channel-id`, an id written as the channel, or its name as Slack lists it. */
const channelIdOf = async (deps: Pick<SlackDeps, 'channels'>, group: Entity): Promise<string | undefined> => {
  const { id, name } = readTeamChannel(group);
  if (id) return id;
  if (!name) return undefined;
  if (isSlackChannelId(name)) return name;
  return (await deps.channels.channelIdsByName([name], { budgetMs: SLACK_BUDGET_MS })).get(normaliseChannelName(name));
};

/** Slack ids of the group's members (and lead) whose catalog email Slack knows. */
const memberIdsOf = async (deps: Pick<SlackDeps, 'store' | 'directory'>, groupRef: string): Promise<string[]> => {
  const team = findTeam(deps.store, groupRef);
  const people = team.lead ? [team.lead, ...team.members] : team.members;
  const emails = people.map((person) => profileOf(person).email).filter((email): email is string => email !== undefined);
  const ids = await deps.directory.slackIdsByEmail(emails, { budgetMs: SLACK_BUDGET_MS });
  return [...new Set(ids.values())];
};

export interface ApprovalRequestsResult {
  posted: PostedRequest[];
  /** Approver groups nobody could be told about (no channel the app can post in, no member found in Slack). */
  unreached: string[];
}

type ApprovalDeps = Pick<SlackDeps, 'store' | 'channels' | 'directory' | 'log'>;

/** One group: its channel when the app can post there, else a DM to each member. */
const postToGroup = async (
  deps: ApprovalDeps,
  client: ChatClient,
  groupRef: string,
  message: Pick<SlackMessage, 'text' | 'blocks'>,
): Promise<PostedRequest[]> => {
  const group = deps.store.entityEnvelope(groupRef);
  if (!group) return [];
  const channel = await channelIdOf(deps, group);
  if (channel) {
    try {
      const sent = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
      return [{ channel: sent.channel ?? channel, ts: sent.ts ?? '' }];
    } catch (error) {
      if (!CANNOT_POST.has(platformError(error) ?? '')) throw error;
      deps.log.info({ groupRef, channel, error: platformError(error) }, 'approval request goes to the members: the app cannot post in the group channel');
    }
  }
  const posted: PostedRequest[] = [];
  for (const userId of await memberIdsOf(deps, groupRef)) {
    const sent = await client.chat.postMessage({ channel: userId, text: message.text, blocks: message.blocks });
    posted.push({ channel: sent.channel ?? userId, ts: sent.ts ?? '' });
  }
  return posted;
};

/**
 * Asks each approver group to decide on a run: in the group's Slack channel (`slack.com/channel`, `slack-channel`,
 * `slack.com/channel-name` or `slack.com/channel-id`), else in a DM to each of its members.
 */
export const postApprovalRequests = async (
  deps: ApprovalDeps,
  client: ChatClient,
  run: RunRecord,
  context: ApprovalContext,
): Promise<ApprovalRequestsResult> => {
  const message = approvalRequestView(run, context);
  const posted: PostedRequest[] = [];
  const unreached: string[] = [];
  for (const groupRef of context.approvers) {
    const reached = await postToGroup(deps, client, groupRef, { text: message.text, blocks: message.blocks }).catch((error: unknown) => {
      deps.log.warn({ err: error, groupRef, runId: run.id }, 'could not post the approval request');
      return [];
    });
    if (reached.length === 0) unreached.push(groupRef);
    posted.push(...reached);
  }
  return { posted, unreached };
};
