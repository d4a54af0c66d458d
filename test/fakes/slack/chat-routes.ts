import { checkMessageLimits } from '../../helpers/block-kit/check-block-kit-limits.ts';
import { asString, blockKitRefusal, fail, ok, requireFields, withPrefix, type JsonBody, type PointedViolation } from './answers.ts';
import type { StoredMessage } from './fake-state.ts';
import { checkMetadata } from './history-routes.ts';
import { checkMessageBody, resolveChannel, type MethodContext, type RouteTable } from './method-route.ts';

/** chat.* methods (reference §3.2): posted messages are stored so update/delete/getPermalink can find them. */

export const chatRoutes: RouteTable = {
  'chat.postMessage': { token: 'bot', scopes: ['chat:write'], handle: postMessage },
  'chat.postEphemeral': { token: 'bot', scopes: ['chat:write'], handle: postEphemeral },
  'chat.update': { token: 'bot', scopes: ['chat:write'], handle: update },
  'chat.delete': { token: 'bot', scopes: ['chat:write'], handle: remove },
  'chat.getPermalink': { token: 'bot', handle: getPermalink },
  'chat.unfurl': { token: 'bot', scopes: ['links:write'], handle: unfurl },
};

function postMessage(ctx: MethodContext) {
  const { body } = ctx;
  const refusal = requireFields(body, 'channel') ?? checkMessageBody(body) ?? checkMetadata(body.metadata);
  if (refusal) return refusal;
  const target = resolveChannel(ctx, body.channel, true);
  if (!target.ok) return target.answer;
  const message = storeMessage(ctx, target.id, body);
  return ok({ channel: target.id, ts: message.ts, message: renderMessage(ctx, message) });
}

function postEphemeral(ctx: MethodContext) {
  const { body, state } = ctx;
  const refusal = requireFields(body, 'channel', 'user') ?? checkMessageBody(body);
  if (refusal) return refusal;
  const target = resolveChannel(ctx, body.channel, true);
  if (!target.ok) return target.answer;
  const user = asString(body.user) ?? '';
  if (!state.users.has(user)) return fail('user_not_found');
  const members = target.channel?.members;
  if (members && !members.includes(user)) return fail('user_not_in_channel');
  const ts = state.nextTs();
  state.ephemerals.push({ channel: target.id, ts, text: asString(body.text), blocks: body.blocks as unknown[] | undefined, user });
  return ok({ message_ts: ts });
}

function update(ctx: MethodContext) {
  const { body, state } = ctx;
  const refusal = requireFields(body, 'channel', 'ts') ?? checkMessageBody(body) ?? checkMetadata(body.metadata);
  if (refusal) return refusal;
  const found = findOwnMessage(ctx, body.channel, body.ts);
  if ('answer' in found) return found.answer;
  const message: StoredMessage = {
    ...found.message,
    text: asString(body.text) ?? found.message.text,
    blocks: (body.blocks as unknown[] | undefined) ?? found.message.blocks,
    metadata: body.metadata ?? found.message.metadata,
  };
  state.messages.set(state.messageKey(message.channel, message.ts), message);
  return ok({ channel: message.channel, ts: message.ts, text: message.text ?? '', message: renderMessage(ctx, message) });
}

function remove(ctx: MethodContext) {
  const refusal = requireFields(ctx.body, 'channel', 'ts');
  if (refusal) return refusal;
  const found = findOwnMessage(ctx, ctx.body.channel, ctx.body.ts);
  if ('answer' in found) return found.answer;
  ctx.state.messages.delete(ctx.state.messageKey(found.message.channel, found.message.ts));
  return ok({ channel: found.message.channel, ts: found.message.ts });
}

function getPermalink(ctx: MethodContext) {
  const { body, state } = ctx;
  const refusal = requireFields(body, 'channel', 'message_ts');
  if (refusal) return refusal;
  const target = resolveChannel(ctx, body.channel, false);
  if (!target.ok) return target.answer;
  const ts = asString(body.message_ts) ?? '';
  if (!state.messages.has(state.messageKey(target.id, ts))) return fail('message_not_found');
  const permalink = `https://${state.options.team.domain}.slack.com/archives/${target.id}/p${ts.replace('.', '')}`;
  return ok({ channel: target.id, permalink });
}

/** chat.unfurl: channel+ts or unfurl_id+source; `unfurls` maps each shared URL to blocks checked as an unfurl. */
function unfurl(ctx: MethodContext) {
  const { body } = ctx;
  const byId = body.unfurl_id !== undefined;
  const refusal = byId ? requireFields(body, 'unfurl_id', 'source') : requireFields(body, 'channel', 'ts');
  if (refusal) return refusal;
  if (!byId) {
    const target = resolveChannel(ctx, body.channel, false);
    if (!target.ok) return target.answer;
  }
  const unfurls = body.unfurls;
  if (unfurls === undefined) return fail('missing_unfurls');
  if (typeof unfurls !== 'object' || unfurls === null || Array.isArray(unfurls)) return fail('invalid_unfurls_format');
  const violations: PointedViolation[] = [];
  for (const [url, value] of Object.entries(unfurls as JsonBody)) {
    if (typeof value !== 'object' || value === null) return fail('invalid_unfurls_format');
    const blocks = (value as JsonBody).blocks;
    if (blocks !== undefined && !Array.isArray(blocks)) return fail('invalid_unfurls_format');
    violations.push(...withPrefix(`/unfurls/${url.replace(/~/g, '~0').replace(/\//g, '~1')}`, checkMessageLimits({ blocks }, 'unfurl')));
  }
  if (body.user_auth_blocks !== undefined) {
    violations.push(...withPrefix('/user_auth_blocks', checkMessageLimits({ blocks: body.user_auth_blocks as unknown[] }, 'message')));
  }
  return violations.length > 0 ? blockKitRefusal('invalid_blocks', violations) : ok();
}

function storeMessage(ctx: MethodContext, channel: string, body: JsonBody): StoredMessage {
  const { state } = ctx;
  const message: StoredMessage = {
    channel,
    ts: state.nextTs(),
    text: asString(body.text),
    blocks: body.blocks as unknown[] | undefined,
    threadTs: asString(body.thread_ts),
    user: state.options.bot.userId,
    metadata: body.metadata,
  };
  state.messages.set(state.messageKey(channel, message.ts), message);
  return message;
}

/** Only the app's own, still existing messages can be changed: message_not_found / cant_update_message otherwise. */
function findOwnMessage(ctx: MethodContext, channelValue: unknown, tsValue: unknown): { message: StoredMessage } | { answer: ReturnType<typeof fail> } {
  const target = resolveChannel(ctx, channelValue, false);
  if (!target.ok) return { answer: target.answer };
  const message = ctx.state.messages.get(ctx.state.messageKey(target.id, asString(tsValue) ?? ''));
  if (!message) return { answer: fail('message_not_found') };
  if (message.user !== ctx.state.options.bot.userId) return { answer: fail('cant_update_message') };
  return { message };
}

function renderMessage(ctx: MethodContext, message: StoredMessage): JsonBody {
  const { bot, team } = ctx.state.options;
  return {
    type: 'message',
    text: message.text ?? '',
    user: bot.userId,
    bot_id: bot.botId,
    app_id: bot.appId,
    ts: message.ts,
    team: team.id,
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    bot_profile: { id: bot.botId, app_id: bot.appId, name: bot.name, team_id: team.id, deleted: false },
  };
}
