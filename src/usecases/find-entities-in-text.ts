import { stringifyEntityRef, tryParseEntityRef } from '../core/catalog/refs.ts';
import type { EntitySummary } from '../core/catalog-reader/catalog-queries.ts';
import type { CatalogReader } from '../core/ports.ts';
import { matchSummary } from '../core/resolve/lookup-key.ts';
import { normaliseText } from '../core/resolve/normalise-text.ts';
import { findEntitiesByUrl } from './find-entity-by-url.ts';

/** How many entities one message lists by default: a message naming more is a list, not a question. */
export const MAX_FOUND_IN_TEXT = 25;
/** People and Location files are not what "find the owner" is about. */
const SKIPPED_KINDS = new Set(['User', 'Location']);

/**
 * Entities a word names: a full ref names one; `ns/name` and bare names may name several kinds. A bare word
 * also counts with other separators or case (`Checkout_Service`) and as an alias (`kafka`), but not as a
 * title: one word of a sentence ("payments") is not a question about the entity titled so.
 */
const entitiesNamedBy = (store: CatalogReader, word: string): EntitySummary[] => {
  if (word.includes(':')) {
    const parsed = tryParseEntityRef(word, { defaultNamespace: 'default' });
    if (!parsed.ok) return [];
    const ref = stringifyEntityRef(parsed.ref);
    return store.entitiesNamed(parsed.ref.name).filter((entity) => entity.ref === ref);
  }
  if (word.includes('/')) {
    const [namespace, name = ''] = word.split('/', 2);
    return store.entitiesNamed(name).filter((entity) => entity.ref.includes(`:${namespace}/`));
  }
  return store
    .entitiesWithLookupKeys([word.toLowerCase(), normaliseText(word)])
    .filter((match) => match.source === 'name' || match.source === 'alias')
    .map(matchSummary);
};

const summaryOf = (store: CatalogReader, ref: string): EntitySummary | undefined => {
  const entity = store.entityEnvelope(ref);
  return entity ? { ref, kind: entity.kind, name: entity.metadata.name, ...(entity.metadata.title ? { title: entity.metadata.title } : {}) } : undefined;
};

/**
 * Which catalog entities a message names: the entities behind its links, then candidate words
 * looked up by name (any case and separators) and alias. In order of appearance, without repeats, at most
 * `limit` (default {@link MAX_FOUND_IN_TEXT}): ask for one more to learn whether the message names more.
 */
export const findEntitiesInText = (
  store: CatalogReader,
  input: { names: readonly string[]; urls: readonly string[]; callboardUrl?: string },
  limit = MAX_FOUND_IN_TEXT,
): EntitySummary[] => {
  const found = new Map<string, EntitySummary>();
  const add = (entity: EntitySummary | undefined) => {
    if (entity && found.size < limit && !found.has(entity.ref) && !SKIPPED_KINDS.has(entity.kind)) found.set(entity.ref, entity);
  };
  for (const url of input.urls) {
    // A link two entities share (one infrastructure repository) names both: the list shows each with its team.
    const pick = findEntitiesByUrl(store, url, input.callboardUrl ? { callboardUrl: input.callboardUrl } : {})?.pick;
    if (pick?.status === 'found') add(summaryOf(store, pick.ref));
    if (pick?.status === 'ambiguous') pick.candidates.forEach(add);
  }
  for (const word of input.names) entitiesNamedBy(store, word).forEach(add);
  return [...found.values()];
};
