import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../slack-deps.ts';
import { postIncidentContext, type IncidentClient } from '../incidents/post-incident-context.ts';

export interface MemberJoinedArgs {
  event: Pick<SlackEventMiddlewareArgs<'member_joined_channel'>['event'], 'user' | 'channel' | 'inviter'>;
  context: Pick<AllMiddlewareArgs['context'], 'botUserId'>;
  client: IncidentClient;
}

/**
 * `member_joined_channel` for Callboard itself, invited (`inviter` set) or joining by itself (its own
 * conversations.join). Either way the same rule as a created or renamed channel: cards only when the channel's name
 * matches `incidents.channelPatterns`. Being invited is not being asked: people invite Callboard to ordinary
 * channels to mention it, and it stays quiet there (`@Callboard context` asks).
 */
export const memberJoinedChannel =
  (deps: SlackDeps) =>
  async ({ event, context, client }: MemberJoinedArgs): Promise<void> => {
    if (!context.botUserId || event.user !== context.botUserId) return;
    await postIncidentContext(deps, client, { kind: event.inviter ? 'invited' : 'joined', channelId: event.channel });
  };
