import { DEFAULT_WORKSPACE, VERIFICATION_TOKEN, nextId, nextSlackTs, type SlackInbound, type WorkspaceRef } from './inbound.ts';

/** Slash commands (§2.1) and interactive payloads (§2.2), shaped as Slack sends them. */

export interface SlashCommandInput {
  command: string;
  text?: string;
  userId: string;
  userName?: string;
  channelId: string;
  channelName?: string;
  /** From `fake.mintTriggerId()`: Slack always sends one. */
  triggerId: string;
  /** From `fake.mintResponseUrl()`: Slack always sends one. */
  responseUrl: string;
  workspace?: WorkspaceRef;
}

/** Every field is a string, including `is_enterprise_install`, because Slack sends a form. */
export function slashCommand(input: SlashCommandInput): SlackInbound {
  const { team, bot } = input.workspace ?? DEFAULT_WORKSPACE;
  const payload = {
    token: VERIFICATION_TOKEN,
    team_id: team.id,
    team_domain: team.domain,
    channel_id: input.channelId,
    channel_name: input.channelName ?? 'general',
    user_id: input.userId,
    user_name: input.userName ?? input.userId.toLowerCase(),
    command: input.command,
    text: input.text ?? '',
    api_app_id: bot.appId,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  };
  return { kind: 'slash_commands', payload };
}

/** One clicked/selected element: `type` defaults to button; add value / selected_option / … as the element sends. */
export interface ActionInput {
  action_id: string;
  block_id: string;
  type?: string;
  [field: string]: unknown;
}

export interface BlockActionsInput {
  userId: string;
  actions: ActionInput[];
  triggerId: string;
  /** The message the element sits in; Slack then also sends a response_url. */
  message?: { channelId: string; ts: string; text?: string; blocks?: unknown[]; channelName?: string; isEphemeral?: boolean };
  responseUrl?: string;
  /** The modal or Home view the element sits in (e.g. from `fake.openModals()`); no response_url then. */
  view?: Record<string, unknown>;
  stateValues?: Record<string, Record<string, unknown>>;
  workspace?: WorkspaceRef;
}

export function blockActions(input: BlockActionsInput): SlackInbound {
  const { team, bot } = input.workspace ?? DEFAULT_WORKSPACE;
  const actions = input.actions.map((action) => ({ type: 'button', action_ts: nextSlackTs(), ...action }));
  const source = input.message ? messageSource(input) : { container: { type: 'view', view_id: input.view?.id }, view: input.view };
  const payload = {
    ...envelope('block_actions', input.userId, team),
    api_app_id: bot.appId,
    trigger_id: input.triggerId,
    ...source,
    state: { values: input.stateValues ?? {} },
    actions,
  };
  return { kind: 'interactive', payload };
}

function messageSource(input: BlockActionsInput): Record<string, unknown> {
  const message = input.message ?? { channelId: '', ts: '' };
  if (!input.responseUrl) throw new Error('block_actions from a message needs a responseUrl (mint one with fake.mintResponseUrl())');
  return {
    container: { type: 'message', message_ts: message.ts, channel_id: message.channelId, is_ephemeral: message.isEphemeral ?? false },
    channel: { id: message.channelId, name: message.channelName ?? 'general' },
    message: { type: 'message', ts: message.ts, text: message.text ?? '', blocks: message.blocks ?? [] },
    response_url: input.responseUrl,
  };
}

export interface ViewSubmissionInput {
  userId: string;
  /** The view as opened (e.g. `fake.openModals().at(-1)`), or at least `{ callback_id, blocks }`. */
  view: Record<string, unknown>;
  /** `state.values[block_id][action_id] = { type, value | selected_option | … }`. */
  values: Record<string, Record<string, unknown>>;
  triggerId: string;
  responseUrls?: { block_id: string; action_id: string; channel_id: string; response_url: string }[];
  workspace?: WorkspaceRef;
}

export function viewSubmission(input: ViewSubmissionInput): SlackInbound {
  const { team, bot } = input.workspace ?? DEFAULT_WORKSPACE;
  const id = typeof input.view.id === 'string' ? input.view.id : nextId('V');
  const view = {
    type: 'modal',
    private_metadata: '',
    callback_id: '',
    external_id: '',
    hash: `${Math.floor(Date.now() / 1000)}.fakehash`,
    clear_on_close: false,
    notify_on_close: false,
    root_view_id: id,
    previous_view_id: null,
    ...input.view,
    id,
    team_id: team.id,
    state: { values: input.values },
    app_id: bot.appId,
    bot_id: bot.botId,
    app_installed_team_id: team.id,
  };
  const payload = {
    ...envelope('view_submission', input.userId, team),
    api_app_id: bot.appId,
    trigger_id: input.triggerId,
    view,
    response_urls: input.responseUrls ?? [],
  };
  return { kind: 'interactive', payload };
}

export interface BlockSuggestionInput {
  userId: string;
  action_id: string;
  block_id: string;
  /** What the person typed into the external select. */
  value: string;
  /** The modal the select sits in (e.g. `fake.openModals().at(-1)`). */
  view: Record<string, unknown>;
  workspace?: WorkspaceRef;
}

/**
 * Typing in an external select (reference §2.2): no trigger_id, no response_url; the modal as its `view` and a
 * `container` naming it. Bolt classifies it by `type: block_suggestion` and the app acks with its options.
 */
export function blockSuggestion(input: BlockSuggestionInput): SlackInbound {
  const { team, bot } = input.workspace ?? DEFAULT_WORKSPACE;
  const payload = {
    ...envelope('block_suggestion', input.userId, team),
    api_app_id: bot.appId,
    action_id: input.action_id,
    block_id: input.block_id,
    value: input.value,
    container: { type: 'view', view_id: input.view.id },
    view: input.view,
  };
  return { kind: 'interactive', payload };
}

export function globalShortcut(input: { callbackId: string; userId: string; triggerId: string; workspace?: WorkspaceRef }): SlackInbound {
  const { team } = input.workspace ?? DEFAULT_WORKSPACE;
  const payload = {
    ...envelope('shortcut', input.userId, team),
    action_ts: nextSlackTs(),
    callback_id: input.callbackId,
    trigger_id: input.triggerId,
  };
  return { kind: 'interactive', payload };
}

export interface MessageShortcutInput {
  callbackId: string;
  userId: string;
  triggerId: string;
  responseUrl: string;
  channelId: string;
  message: { ts: string; text: string; user: string };
  workspace?: WorkspaceRef;
}

export function messageShortcut(input: MessageShortcutInput): SlackInbound {
  const { team } = input.workspace ?? DEFAULT_WORKSPACE;
  const payload = {
    ...envelope('message_action', input.userId, team),
    action_ts: nextSlackTs(),
    channel: { id: input.channelId, name: 'general' },
    callback_id: input.callbackId,
    trigger_id: input.triggerId,
    response_url: input.responseUrl,
    message_ts: input.message.ts,
    message: { type: 'message', ...input.message },
  };
  return { kind: 'interactive', payload };
}

/** The fields every interactive payload carries (§2.2), whatever its type. */
function envelope(type: string, userId: string, team: WorkspaceRef['team']): Record<string, unknown> {
  return {
    type,
    token: VERIFICATION_TOKEN,
    team: { id: team.id, domain: team.domain },
    user: user(userId, team.id),
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** Bolt reads `user.id` unconditionally on interactive payloads (reference §2.5). */
function user(id: string, teamId: string): Record<string, string> {
  return { id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: teamId };
}
