import type { Entity } from './entity.ts';

/** Holds the channel's id (`C…` or, for older private channels, `G…`). */
const TEAM_CHANNEL_ID_KEY = 'slack.com/channel-id';

/** Name a group's Slack channel, first one set wins: `slack.com/channel-name` is Callboard's own, the others are common in Backstage catalogs. */
const TEAM_CHANNEL_NAME_KEYS = ['slack.com/channel-name', 'slack.com/channel', 'slack-channel'] as const;

/** A group's Slack channel as its annotations give it; each part is absent when no annotation sets it. */
export interface TeamChannel {
  /** `slack.com/channel-id`. */
  id?: string;
  /** The first name annotation set. It may still be an id (`slack.com/channel: C0123ABCD`): see isSlackChannelId. */
  name?: string;
}

/** An annotation value as people write channels: surrounding spaces and a leading `#` dropped; blank counts as unset. */
const channelValue = (value: string | undefined): string | undefined => value?.trim().replace(/^#/, '') || undefined;

/**
 * The Slack channel a group's annotations name, read the same way by every view of a team (Slack cards, the CLI,
 * the docs header). A blank annotation does not hide the next one.
 */
export const readTeamChannel = (entity: Pick<Entity, 'metadata'>): TeamChannel => {
  const annotations = entity.metadata.annotations ?? {};
  const id = channelValue(annotations[TEAM_CHANNEL_ID_KEY]);
  const name = TEAM_CHANNEL_NAME_KEYS.map((key) => channelValue(annotations[key])).find((value) => value !== undefined);
  return { ...(id ? { id } : {}), ...(name ? { name } : {}) };
};

/** Whether a channel value is an id rather than a name: Slack channel names are lower case, ids are `C`/`G` and upper case. */
export const isSlackChannelId = (value: string): boolean => /^[CG][A-Z0-9]{8,}$/.test(value);
