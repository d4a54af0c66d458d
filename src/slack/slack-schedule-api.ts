import type { WebClient } from '@slack/web-api';
import type { SchedulePostApi, ScheduledPostMetadata } from '../schedule/schedule-post-api.ts';
import { isKnownTimeZone } from '../core/oncall/rotation/zoned-time.ts';
import type { ChannelDirectory } from './channel-directory.ts';

/**
 * A channel id as Slack writes it (public C…, private G…, a DM D… such as the app's own, where `/callboard subscribe`
 * also works); anything else is taken as a name (names are lower-case).
 */
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

/** Pages of history read at most while looking for one slot's message (200 messages each). */
const MAX_HISTORY_PAGES = 25;

const secondsOf = (date: Date): string => (date.getTime() / 1000).toFixed(6);

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

const isSlotMessage = (message: HistoryMessage, wanted: ScheduledPostMetadata): boolean =>
  message.metadata?.event_type === wanted.event_type &&
  message.metadata.event_payload?.schedule === wanted.event_payload.schedule &&
  message.metadata.event_payload?.slot === wanted.event_payload.slot;

/**
 * Scheduled posts through the Web API: chat.postMessage with message metadata (scope chat:write), and
 * conversations.history with include_all_metadata to find a slot's message after a restart (channels:history,
 * groups:history). The client waits out a 429's Retry-After and retries by itself.
 */
export const webClientScheduleApi = (client: WebClient, channels: Pick<ChannelDirectory, 'channelIdsByName'>): SchedulePostApi => ({
  resolveChannel: async (nameOrId) => {
    if (CHANNEL_ID.test(nameOrId)) return nameOrId;
    const name = nameOrId.replace(/^#/, '').toLowerCase();
    return (await channels.channelIdsByName([name], { budgetMs: 10_000 })).get(name);
  },
  post: async (channel, message, metadata) => {
    const answer = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, metadata, unfurl_links: false, unfurl_media: false });
    return { channel: answer.channel ?? channel, ts: answer.ts ?? '' };
  },
  findPosted: async (channel, window, metadata) => {
    let cursor: string | undefined;
    for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
      const answer = await client.conversations.history({
        channel,
        oldest: secondsOf(window.oldest),
        latest: secondsOf(window.latest),
        inclusive: true,
        include_all_metadata: true,
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
      const found = ((answer.messages ?? []) as HistoryMessage[]).find((message) => isSlotMessage(message, metadata));
      if (found?.ts) return { channel, ts: found.ts };
      cursor = answer.response_metadata?.next_cursor || undefined;
      if (!answer.has_more || !cursor) return undefined;
    }
    // Not read to the end: "not there" cannot be said, and saying it would post the slot a second time.
    throw new Error(`the channel holds more than ${MAX_HISTORY_PAGES * 200} messages since the slot; it was not read to the end`);
  },
});

/** The subscriber's time zone (users.info `tz`), for a subscription's default cron; UTC when Slack has none. */
export const webClientTimeZoneOf =
  (client: { users: Pick<WebClient['users'], 'info'> }) =>
  async (userId: string): Promise<string> => {
    const answer = await client.users.info({ user: userId });
    const zone = answer.user?.tz;
    // Stored with the subscription and read at every tick: a zone this runtime's Intl does not know would never post.
    return zone && isKnownTimeZone(zone) ? zone : 'UTC';
  };
