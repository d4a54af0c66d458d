import { ErrorCode, WebClient, type Logger } from '@slack/web-api';
import { PostAnswerLost, type SchedulePostApi, type ScheduledPostMetadata } from '../schedule/schedule-post-api.ts';
import { isKnownTimeZone } from '../core/oncall/rotation/zoned-time.ts';
import type { ChannelDirectory } from './channel-directory.ts';

/**
 * A channel id as Slack writes it (public C…, private G…, a DM D… such as the app's own, where `/callboard subscribe`
 * also works); anything else is taken as a name (names are lower-case).
 */
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

/** Pages of history read at most while looking for one slot's message (200 messages each). */
const MAX_HISTORY_PAGES = 25;

/** A post refused with 429 this many times in a row fails the slot (nothing was posted). */
const MAX_RATE_LIMITED_TRIES = 5;

export interface ScheduleApiOptions {
  /** How long a post may go unanswered before its answer counts as lost (default 10 s, as the shared client). */
  postTimeoutMs?: number;
  /** Waits out a 429's Retry-After; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** The post client's logger (default the Web API's own). */
  logger?: Logger;
}

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A client for chat.postMessage that never retries by itself: a retry after a lost answer would post the slot a
 * second time. A 429 comes back as an error (nothing was posted) so the adapter can wait and post again.
 */
const postClientOf = (client: WebClient, options: ScheduleApiOptions): WebClient =>
  new WebClient(client.token, {
    slackApiUrl: client.slackApiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.postTimeoutMs ?? 10_000,
    ...(options.logger ? { logger: options.logger } : {}),
  });

/** A timeout, a network error or a 5xx: the post may have been made. Anything else is Slack's own answer. */
const answerLost = (error: unknown): string | undefined => {
  const failure = error as { code?: unknown; statusCode?: unknown; message?: unknown };
  if (failure.code === ErrorCode.RequestError) return String(failure.message);
  if (failure.code === ErrorCode.HTTPError && typeof failure.statusCode === 'number' && failure.statusCode >= 500) return `HTTP ${failure.statusCode}`;
  return undefined;
};

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
 * groups:history). Posts go through a client of their own that does not retry (see `postClientOf`): a 429 is waited
 * out here and posted again; a lost answer throws `PostAnswerLost`, and the scheduler looks before posting again.
 */
export const webClientScheduleApi = (
  client: WebClient,
  channels: Pick<ChannelDirectory, 'channelIdsByName'>,
  options: ScheduleApiOptions = {},
): SchedulePostApi => {
  let poster: WebClient | undefined;
  const sleep = options.sleep ?? sleepFor;
  return {
    resolveChannel: async (nameOrId) => {
      if (CHANNEL_ID.test(nameOrId)) return nameOrId;
      const name = nameOrId.replace(/^#/, '').toLowerCase();
      return (await channels.channelIdsByName([name], { budgetMs: 10_000 })).get(name);
    },
    post: async (channel, message, metadata) => {
      poster ??= postClientOf(client, options);
      for (let attempt = 1; ; attempt++) {
        try {
          const answer = await poster.chat.postMessage({
            channel,
            text: message.text,
            blocks: message.blocks,
            metadata,
            unfurl_links: false,
            unfurl_media: false,
          });
          return { channel: answer.channel ?? channel, ts: answer.ts ?? '' };
        } catch (error) {
          const retryAfter =
            (error as { code?: unknown; retryAfter?: unknown }).code === ErrorCode.RateLimitedError ? (error as { retryAfter: number }).retryAfter : undefined;
          if (retryAfter !== undefined && attempt < MAX_RATE_LIMITED_TRIES) {
            await sleep(retryAfter * 1000);
            continue;
          }
          const lost = answerLost(error);
          throw lost === undefined ? error : new PostAnswerLost(lost, { cause: error });
        }
      }
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
  };
};

/** The subscriber's time zone (users.info `tz`), for a subscription's default cron; UTC when Slack has none. */
export const webClientTimeZoneOf =
  (client: { users: Pick<WebClient['users'], 'info'> }) =>
  async (userId: string): Promise<string> => {
    const answer = await client.users.info({ user: userId });
    const zone = answer.user?.tz;
    // Stored with the subscription and read at every tick: a zone this runtime's Intl does not know would never post.
    return zone && isKnownTimeZone(zone) ? zone : 'UTC';
  };
