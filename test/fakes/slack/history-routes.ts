import { asString, fail, isTrue, ok, requireFields, type JsonBody, type SlackAnswer } from './answers.ts';
import type { StoredMessage } from './fake-state.ts';
import { checkScopes, resolveChannel, type MethodContext, type RouteTable } from './method-route.ts';

/**
 * conversations.history: a channel's top-level messages, newest first, between `oldest` and `latest` (seconds
 * with micros, exclusive unless `inclusive`), `limit` 1–999 (default 100), cursor pages with `has_more`. A
 * message's `metadata` is returned only with `include_all_metadata`. The bot must be in the channel
 * (`not_in_channel`); a private channel it is not in is `channel_not_found`. Scope: channels:history for public
 * channels, groups:history for private ones.
 */

export const historyRoutes: RouteTable = {
  'conversations.history': { token: 'bot', handle: history },
};

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 999;

function history(ctx: MethodContext): SlackAnswer {
  const { body, state } = ctx;
  const refusal = requireFields(body, 'channel');
  if (refusal) return refusal;
  const target = resolveChannel(ctx, body.channel, false);
  if (!target.ok) return target.answer;
  const scopes = checkScopes(state, [target.channel?.isPrivate ? 'groups:history' : 'channels:history']);
  if (scopes) return scopes;
  if (target.channel && target.channel.botIsMember === false) return fail('not_in_channel');
  const limit = parseLimit(body.limit);
  if (limit === undefined) return fail('invalid_limit');
  const start = parseCursor(body.cursor);
  if (start === undefined) return fail('invalid_cursor');
  const inclusive = isTrue(body.inclusive);
  const oldest = parseTs(body.oldest, 0);
  const latest = parseTs(body.latest, Number.POSITIVE_INFINITY);
  if (oldest === undefined || latest === undefined) return fail('invalid_ts_oldest');
  const inWindow = (ts: number) => (inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest);
  const all = [...state.messages.values()]
    .filter((message) => message.channel === target.id && (!message.threadTs || message.threadTs === message.ts) && inWindow(Number(message.ts)))
    .sort((a, b) => Number(b.ts) - Number(a.ts));
  const page = all.slice(start, start + limit);
  const more = start + limit < all.length;
  const withMetadata = isTrue(body.include_all_metadata);
  return ok({
    messages: page.map((message) => renderHistoryMessage(ctx, message, withMetadata)),
    has_more: more,
    pin_count: 0,
    response_metadata: { next_cursor: more ? encodeCursor(start + limit) : '' },
  });
}

function renderHistoryMessage(ctx: MethodContext, message: StoredMessage, withMetadata: boolean): JsonBody {
  const { bot } = ctx.state.options;
  const fromBot = message.user === bot.userId;
  return {
    type: 'message',
    user: message.user,
    text: message.text ?? '',
    ts: message.ts,
    ...(fromBot ? { bot_id: bot.botId, app_id: bot.appId } : {}),
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(withMetadata && message.metadata !== undefined ? { metadata: message.metadata } : {}),
  };
}

function parseLimit(value: unknown): number | undefined {
  if (value === undefined || value === '') return DEFAULT_LIMIT;
  const text = asString(value) ?? '';
  if (!/^\d+$/.test(text)) return undefined;
  const limit = Number(text);
  return limit >= 1 && limit <= MAX_LIMIT ? limit : undefined;
}

function parseTs(value: unknown, fallback: number): number | undefined {
  const text = asString(value);
  if (text === undefined || text === '') return fallback;
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

function encodeCursor(offset: number): string {
  return Buffer.from(`history:${offset}`).toString('base64');
}

function parseCursor(value: unknown): number | undefined {
  const text = asString(value);
  if (text === undefined || text === '') return 0;
  const match = /^history:(\d+)$/.exec(Buffer.from(text, 'base64').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

/**
 * Message metadata as Slack checks it on chat.postMessage and chat.update: a JSON object (`invalid_metadata_format`
 * otherwise) with a string `event_type` and an object `event_payload` (`invalid_metadata_schema` otherwise).
 */
export function checkMetadata(metadata: unknown): SlackAnswer | undefined {
  if (metadata === undefined) return undefined;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return fail('invalid_metadata_format');
  const { event_type: eventType, event_payload: payload } = metadata as JsonBody;
  if (typeof eventType !== 'string' || eventType === '') return fail('invalid_metadata_schema');
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return fail('invalid_metadata_schema');
  return undefined;
}
