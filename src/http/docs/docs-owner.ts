import type { Entity } from '../../core/catalog/entity.ts';
import { isSlackChannelId, readTeamChannel } from '../../core/catalog/read-team-channel.ts';
import type { CatalogReader } from '../../core/ports.ts';

export interface ChannelLink {
  href: string;
  label: string;
}

export interface DocsOwner {
  ref: string;
  name: string;
  /** The owning team's Slack channel, opened through Slack's app redirect. */
  channel?: ChannelLink;
}

/** The team's channel as the /owner card reads it: an id first, then a name. */
const channelLink = (owner: Entity): ChannelLink | undefined => {
  const { id, name } = readTeamChannel(owner);
  const value = id ?? name;
  if (!value) return undefined;
  const label = isSlackChannelId(value) ? 'Slack channel' : `#${value}`;
  return { href: `https://slack.com/app_redirect?channel=${encodeURIComponent(value)}`, label };
};

const displayName = (entity: Entity): string => {
  const profile = (entity.spec?.profile ?? {}) as { displayName?: unknown };
  return typeof profile.displayName === 'string' && profile.displayName ? profile.displayName : (entity.metadata.title ?? entity.metadata.name);
};

/** Who owns an entity (`ownedBy`), with the team's channel; undefined when the catalog names no owner. */
export const findDocsOwner = (catalog: CatalogReader, entityRef: string): DocsOwner | undefined => {
  const ownerRef = catalog.relatedRefs(entityRef, 'ownedBy')[0];
  if (!ownerRef) return undefined;
  const owner = catalog.entityEnvelope(ownerRef);
  if (!owner) return { ref: ownerRef, name: ownerRef.replace(/^[^:]+:(default\/)?/, '') };
  const channel = channelLink(owner);
  return { ref: ownerRef, name: displayName(owner), ...(channel ? { channel } : {}) };
};

/** How an entity is named on a page: its title, else its name; the ref's name when it is not in the catalog. */
export const entityDisplayName = (catalog: CatalogReader, entityRef: string): string => {
  const entity = catalog.entityEnvelope(entityRef);
  return entity ? (entity.metadata.title ?? entity.metadata.name) : entityRef.replace(/^[^:]+:(default\/)?/, '');
};
