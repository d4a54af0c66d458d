import { isDocsLink } from '../../core/catalog/docs-link.ts';
import type { Entity, EntityLink } from '../../core/catalog/entity.ts';
import { isSlackChannelId, readTeamChannel } from '../../core/catalog/read-team-channel.ts';
import { entityRefOf } from '../../core/catalog/refs.ts';
import type { OwnerAnswer } from '../../core/catalog-reader/catalog-answers.ts';
import { normaliseChannelName } from '../channel-directory.ts';
import { channelMention, escapeMrkdwn, link, mention, safeUrl, truncate, usergroupMention } from '../mrkdwn.ts';
import { fitLines } from './blocks.ts';
import { displayNameOf, profileOf, refCode } from './entity-text.ts';

/** Texts of the owner answer, shared by the owner, team and person cards and the compact unfurl card. All escaped mrkdwn. */

/** Who will see an answer: only the asker, or everyone in a channel (a mention reply, a shared copy). */
export type Audience = 'private' | 'shared';

/** What the views need to reach people and teams in Slack. */
export interface ReachContext {
  /** Slack user ids by email (as in users.lookupByEmail), to turn members into mentions in private answers. */
  slackIdsByEmail: ReadonlyMap<string, string>;
  /** Channel ids by normalised channel name (conversations.list), so a team's channel is a real link. */
  channelIds?: ReadonlyMap<string, string>;
  /** Default 'private'. A shared answer never mentions a member: it names them and points at the team's channel. */
  audience?: Audience;
}

const MAX_MEMBERS = 20;
const MAX_LINKS = 10;
const MAX_DESCRIPTION = 500;

const USERGROUP_KEY = 'callboard.dev/slack-usergroup';

/** A link to a Slack channel (`https://acme.slack.com/archives/C…`) among the group's links, if any. */
const channelArchiveUrl = (owner: Entity): string | undefined =>
  owner.metadata.links?.map((entry) => entry.url).find((url) => /^https:\/\/[\w-]+\.(?:enterprise\.)?slack\.com\/archives\/[CG][A-Z0-9]+\/?$/.test(url));

/** The channel name a group's annotations give (`team-payments`, without `#`), to be resolved to an id. */
export const teamChannelName = (owner: Entity): string | undefined => {
  const channel = readTeamChannel(owner);
  return channel.id ? undefined : channel.name;
};

/**
 * The team channel: `<#C…>` from a channel id annotation, or from the name when Slack's channel list
 * knows it; else the name, linked to the channel's archive URL when the group lists one (a bare
 * `#name` does not link in blocks).
 */
export const teamChannelText = (owner: Entity, channelIds?: ReadonlyMap<string, string>): string | undefined => {
  const { id, name } = readTeamChannel(owner);
  if (id) return channelMention(id);
  if (!name) return undefined;
  // `slack.com/channel: C0123ABCD`: an id written where a name goes.
  if (isSlackChannelId(name)) return channelMention(name);
  const resolved = channelIds?.get(normaliseChannelName(name));
  if (resolved) return channelMention(resolved);
  const archive = channelArchiveUrl(owner);
  return archive ? link(archive, `#${name}`) : `#${escapeMrkdwn(name)}`;
};

/** The group's Slack user group (`callboard.dev/slack-usergroup: S0123ABCD`) as a mention; nothing for a value that is not an id. */
export const usergroupText = (group: Entity): string | undefined => {
  const id = group.metadata.annotations?.[USERGROUP_KEY];
  return id ? usergroupMention(id) : undefined;
};

/** A mailto link for something shaped like an address; anything else (spaces, brackets) is plain text. */
export const emailText = (email: string): string =>
  /^[^\s<>|@]+@[^\s<>|@]+$/.test(email.trim()) ? link(`mailto:${email.trim()}`, email.trim()) : escapeMrkdwn(email);

/** How to reach a team in one line: its channel, its Slack user group, its email. */
export const teamReachText = (group: Entity, ctx: ReachContext): string | undefined => {
  const email = profileOf(group).email;
  const parts = [teamChannelText(group, ctx.channelIds), usergroupText(group), email ? `:email: ${emailText(email)}` : undefined];
  const reach = parts.filter((text): text is string => text !== undefined);
  return reach.length > 0 ? reach.join('  ·  ') : undefined;
};

/** Kinds whose spec has an `owner` field (Backstage's catalog model). */
const KINDS_WITH_OWNER = new Set(['component', 'api', 'resource', 'system', 'domain', 'template']);

/** Who owns it in one paragraph, or why nobody can be named. */
export const ownerSummaryText = (answer: OwnerAnswer, ctx: ReachContext): string => {
  if (!answer.ownerRef) {
    // Only the kinds whose schema has `spec.owner` are told to add one; a Location or a custom kind just has none.
    if (!KINDS_WITH_OWNER.has(answer.entity.kind.toLowerCase())) return `A ${escapeMrkdwn(answer.entity.kind)} has no owner in the catalog.`;
    return ':warning: *No owner is recorded.* Add `spec.owner` to its catalog file so people know whom to ask.';
  }
  const { owner } = answer;
  if (!owner) {
    return `:warning: The owner ${refCode(answer.ownerRef)} is not in the catalog, so there is no team to contact. Fix \`spec.owner\` or add that ${escapeMrkdwn(answer.ownerRef.split(':')[0] ?? 'group')}.`;
  }
  const lines = [`*Owned by ${escapeMrkdwn(displayNameOf(owner))}* ${refCode(answer.ownerRef)}`];
  if (owner.metadata.description) lines.push(escapeMrkdwn(truncate(owner.metadata.description, MAX_DESCRIPTION)));
  const reach = teamReachText(owner, ctx);
  if (reach) lines.push(reach);
  if (answer.parent) {
    // The parent group is where to escalate when the team does not answer.
    const parentChannel = teamChannelText(answer.parent, ctx.channelIds);
    lines.push(`Part of ${escapeMrkdwn(displayNameOf(answer.parent))}${parentChannel ? ` (${parentChannel})` : ''}`);
  }
  return lines.join('\n');
};

const slackIdFor = (person: Entity, slackIdsByEmail: ReadonlyMap<string, string>): string | undefined => {
  const email = profileOf(person).email?.trim();
  return email ? (slackIdsByEmail.get(email) ?? slackIdsByEmail.get(email.toLowerCase())) : undefined;
};

/**
 * A person as the audience may see them: a Slack mention in a private answer when their email maps
 * to a Slack user, else (and always in a shared answer) their display name. The one place that decides.
 */
export const personText = (person: Entity, ctx: ReachContext): string => mentionOf(person, ctx) ?? escapeMrkdwn(truncate(displayNameOf(person), 80));

/** The person's Slack mention, only in a private answer and only when Slack knows their email. */
export const mentionOf = (person: Entity, ctx: ReachContext): string | undefined => {
  const id = ctx.audience === 'shared' ? undefined : slackIdFor(person, ctx.slackIdsByEmail);
  return id ? mention(id) : undefined;
};

/** The lead a group names (`callboard.dev/team-lead`), as a lower-case ref. */
export const teamLeadRef = (group: Entity | undefined): string | undefined => group?.metadata.annotations?.['callboard.dev/team-lead']?.trim().toLowerCase();

/** People in one line, the lead first and marked, at most twenty, then how many more. */
export const peopleText = (people: readonly Entity[], leadRef: string | undefined, ctx: ReachContext): string => {
  const isLead = (person: Entity): boolean => leadRef !== undefined && entityRefOf(person) === leadRef;
  const ordered = [...people].sort((a, b) => Number(isLead(b)) - Number(isLead(a)));
  const names = ordered.slice(0, MAX_MEMBERS).map((person) => (isLead(person) ? `${personText(person, ctx)} (lead)` : personText(person, ctx)));
  const more = ordered.length - names.length;
  return `${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
};

/** Members as Slack mentions (private answers, where Slack knows their email) or names; the lead first. */
export const membersText = (answer: OwnerAnswer, ctx: ReachContext): string | undefined => {
  if (answer.members.length === 0) return undefined;
  return `*Members (${answer.members.length})*\n${peopleText(answer.members, teamLeadRef(answer.owner), ctx)}`;
};

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

/** The first link that looks like documentation. */
export const docsLink = (entity: Entity): EntityLink | undefined => entityLinks(entity).find(isDocsLink);

/**
 * Where someone can read the entity's docs today: a docs link, else a `backstage.io/techdocs-ref`
 * that is a web address (`url:https://…`). `dir:.` names sources Callboard does not serve yet, so no page.
 */
export const docsUrlOf = (entity: Entity): string | undefined => {
  const linked = docsLink(entity)?.url;
  if (linked) return safeUrl(linked);
  const techdocs = /^url:(.+)$/.exec(entity.metadata.annotations?.['backstage.io/techdocs-ref']?.trim() ?? '')?.[1];
  return techdocs ? safeUrl(techdocs) : undefined;
};

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
