import type { KnownBlock } from '@slack/types';
import type { Entity } from '../../core/catalog/entity.ts';
import { entityRefOf } from '../../core/catalog/refs.ts';
import { escapeMrkdwn, mention, truncate } from '../mrkdwn.ts';
import { contextBlock, plural, sectionBlock } from './blocks.ts';
import { displayNameOf, refCode } from './entity-text.ts';
import { teamChannelText } from './owner-text.ts';
import { ephemeralMessage, type SlackMessage } from './slack-message.ts';

export interface WhoamiIdentity {
  slackUserId: string;
  /** The email on the Slack profile, when the app may read it (users:read.email). */
  email?: string;
  /** The catalog User whose `spec.profile.email` matches. */
  user?: Entity;
  groups: Entity[];
}

const MAX_GROUPS = 20;

const groupLine = (group: Entity): string => {
  const channel = teamChannelText(group);
  return `• *${escapeMrkdwn(truncate(displayNameOf(group), 100))}* ${refCode(entityRefOf(group))}${channel ? `  ${channel}` : ''}`;
};

const userText = (identity: WhoamiIdentity): string => {
  if (!identity.email)
    return ':grey_question: Callboard cannot see the email on your Slack profile, so it cannot find you in the catalog. The app needs the `users:read.email` scope.';
  const email = escapeMrkdwn(identity.email);
  if (!identity.user) return `:grey_question: No User in the catalog has the email *${email}*. Add it as \`spec.profile.email\` on your User entity and sync.`;
  return `In the catalog you are *${escapeMrkdwn(displayNameOf(identity.user))}* ${refCode(entityRefOf(identity.user))} (${email}).`;
};

const groupsText = (identity: WhoamiIdentity): string | undefined => {
  if (!identity.user) return undefined;
  if (identity.groups.length === 0) return 'You are not a member of any group. Add `spec.memberOf` to your User entity to see your teams here.';
  const lines = identity.groups.slice(0, MAX_GROUPS).map(groupLine);
  const more = identity.groups.length - lines.length;
  return [`*Your groups (${identity.groups.length})*`, ...lines, ...(more > 0 ? [`…and ${plural(more, 'more group')}`] : [])].join('\n');
};

/** Who Callboard thinks you are: Slack user, the catalog User matched by email, and that user's groups. */
export const whoamiView = (identity: WhoamiIdentity): SlackMessage => {
  const blocks: KnownBlock[] = [sectionBlock(`You are ${mention(identity.slackUserId)} in Slack.\n${userText(identity)}`, 'whoami.user')];
  const groups = groupsText(identity);
  if (groups) blocks.push(sectionBlock(groups, 'whoami.groups'));
  blocks.push(contextBlock(['Callboard matches you to the catalog by the email on your Slack profile.'], 'whoami.hint'));
  const fallback = identity.user ? `You are ${escapeMrkdwn(displayNameOf(identity.user))} in the catalog.` : 'You are not matched to a catalog User.';
  return ephemeralMessage(fallback, blocks);
};
