import type { SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../slack-deps.ts';
import { postIncidentContext, type IncidentClient } from '../incidents/post-incident-context.ts';

export interface ChannelCreatedArgs {
  event: { channel: Pick<SlackEventMiddlewareArgs<'channel_created'>['event']['channel'], 'id' | 'name'> };
  client: IncidentClient;
}

/** `channel_created`: a channel named like an incident (`incidents.channelPatterns`) gets its context cards. */
export const channelCreated =
  (deps: SlackDeps) =>
  async ({ event, client }: ChannelCreatedArgs): Promise<void> => {
    const { id, name } = event.channel;
    if (id) await postIncidentContext(deps, client, { kind: 'created', channelId: id, ...(name ? { name } : {}) });
  };
