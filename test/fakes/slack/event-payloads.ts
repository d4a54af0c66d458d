import { DEFAULT_WORKSPACE, VERIFICATION_TOKEN, nextId, nextSlackTs, type SlackInbound, type WorkspaceRef } from './inbound.ts';
import { dmChannelIdOf } from './workspace.ts';

/** Events API envelopes (§2.3) and the events this bot uses (§2.4). */

/** Wraps an inner event the way Slack does, with `authorizations` (Bolt reads the team from it). */
export function eventCallback(event: Record<string, unknown>, options: { workspace?: WorkspaceRef; eventId?: string } = {}): SlackInbound {
  const { team, bot } = options.workspace ?? DEFAULT_WORKSPACE;
  const payload = {
    token: VERIFICATION_TOKEN,
    team_id: team.id,
    api_app_id: bot.appId,
    event: { event_ts: nextSlackTs(), ...event },
    type: 'event_callback',
    event_id: options.eventId ?? nextId('Ev'),
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: team.id, user_id: bot.userId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-fake-${team.id}`,
  };
  return { kind: 'events_api', payload };
}

/** HTTP only (Socket Mode never sends it); it must be signed too (reference §8.2). */
export function urlVerification(challenge: string): SlackInbound {
  return { kind: 'events_api', payload: { token: VERIFICATION_TOKEN, challenge, type: 'url_verification' } };
}

/** The text always contains the bot mention, so one is prepended when `text` lacks it. */
export function appMention(input: { userId: string; channelId: string; text: string; threadTs?: string; workspace?: WorkspaceRef }): SlackInbound {
  const { team, bot } = input.workspace ?? DEFAULT_WORKSPACE;
  const mention = `<@${bot.userId}>`;
  const ts = nextSlackTs();
  const event = {
    type: 'app_mention',
    user: input.userId,
    text: input.text.includes(mention) ? input.text : `${mention} ${input.text}`,
    ts,
    channel: input.channelId,
    team: team.id,
    ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
    event_ts: ts,
  };
  return eventCallback(event, input);
}

export function appHomeOpened(input: {
  userId: string;
  channelId?: string;
  tab?: 'home' | 'messages';
  view?: Record<string, unknown>;
  workspace?: WorkspaceRef;
}): SlackInbound {
  const event = {
    type: 'app_home_opened',
    user: input.userId,
    channel: input.channelId ?? dmChannelIdOf(input.userId),
    tab: input.tab ?? 'home',
    ...(input.view ? { view: input.view } : {}),
  };
  return eventCallback(event, input);
}

export interface LinkSharedInput {
  userId: string;
  links: { domain: string; url: string }[];
  /** A channel id, or omitted for a link typed in the composer (channel `COMPOSER`, source `composer`). */
  channelId?: string;
  messageTs?: string;
  threadTs?: string;
  workspace?: WorkspaceRef;
}

export function linkShared(input: LinkSharedInput): SlackInbound {
  const fromComposer = input.channelId === undefined;
  const event = {
    type: 'link_shared',
    channel: input.channelId ?? 'COMPOSER',
    user: input.userId,
    message_ts: input.messageTs ?? (fromComposer ? `${nextId('composer-')}` : nextSlackTs()),
    ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
    links: input.links,
    unfurl_id: nextId('C-unfurl-'),
    source: fromComposer ? 'composer' : 'conversations_history',
    is_bot_user_member: true,
  };
  return eventCallback(event, input);
}

export interface MessageEventInput {
  userId: string;
  channelId: string;
  text: string;
  channelType?: 'channel' | 'group' | 'im' | 'mpim';
  threadTs?: string;
  workspace?: WorkspaceRef;
}

/** `message` with `channel_type`; Bolt rejects `message.channels`-style names (reference §2.3). */
export function messageEvent(input: MessageEventInput): SlackInbound {
  const { team } = input.workspace ?? DEFAULT_WORKSPACE;
  const ts = nextSlackTs();
  const event = {
    type: 'message',
    user: input.userId,
    text: input.text,
    ts,
    channel: input.channelId,
    channel_type: input.channelType ?? 'channel',
    team: team.id,
    client_msg_id: nextId('msg-'),
    ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
    event_ts: ts,
  };
  return eventCallback(event, input);
}

/**
 * `channel_rename` (scope channels:read; private channels send `group_rename` instead): the channel's new name,
 * after `fake.renameChannel`. No user or channel at the top level, unlike message events.
 */
export function channelRename(input: { channelId: string; name: string; created?: number; workspace?: WorkspaceRef }): SlackInbound {
  const event = {
    type: 'channel_rename',
    channel: { id: input.channelId, name: input.name, name_normalized: input.name, created: input.created ?? 1_700_000_000, is_channel: true, is_mpim: false },
  };
  return eventCallback(event, input);
}

/**
 * `channel_created` (scope channels:read; public channels only): `channel` is an object (reference §2.4), with the
 * creator. Seed the channel in the fake too (`botIsMember: false`: nobody invited the bot yet).
 */
export function channelCreated(input: { channelId: string; name: string; creator: string; eventId?: string; workspace?: WorkspaceRef }): SlackInbound {
  const { team } = input.workspace ?? DEFAULT_WORKSPACE;
  const event = {
    type: 'channel_created',
    channel: {
      id: input.channelId,
      name: input.name,
      name_normalized: input.name,
      created: 1_700_000_000,
      creator: input.creator,
      is_channel: true,
      is_private: false,
      is_archived: false,
      is_shared: false,
      is_org_shared: false,
      context_team_id: team.id,
    },
  };
  return eventCallback(event, input);
}

/**
 * `member_joined_channel` (channels:read / groups:read): `channel_type` is one letter, `C` public or `G` private;
 * `inviter` is absent when the member joined by itself (the bot's own conversations.join).
 */
export function memberJoinedChannel(input: {
  userId: string;
  channelId: string;
  channelType: 'C' | 'G';
  inviter?: string;
  eventId?: string;
  workspace?: WorkspaceRef;
}): SlackInbound {
  const { team } = input.workspace ?? DEFAULT_WORKSPACE;
  const event = {
    type: 'member_joined_channel',
    user: input.userId,
    channel: input.channelId,
    channel_type: input.channelType,
    team: team.id,
    ...(input.inviter ? { inviter: input.inviter } : {}),
  };
  return eventCallback(event, input);
}
