import { asString, fail, ok, requireFields } from './answers.ts';
import { listConversations } from './conversations-list.ts';
import { checkScopes, resolveChannel, type MethodContext, type RouteTable } from './method-route.ts';
import { renderChannel, renderUser } from './workspace.ts';

/** auth.test, users.* and conversations.*: answers from the users and channels the test seeded. */

export const directoryRoutes: RouteTable = {
  'auth.test': { token: 'bot', handle: authTest },
  'users.info': { token: 'bot', scopes: ['users:read'], handle: usersInfo },
  'users.lookupByEmail': { token: 'bot', scopes: ['users:read.email'], handle: lookupByEmail },
  'conversations.info': { token: 'bot', scopes: ['channels:read', 'groups:read', 'im:read', 'mpim:read'], handle: conversationsInfo },
  'conversations.join': { token: 'bot', scopes: ['channels:join'], handle: conversationsJoin },
  // Scopes depend on the `types` asked for, so the route checks them itself.
  'conversations.list': { token: 'bot', handle: listConversations },
};

/** Bolt calls auth.test at construction and needs user_id and bot_id from it (reference §8.15). */
function authTest({ state }: MethodContext) {
  const { team, bot } = state.options;
  return ok({
    url: `https://${team.domain}.slack.com/`,
    team: team.name,
    user: bot.name,
    team_id: team.id,
    user_id: bot.userId,
    bot_id: bot.botId,
    app_id: bot.appId,
    is_enterprise_install: false,
  });
}

function usersInfo({ body, state }: MethodContext) {
  const refusal = requireFields(body, 'user');
  if (refusal) return refusal;
  const user = state.users.get(asString(body.user) ?? '');
  return user ? ok({ user: renderUser(user, state.options.team) }) : fail('user_not_found');
}

/** Note the plural: users.lookupByEmail fails with users_not_found, unlike users.info. */
function lookupByEmail({ body, state }: MethodContext) {
  const refusal = requireFields(body, 'email');
  if (refusal) return refusal;
  const email = (asString(body.email) ?? '').toLowerCase();
  const user = [...state.users.values()].find((candidate) => candidate.email?.toLowerCase() === email);
  return user ? ok({ user: renderUser(user, state.options.team) }) : fail('users_not_found');
}

function conversationsInfo(ctx: MethodContext) {
  const refusal = requireFields(ctx.body, 'channel');
  if (refusal) return refusal;
  const target = resolveChannel(ctx, ctx.body.channel, false);
  if (!target.ok) return target.answer;
  if (!target.channel) return ok({ channel: { id: target.id, is_im: true, is_channel: false, is_private: true, is_member: true } });
  // Each conversation type needs its own read scope: a public channel channels:read, a private one groups:read.
  const scopeRefusal = checkScopes(ctx.state, [target.channel.isPrivate ? 'groups:read' : 'channels:read']);
  if (scopeRefusal) return scopeRefusal;
  return ok({ channel: renderChannel(target.channel, ctx.state.options.team) });
}

/** Joining: public channels only; already a member answers ok plus an already_in_channel warning. */
function conversationsJoin(ctx: MethodContext) {
  const { body, state } = ctx;
  const refusal = requireFields(body, 'channel');
  if (refusal) return refusal;
  const channel = state.channels.get(asString(body.channel) ?? '');
  if (!channel) return state.userForDm(asString(body.channel) ?? '') ? fail('method_not_supported_for_channel_type') : fail('channel_not_found');
  if (channel.isPrivate) return fail(channel.botIsMember === false ? 'channel_not_found' : 'method_not_supported_for_channel_type');
  if (channel.isArchived) return fail('is_archived');
  const already = channel.botIsMember ?? true;
  channel.botIsMember = true;
  const rendered = { channel: renderChannel(channel, state.options.team) };
  if (!already) return ok(rendered);
  return ok({ ...rendered, warning: 'already_in_channel', response_metadata: { warnings: ['already_in_channel'] } });
}
