import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../slack-deps.ts';
import { postIncidentContext, type IncidentClient } from '../incidents/post-incident-context.ts';

export interface MemberJoinedArgs {
  event: Pick<SlackEventMiddlewareArgs<'member_joined_channel'>['event'], 'user' | 'channel' | 'inviter'>;
  context: Pick<AllMiddlewareArgs['context'], 'botUserId'>;
  client: IncidentClient;
}

/**
 * `member_joined_channel` for Callboard itself. Someone invited it (`inviter` set): cards for what the channel
 * names, whatever its name, or a note that it names nothing. Callboard joined by itself (no inviter: its own
 * conversations.join): only what an incident channel's name calls for, already claimed by the event that joined.
 */
export const memberJoinedChannel =
  (deps: SlackDeps) =>
  async ({ event, context, client }: MemberJoinedArgs): Promise<void> => {
    if (!context.botUserId || event.user !== context.botUserId) return;
    const trigger = event.inviter ? ({ kind: 'invited', channelId: event.channel } as const) : ({ kind: 'joined', channelId: event.channel } as const);
    await postIncidentContext(deps, client, trigger);
  };
