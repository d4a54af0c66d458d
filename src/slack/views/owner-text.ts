import type { Entity, EntityLink } from '../../core/catalog/entity.ts';
import { entityRefOf } from '../../core/catalog/refs.ts';
import type { OwnerAnswer } from '../../core/catalog-reader/catalog-answers.ts';
import { channelMention, escapeMrkdwn, link, mention, safeUrl, truncate } from '../mrkdwn.ts';
import { fitLines } from './blocks.ts';
import { displayNameOf, profileOf, refCode } from './entity-text.ts';

/** Texts of the owner answer, shared by the full owner view and the compact unfurl card. All escaped mrkdwn. */

const MAX_MEMBERS = 20;
const MAX_LINKS = 10;
const MAX_DESCRIPTION = 500;

/** A link to a Slack channel (`https://acme.slack.com/archives/C…`) among the group's links, if any. */
const channelArchiveUrl = (owner: Entity): string | undefined =>
  owner.metadata.links?.map((entry) => entry.url).find((url) => /^https:\/\/[\w-]+\.(?:enterprise\.)?slack\.com\/archives\/[CG][A-Z0-9]+\/?$/.test(url));

/**
 * The team channel: `<#C…>` from a channel id annotation; else the name, linked to the channel's
 * archive URL when the group lists one (a bare `#name` does not link in blocks).
 */
export const teamChannelText = (owner: Entity): string | undefined => {
  const annotations = owner.metadata.annotations ?? {};
  const id = annotations['slack.com/channel-id'];
  if (id) return channelMention(id);
  const name = annotations['slack.com/channel-name']?.trim().replace(/^#/, '');
  if (!name) return undefined;
  const archive = channelArchiveUrl(owner);
  return archive ? link(archive, `#${name}`) : `#${escapeMrkdwn(name)}`;
};

const emailText = (email: string): string => link(`mailto:${email}`, email);

/** Who owns it in one paragraph, or why nobody can be named. */
export const ownerSummaryText = (answer: OwnerAnswer): string => {
  if (!answer.ownerRef) return ':warning: *No owner is recorded.* Add `spec.owner` to its catalog file so people know whom to ask.';
  const { owner } = answer;
  if (!owner) {
    return `:warning: The owner ${refCode(answer.ownerRef)} is not in the catalog, so there is no team to contact. Fix \`spec.owner\` or add that ${escapeMrkdwn(answer.ownerRef.split(':')[0] ?? 'group')}.`;
  }
  const lines = [`*Owned by ${escapeMrkdwn(displayNameOf(owner))}* ${refCode(answer.ownerRef)}`];
  if (owner.metadata.description) lines.push(escapeMrkdwn(truncate(owner.metadata.description, MAX_DESCRIPTION)));
  const contacts = [teamChannelText(owner), profileOf(owner).email ? `:email: ${emailText(profileOf(owner).email!)}` : undefined];
  const reach = contacts.filter((text): text is string => text !== undefined);
  if (reach.length > 0) lines.push(reach.join('  ·  '));
  if (answer.parent) {
    // The parent group is where to escalate when the team does not answer.
    const parentChannel = teamChannelText(answer.parent);
    lines.push(`Part of ${escapeMrkdwn(displayNameOf(answer.parent))}${parentChannel ? ` (${parentChannel})` : ''}`);
  }
  return lines.join('\n');
};

const slackIdFor = (person: Entity, slackIdsByEmail: ReadonlyMap<string, string>): string | undefined => {
  const email = profileOf(person).email?.trim();
  return email ? (slackIdsByEmail.get(email) ?? slackIdsByEmail.get(email.toLowerCase())) : undefined;
};

/** Members as Slack mentions when their email maps to a Slack user, else their display name; the lead first. */
export const membersText = (answer: OwnerAnswer, slackIdsByEmail: ReadonlyMap<string, string>): string | undefined => {
  if (answer.members.length === 0) return undefined;
  const leadRef = answer.owner?.metadata.annotations?.['callboard.dev/team-lead']?.trim().toLowerCase();
  const isLead = (person: Entity): boolean => leadRef !== undefined && entityRefOf(person) === leadRef;
  const ordered = [...answer.members].sort((a, b) => Number(isLead(b)) - Number(isLead(a)));
  const names = ordered.slice(0, MAX_MEMBERS).map((person) => {
    const id = slackIdFor(person, slackIdsByEmail);
    const name = id ? mention(id) : escapeMrkdwn(truncate(displayNameOf(person), 80));
    return isLead(person) ? `${name} (lead)` : name;
  });
  const more = ordered.length - names.length;
  return `*Members (${ordered.length})*\n${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
};

const isDocsLink = (entry: EntityLink): boolean => /\bdocs?\b|documentation/i.test(`${entry.title ?? ''} ${entry.type ?? ''} ${entry.icon ?? ''}`);

/** The entity's links, plus the runbook and repository its annotations name when no link already does. */
export const entityLinks = (entity: Entity): EntityLink[] => {
  const annotations = entity.metadata.annotations ?? {};
  const links = [...(entity.metadata.links ?? [])].filter((entry) => safeUrl(entry.url));
  const known = new Set(links.map((entry) => safeUrl(entry.url)));
  const runbook = annotations['callboard.dev/runbook-url'];
  if (runbook && safeUrl(runbook) && !known.has(safeUrl(runbook))) links.push({ url: runbook, title: 'Runbook' });
  const slug = annotations['github.com/project-slug'];
  const repo = slug && /^[\w.-]+\/[\w.-]+$/.test(slug) ? `https://github.com/${slug}` : undefined;
  if (repo && !known.has(safeUrl(repo)) && !links.some((entry) => /^repo/i.test(entry.title ?? ''))) links.push({ url: repo, title: 'Repository' });
  return links;
};

/** The first link that looks like documentation, for the Docs button. */
export const docsLink = (entity: Entity): EntityLink | undefined => entityLinks(entity).find(isDocsLink);

/** Room for the links line: long URLs count against the section's 3,000 characters. */
const LINKS_CHARS = 2800;

export const linksText = (entity: Entity): string | undefined => {
  const links = entityLinks(entity);
  if (links.length === 0) return undefined;
  const rendered = links.slice(0, MAX_LINKS).map((entry) => link(entry.url, truncate(entry.title ?? entry.url, 80)));
  const { shown } = fitLines(rendered, LINKS_CHARS);
  const more = links.length - shown.length;
  return `*Links*  ${shown.join('  ·  ')}${more > 0 ? `  and ${more} more` : ''}`;
};
