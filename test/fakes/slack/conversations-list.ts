import { asString, fail, isTrue, ok, type SlackAnswer } from './answers.ts';
import { checkScopes, type MethodContext } from './method-route.ts';
import { renderChannel, type FakeChannel } from './workspace.ts';

/**
 * conversations.list (cursor pagination): `limit` 1–1000 (default 100), `types` a comma-separated subset of
 * public_channel / private_channel / mpim / im (default public_channel), `exclude_archived`.
 *
 * Like Slack, a page is a window of `limit` conversations that is filtered afterwards, so a page may hold fewer
 * than `limit` (even none) while `response_metadata.next_cursor` still points further: a client must follow the
 * cursor until it is empty, never stop at a short page. Private channels are listed only where the bot is a
 * member; DMs are not modelled, so `im` and `mpim` list nothing.
 */

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

const SCOPE_OF_TYPE: Record<string, string> = {
  public_channel: 'channels:read',
  private_channel: 'groups:read',
  mpim: 'mpim:read',
  im: 'im:read',
};

export function listConversations({ body, state }: MethodContext): SlackAnswer {
  const limit = parseLimit(body.limit);
  if (limit === undefined) return fail('invalid_limit');
  const types = parseTypes(body.types);
  if (types === undefined) return fail('invalid_types');
  for (const type of types) {
    const refusal = checkScopes(state, [SCOPE_OF_TYPE[type]!]);
    if (refusal) return refusal;
  }
  const start = parseCursor(body.cursor);
  if (start === undefined) return fail('invalid_cursor');
  const all = [...state.channels.values()];
  const excludeArchived = isTrue(body.exclude_archived);
  const page = all.slice(start, start + limit).filter((channel) => isListed(channel, types, excludeArchived));
  const next = start + limit < all.length ? encodeCursor(start + limit) : '';
  return ok({ channels: page.map((channel) => renderChannel(channel, state.options.team)), response_metadata: { next_cursor: next } });
}

function isListed(channel: FakeChannel, types: readonly string[], excludeArchived: boolean): boolean {
  if (excludeArchived && channel.isArchived) return false;
  if (channel.isPrivate) return types.includes('private_channel') && channel.botIsMember !== false;
  return types.includes('public_channel');
}

/** Form values arrive as strings; anything but a whole number in 1–1000 is invalid_limit. */
function parseLimit(value: unknown): number | undefined {
  if (value === undefined || value === '') return DEFAULT_LIMIT;
  const text = asString(value) ?? '';
  if (!/^\d+$/.test(text)) return undefined;
  const limit = Number(text);
  return limit >= 1 && limit <= MAX_LIMIT ? limit : undefined;
}

function parseTypes(value: unknown): string[] | undefined {
  const text = asString(value);
  if (text === undefined || text === '') return ['public_channel'];
  const types = text.split(',').map((type) => type.trim());
  return types.every((type) => type in SCOPE_OF_TYPE) ? types : undefined;
}

/** Cursors are opaque base64 like Slack's (`dGVhbTpD…`); this one carries the offset of the next window. */
function encodeCursor(offset: number): string {
  return Buffer.from(`channel:${offset}`).toString('base64');
}

function parseCursor(value: unknown): number | undefined {
  const text = asString(value);
  if (text === undefined || text === '') return 0;
  const match = /^channel:(\d+)$/.exec(Buffer.from(text, 'base64').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}
