import type { SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../slack-deps.ts';

export interface ChannelRenameArgs {
  event: { channel: Pick<SlackEventMiddlewareArgs<'channel_rename'>['event']['channel'], 'id' | 'name'> };
}

/** `channel_rename`: a team channel keeps its link under its new name, without waiting for the cache to expire. */
export const channelRename =
  (deps: Pick<SlackDeps, 'channels'>) =>
  async ({ event }: ChannelRenameArgs): Promise<void> => {
    const { id, name } = event.channel;
    if (id && name) deps.channels.renamed({ id, name });
  };
