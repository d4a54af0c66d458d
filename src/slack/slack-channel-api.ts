import type { WebClient } from '@slack/web-api';

export interface SlackChannel {
  id: string;
  name: string;
}

/** One page of a channel listing and where the next one starts (absent on the last page). */
export interface SlackChannelPage {
  channels: SlackChannel[];
  nextCursor?: string;
}

/** What Callboard asks Slack about channels. A port, so views and `callboard ask` run without Slack. */
export interface SlackChannelApi {
  /** One page of the workspace's public, unarchived channels. */
  publicChannels(cursor?: string): Promise<SlackChannelPage>;
}

/** Slack's largest page; fewer round trips on a tier 2 method (about 20 calls a minute). */
const PAGE_SIZE = 1000;

/** The Web API behind the port: conversations.list (scope channels:read). */
export const webClientChannelApi = (client: WebClient): SlackChannelApi => ({
  publicChannels: async (cursor) => {
    const answer = await client.conversations.list({
      types: 'public_channel',
      exclude_archived: true,
      limit: PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    const channels = (answer.channels ?? []).flatMap((channel) => (channel.id && channel.name ? [{ id: channel.id, name: channel.name }] : []));
    const next = answer.response_metadata?.next_cursor;
    return { channels, ...(next ? { nextCursor: next } : {}) };
  },
});

/** For `callboard ask` and local mode: no workspace, so every channel stays a plain `#name`. */
export const noChannelApi: SlackChannelApi = {
  publicChannels: async () => ({ channels: [] }),
};
