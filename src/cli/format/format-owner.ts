import type { Entity } from '../../core/catalog/entity.ts';
import { isSlackChannelId, readTeamChannel } from '../../core/catalog/read-team-channel.ts';
import type { OwnerAnswer } from '../../core/catalog-reader/catalog-answers.ts';

const profileOf = (entity: Entity): { displayName?: string; email?: string } => (entity.spec?.profile ?? {}) as { displayName?: string; email?: string };

const describePerson = (user: Entity): string => {
  const profile = profileOf(user);
  return `${profile.displayName ?? user.metadata.name}${profile.email ? ` <${profile.email}>` : ''}`;
};

/** "Who owns X" as text: the team with its contacts, its members, and where X sits in the org. */
export const formatOwner = (answer: OwnerAnswer): string => {
  const { entity, owner } = answer;
  const lines = [`${entity.kind} ${entity.metadata.name}${entity.spec?.lifecycle ? ` (${String(entity.spec.lifecycle)})` : ''}`];
  if (!answer.ownerRef) return [...lines, 'No owner is recorded for it.'].join('\n');
  if (!owner) return [...lines, `Owner: ${answer.ownerRef} — which is not in the catalog.`].join('\n');
  const profile = profileOf(owner);
  lines.push(`Owner: ${owner.metadata.title ?? profile.displayName ?? owner.metadata.name} (${answer.ownerRef})`);
  if (owner.metadata.description) lines.push(`  ${owner.metadata.description}`);
  if (profile.email) lines.push(`  email: ${profile.email}`);
  const { id: channelId, name: channelName } = readTeamChannel(owner);
  const channel = channelName ?? channelId;
  if (channel) lines.push(`  slack: ${isSlackChannelId(channel) ? `channel ${channel}` : `#${channel}`}`);
  if (answer.parent) lines.push(`  part of: ${answer.parent.metadata.title ?? answer.parent.metadata.name}`);
  if (answer.members.length > 0) lines.push('Members:', ...answer.members.map((member) => `  ${describePerson(member)}`));
  if (answer.systemRef) lines.push(`System: ${answer.systemRef}${answer.domainRef ? ` (domain ${answer.domainRef})` : ''}`);
  for (const link of entity.metadata.links ?? []) lines.push(`Link: ${link.title ? `${link.title}: ` : ''}${link.url}`);
  return lines.join('\n');
};
