/**
 * Lookup keys: the normalised forms under which people find an entity (its name, title, aliases, and the
 * URLs of its repository, catalog file and docs), written beside each entity so resolving what someone typed
 * is a few indexed lookups, never a scan of the catalog.
 */

import type { EntitySummary } from '../catalog-reader/catalog-queries.ts';

/** Where a key comes from; a resolver ranks a name above a title or alias, and a repository above a link. */
export type LookupKeySource = 'name' | 'title' | 'alias' | 'repo' | 'link';

export interface LookupKey {
  /** A text key (`checkout-service`: lower-case words joined by `-`) or a URL key (`github.com/acme/checkout-service`). */
  key: string;
  source: LookupKeySource;
}

/** An entity found under a key, with what a resolver needs to rank it. */
export interface LookupMatch extends EntitySummary {
  /** `spec.type`, when it is a text. */
  type?: string;
  key: string;
  source: LookupKeySource;
}

/** The entity of a match, as a list or a choice names it. */
export const matchSummary = (match: LookupMatch): EntitySummary => ({
  ref: match.ref,
  kind: match.kind,
  name: match.name,
  ...(match.title ? { title: match.title } : {}),
});
