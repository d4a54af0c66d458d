/** Identity of the fake workspace, shared by the Web API fake, the Socket Mode fake and the payload builders. */

export interface FakeTeam {
  id: string;
  name: string;
  domain: string;
}

export interface FakeBot {
  userId: string;
  botId: string;
  appId: string;
  name: string;
}

/** A workspace member the test seeds; users.info / users.lookupByEmail only know these. */
export interface FakeUser {
  id: string;
  name: string;
  realName?: string;
  email?: string;
  tz?: string;
  isBot?: boolean;
  deleted?: boolean;
}

/** A conversation the test seeds; every other channel id answers channel_not_found. */
export interface FakeChannel {
  id: string;
  name: string;
  isPrivate?: boolean;
  isArchived?: boolean;
  /** Whether the bot is a member; default true. False makes chat.* answer not_in_channel. */
  botIsMember?: boolean;
  /** Members for chat.postEphemeral's user_not_in_channel; absent means everyone is in. */
  members?: string[];
  /** conversations.info's `topic.value` and `purpose.value`; empty by default. */
  topic?: string;
  purpose?: string;
}

export const DEFAULT_TEAM: FakeTeam = { id: 'T0CALLBOARD', name: 'Callboard Test', domain: 'callboard-test' };
export const DEFAULT_BOT: FakeBot = { userId: 'U0CALLBOT', botId: 'B0CALLBOT', appId: 'A0CALLBOARD', name: 'callboard' };
export const DEFAULT_BOT_TOKEN = 'xoxb-0000-fake-callboard-bot';
export const DEFAULT_APP_TOKEN = 'xapp-1-A0CALLBOARD-0000-fake';

/**
 * The app's DM with a user, as Slack names it: `D` and at least 8 more characters (files.completeUploadExternal
 * checks `^[CGDZ][A-Z0-9]{8,}$`), so the short user ids tests use are padded: U0ALICE → D0ALICE00.
 */
export function dmChannelIdOf(userId: string): string {
  return `D${userId.slice(1).padEnd(8, '0')}`;
}

/** The JSON shape users.info returns for a seeded user. */
export function renderUser(user: FakeUser, team: FakeTeam): Record<string, unknown> {
  const realName = user.realName ?? user.name;
  return {
    id: user.id,
    team_id: team.id,
    name: user.name,
    deleted: user.deleted ?? false,
    real_name: realName,
    tz: user.tz ?? 'Europe/London',
    tz_label: 'Greenwich Mean Time',
    tz_offset: 0,
    is_admin: false,
    is_owner: false,
    is_bot: user.isBot ?? false,
    is_app_user: false,
    updated: 1_700_000_000,
    profile: {
      real_name: realName,
      display_name: user.name,
      ...(user.email ? { email: user.email } : {}),
      image_48: `https://avatars.invalid/${user.id}_48.png`,
      team: team.id,
    },
  };
}

/** The JSON shape conversations.info returns for a seeded channel. */
export function renderChannel(channel: FakeChannel, team: FakeTeam): Record<string, unknown> {
  const isPrivate = channel.isPrivate ?? false;
  return {
    id: channel.id,
    name: channel.name,
    name_normalized: channel.name,
    is_channel: !isPrivate,
    is_group: isPrivate,
    is_im: false,
    is_mpim: false,
    is_private: isPrivate,
    is_archived: channel.isArchived ?? false,
    is_general: false,
    is_member: channel.botIsMember ?? true,
    created: 1_700_000_000,
    creator: 'U0CREATOR',
    topic: { value: channel.topic ?? '', creator: channel.topic ? 'U0CREATOR' : '', last_set: channel.topic ? 1_700_000_000 : 0 },
    purpose: { value: channel.purpose ?? '', creator: channel.purpose ? 'U0CREATOR' : '', last_set: channel.purpose ? 1_700_000_000 : 0 },
    context_team_id: team.id,
  };
}
