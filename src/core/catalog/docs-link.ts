import type { EntityLink } from './entity.ts';

/**
 * A `metadata.links` entry that is the entity's documentation: its title, type or icon says docs or
 * documentation. The Docs button opens it and a shared link under it unfurls as the entity's card.
 */
export const isDocsLink = (entry: EntityLink): boolean => /\bdocs?\b|documentation/i.test(`${entry.title ?? ''} ${entry.type ?? ''} ${entry.icon ?? ''}`);
