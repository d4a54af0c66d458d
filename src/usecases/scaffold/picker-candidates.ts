import type { EntityWithRelations } from '../../core/catalog/entity.ts';
import type { SearchHit } from '../../core/catalog-reader/catalog-queries.ts';
import type { CatalogReader } from '../../core/ports.ts';
import type { CatalogFilter } from '../../core/scaffolder/form/form-model.ts';
import { filterKinds, matchesCatalogFilter } from './catalog-filter.ts';

/**
 * The entities and tags a picker can offer, read so that typing stays within Slack's 3-second options deadline at
 * 100k entities: a catalog of at most {@link FULL_SCAN_LIMIT} entities (of the kinds the filter allows) is read
 * whole once per sync pass and kept; a larger one is searched (the FTS index) for what was typed, and offers nothing
 * until something is typed.
 */

export interface Candidate {
  text: string;
  /** What the form stores. */
  value: string;
  /** Lowercase texts matched against what is typed (name, title, ref). */
  keys: string[];
}

export const FULL_SCAN_LIMIT = 20_000;
/** Search hits read per kind before the filter and the ranking. */
const SEARCH_POOL = 300;

/**
 * The ref as Backstage's pickers store it (`stringifyEntityRef` of catalog-model): kind lowercased, namespace and name
 * as written. Callboard's canonical refs lowercase everything; templates that print the value must see Backstage's.
 */
export const backstageRef = (ref: { kind: string; namespace?: string; name: string }): string =>
  `${ref.kind.toLowerCase()}:${ref.namespace ?? 'default'}/${ref.name}`;

/** `Checkout Service · Component checkout-service`: the title when there is one, the namespace when not default. */
const candidateOf = (kind: string, namespace: string | undefined, name: string, title: string | undefined): Candidate => {
  const ref = backstageRef({ kind, name, ...(namespace ? { namespace } : {}) });
  const shown = `${name}${namespace && namespace !== 'default' ? ` (${namespace})` : ''}`;
  return {
    text: title ? `${title} · ${kind} ${shown}` : `${kind} ${shown}`,
    value: ref,
    keys: [name.toLowerCase(), ...(title ? [title.toLowerCase()] : []), ref.toLowerCase()],
  };
};

export const entityCandidate = (entity: EntityWithRelations): Candidate =>
  candidateOf(entity.kind, entity.metadata.namespace, entity.metadata.name, typeof entity.metadata.title === 'string' ? entity.metadata.title : undefined);

const hitCandidate = (hit: SearchHit): Candidate => candidateOf(hit.kind, /^[^:]+:([^/]+)\//.exec(hit.ref)?.[1], hit.name, hit.title);

/** Per catalog, what was read in full, until the catalog changes (a new sync pass or different counts). */
const cache = new WeakMap<CatalogReader, { version: string; lists: Map<string, Candidate[]> }>();

const cached = (catalog: CatalogReader, key: string, read: () => Candidate[]): Candidate[] => {
  const version = `${catalog.lastSyncPass()?.finishedAt ?? ''} ${JSON.stringify(catalog.countsByKind())}`;
  let entry = cache.get(catalog);
  if (!entry || entry.version !== version) {
    entry = { version, lists: new Map() };
    cache.set(catalog, entry);
  }
  let list = entry.lists.get(key);
  if (!list) {
    list = read();
    entry.lists.set(key, list);
  }
  return list;
};

const sizeOf = (catalog: CatalogReader, kinds: string[] | undefined): number => {
  const counts = Object.entries(catalog.countsByKind());
  return counts.filter(([kind]) => !kinds || kinds.includes(kind.toLowerCase())).reduce((sum, [, count]) => sum + count, 0);
};

const readAll = (catalog: CatalogReader, kinds: string[] | undefined): EntityWithRelations[] =>
  kinds ? kinds.flatMap((kind) => catalog.entities({ kind })) : catalog.entities();

/** Search hits that pass the filter; only a filter on more than `kind` needs each entity read. */
const searchCandidates = (catalog: CatalogReader, filters: readonly CatalogFilter[], kinds: string[] | undefined, typed: string): Candidate[] => {
  const hits = kinds ? kinds.flatMap((kind) => catalog.search(typed, { kind, limit: SEARCH_POOL }).hits) : catalog.search(typed, { limit: SEARCH_POOL }).hits;
  const kindOnly = filters.every((filter) => Object.keys(filter).every((key) => key.toLowerCase() === 'kind'));
  // A whole ref typed or pasted is looked up as such; the index may tokenise it differently.
  const exact = /^[^:/\s]+:/.test(typed) ? catalog.entity(typed.includes('/') ? typed : typed.replace(':', ':default/')) : undefined;
  const found = exact && matchesCatalogFilter(exact, filters) ? [entityCandidate(exact)] : [];
  return found.concat(
    hits.flatMap((hit) => {
      if (kindOnly) return [hitCandidate(hit)];
      const entity = catalog.entity(hit.ref);
      return entity && matchesCatalogFilter(entity, filters) ? [entityCandidate(entity)] : [];
    }),
  );
};

export const filteredEntityCandidates = (
  catalog: CatalogReader,
  filters: readonly CatalogFilter[],
  typed: string,
  fullScanLimit = FULL_SCAN_LIMIT,
): Candidate[] => {
  const kinds = filterKinds(filters);
  if (sizeOf(catalog, kinds) <= fullScanLimit) {
    return cached(catalog, `entities ${JSON.stringify(filters)}`, () =>
      readAll(catalog, kinds)
        .filter((entity) => matchesCatalogFilter(entity, filters))
        .map(entityCandidate),
    );
  }
  return typed.trim() === '' ? [] : searchCandidates(catalog, filters, kinds, typed.trim());
};

/** Tags in use on entities of these kinds (all when absent), read once per sync pass. */
export const tagCandidates = (catalog: CatalogReader, kinds: string[] | undefined): Candidate[] =>
  cached(catalog, `tags ${JSON.stringify(kinds ?? null)}`, () => {
    const tags = new Set(
      readAll(
        catalog,
        kinds?.map((kind) => kind.toLowerCase()),
      ).flatMap((entity) => entity.metadata.tags ?? []),
    );
    return [...tags].map((tag) => ({ text: tag, value: tag, keys: [tag.toLowerCase()] }));
  });
