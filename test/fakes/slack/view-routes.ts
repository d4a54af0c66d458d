import { VIEW_SIZE_LIMIT, checkViewLimits } from '../../helpers/block-kit/check-block-kit-limits.ts';
import { asString, blockKitRefusal, fail, ok, requireFields, withPrefix, type JsonBody, type SlackAnswer } from './answers.ts';
import type { StoredView } from './fake-state.ts';
import type { MethodContext, RouteTable } from './method-route.ts';

/** views.*: strict triggers (3 s, single use), a modal stack of at most 3, hashes, and Home tabs per user. */

export const viewRoutes: RouteTable = {
  'views.open': { token: 'bot', handle: (ctx) => openOrPush(ctx, 'open') },
  'views.push': { token: 'bot', handle: (ctx) => openOrPush(ctx, 'push') },
  'views.update': { token: 'bot', handle: update },
  'views.publish': { token: 'bot', handle: publish },
};

const MAX_STACK = 3;

function openOrPush(ctx: MethodContext, mode: 'open' | 'push'): SlackAnswer {
  const { body, state } = ctx;
  const triggerField = body.interactivity_pointer !== undefined ? 'interactivity_pointer' : 'trigger_id';
  const refusal = requireFields(body, triggerField, 'view') ?? checkView(body.view, 'modal');
  if (refusal) return refusal;
  if (mode === 'push' && state.modalStack.length === 0)
    return fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] no modal is open to push onto'] } });
  if (mode === 'push' && state.modalStack.length >= MAX_STACK) return fail('push_limit_reached');
  const triggerRefusal = exchangeTrigger(ctx, asString(body[triggerField]) ?? '');
  if (triggerRefusal) return triggerRefusal;
  const duplicate = findDuplicateExternalId(ctx, body.view as JsonBody);
  if (duplicate) return duplicate;
  const previous = state.modalStack.at(-1);
  const view = storeView(ctx, body.view as JsonBody, { root: state.modalStack[0], previous: mode === 'push' ? previous : undefined });
  state.modalStack = mode === 'open' ? [view.id] : [...state.modalStack, view.id];
  return ok({ view: view.json });
}

/** views.update by view_id or external_id; a stale `hash` answers hash_conflict. */
function update(ctx: MethodContext): SlackAnswer {
  const { body, state } = ctx;
  if (body.view_id === undefined && body.external_id === undefined) return requireFields(body, 'view_id') ?? fail('invalid_arguments');
  const refusal = requireFields(body, 'view');
  if (refusal) return refusal;
  const stored = body.view_id !== undefined ? state.views.get(asString(body.view_id) ?? '') : findByExternalId(ctx, body.external_id);
  if (!stored) return fail('not_found');
  const typeRefusal = checkView(body.view, String(stored.json.type));
  if (typeRefusal) return typeRefusal;
  if (body.hash !== undefined && body.hash !== stored.hash) return fail('hash_conflict');
  const view = storeView(ctx, body.view as JsonBody, {
    id: stored.id,
    root: asString(stored.json.root_view_id),
    previous: asString(stored.json.previous_view_id),
  });
  return ok({ view: view.json });
}

/** views.publish: a home view for a seeded user; not_enabled when the Home tab is off. */
function publish(ctx: MethodContext): SlackAnswer {
  const { body, state } = ctx;
  const refusal = requireFields(body, 'user_id', 'view') ?? checkView(body.view, 'home');
  if (refusal) return refusal;
  if (!state.options.homeTabEnabled) return fail('not_enabled');
  const userId = asString(body.user_id) ?? '';
  if (!state.users.has(userId)) return fail('user_not_found');
  const existing = state.views.get(state.homeViews.get(userId) ?? '');
  if (body.hash !== undefined && existing && body.hash !== existing.hash) return fail('hash_conflict');
  const view = storeView(ctx, body.view as JsonBody, { id: existing?.id });
  state.homeViews.set(userId, view.id);
  return ok({ view: view.json });
}

/** Size first (view_too_large), then the limits checker (invalid_arguments with /view pointers), then the surface. */
function checkView(view: unknown, expectedType: string): SlackAnswer | undefined {
  if (typeof view !== 'object' || view === null)
    return fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] failed to match all allowed schemas [json-pointer:/view]'] } });
  if (Buffer.byteLength(JSON.stringify(view)) > VIEW_SIZE_LIMIT) return fail('view_too_large');
  const violations = checkViewLimits(view);
  if (violations.length > 0) return blockKitRefusal('invalid_arguments', withPrefix('/view', violations));
  const type = (view as JsonBody).type;
  if (type !== expectedType) {
    return fail('invalid_arguments', {
      response_metadata: { messages: [`[ERROR] view type must be ${expectedType} here, not ${String(type)} [json-pointer:/view/type]`] },
    });
  }
  return undefined;
}

/** Triggers live 3 s and work once (reference §1.5); unknown ones were never minted by this fake. */
function exchangeTrigger({ state }: MethodContext, triggerId: string): SlackAnswer | undefined {
  const trigger = state.triggers.get(triggerId);
  if (!trigger) return fail('invalid_trigger_id');
  if (trigger.uses > 0) return fail('exchanged_trigger_id');
  if (state.now() - trigger.issuedAt > state.options.triggerTtlMs) return fail('expired_trigger_id');
  trigger.uses += 1;
  return undefined;
}

function findByExternalId({ state }: MethodContext, externalId: unknown): StoredView | undefined {
  return [...state.views.values()].find((view) => externalId !== undefined && view.json.external_id === externalId);
}

function findDuplicateExternalId(ctx: MethodContext, view: JsonBody): SlackAnswer | undefined {
  const externalId = asString(view.external_id);
  return externalId && findByExternalId(ctx, externalId) ? fail('duplicate_external_id') : undefined;
}

/** Stores the view as Slack echoes it back: the given fields plus id, hash, state and stack pointers. */
function storeView(ctx: MethodContext, view: JsonBody, links: { id?: string; root?: string; previous?: string }): StoredView {
  const { state } = ctx;
  const { team, bot } = state.options;
  const id = links.id ?? state.nextId('V');
  const hash = state.hash();
  const json: JsonBody = {
    id,
    team_id: team.id,
    private_metadata: '',
    callback_id: '',
    external_id: '',
    state: { values: {} },
    clear_on_close: false,
    notify_on_close: false,
    ...view,
    hash,
    root_view_id: links.root ?? id,
    previous_view_id: links.previous ?? null,
    app_id: bot.appId,
    bot_id: bot.botId,
    app_installed_team_id: team.id,
  };
  const stored = { id, hash, json };
  state.views.set(id, stored);
  return stored;
}
