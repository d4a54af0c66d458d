import { MESSAGE_TEXT_LIMIT, checkMessageLimits } from '../../helpers/block-kit/check-block-kit-limits.ts';
import { blockKitRefusal, fail, withPrefix, type JsonBody, type SlackAnswer } from './answers.ts';
import type { FakeSlackState } from './fake-state.ts';
import type { FakeChannel } from './workspace.ts';

/** The contract between the server and its route modules, plus checks several routes share. */

export interface MethodContext {
  body: JsonBody;
  state: FakeSlackState;
  /** Origin of the fake, for URLs it mints (`http://127.0.0.1:PORT`). */
  origin: string;
}

export interface MethodRoute {
  /** Which token the method takes: the bot token (xoxb) or the app-level token (xapp, Socket Mode). */
  token: 'bot' | 'app';
  /** Scopes of which the token needs one (`missing_scope` otherwise), checked when the fake models scopes. */
  scopes?: readonly string[];
  handle: (ctx: MethodContext) => SlackAnswer;
}

export type RouteTable = Record<string, MethodRoute>;

/**
 * Message bodies (chat.*, response_url): text or blocks required (`no_text`), text ≤40,000 (`msg_too_long`),
 * blocks a JSON array (`invalid_blocks_format`) passing the limits checker (`invalid_blocks`).
 */
export function checkMessageBody(body: JsonBody, options: { allowEmpty?: boolean } = {}): SlackAnswer | undefined {
  const { text, blocks } = body;
  const hasText = typeof text === 'string' && text !== '';
  const hasBlocks = Array.isArray(blocks) && blocks.length > 0;
  if (!options.allowEmpty && !hasText && !hasBlocks && body.attachments === undefined) return fail('no_text');
  if (typeof text === 'string' && text.length > MESSAGE_TEXT_LIMIT) return fail('msg_too_long');
  if (blocks !== undefined && !Array.isArray(blocks)) return fail('invalid_blocks_format');
  const violations = checkMessageLimits({ text: typeof text === 'string' ? text : undefined, blocks: blocks as unknown[] | undefined });
  return violations.length > 0 ? blockKitRefusal('invalid_blocks', withPrefix('', violations)) : undefined;
}

/**
 * `missing_scope` with `needed` and `provided`, as Slack answers a token lacking every one of `needed`
 * (any one suffices). Nothing is checked when the fake was started without `scopes`.
 */
export function checkScopes(state: FakeSlackState, needed: readonly string[] | undefined): SlackAnswer | undefined {
  const granted = state.options.scopes;
  if (!granted || !needed || needed.length === 0 || needed.some((scope) => granted.includes(scope))) return undefined;
  return fail('missing_scope', { needed: needed.join(','), provided: granted.join(',') });
}

export type ResolvedChannel = { ok: true; id: string; channel?: FakeChannel } | { ok: false; answer: SlackAnswer };

/**
 * Resolves `channel` as a seeded channel id, the app's DM with a seeded user, or a seeded user id (which opens
 * that DM). With `posting`, enforces membership: `not_in_channel` for public channels the bot has not joined
 * (unless chat:write.public), `channel_not_found` for private ones it cannot see, `is_archived` for archived ones.
 */
export function resolveChannel(ctx: MethodContext, value: unknown, posting: boolean): ResolvedChannel {
  const id = typeof value === 'string' ? value : '';
  const { state } = ctx;
  if (state.users.has(id)) return { ok: true, id: state.dmChannelOf(id) };
  if (state.userForDm(id)) return { ok: true, id };
  const channel = state.channels.get(id);
  if (!channel) return { ok: false, answer: fail('channel_not_found') };
  const member = channel.botIsMember ?? true;
  if (!member && channel.isPrivate) return { ok: false, answer: fail('channel_not_found') };
  if (posting && channel.isArchived) return { ok: false, answer: fail('is_archived') };
  if (posting && !member && !state.options.chatWritePublic) return { ok: false, answer: fail('not_in_channel') };
  return { ok: true, id, channel };
}
