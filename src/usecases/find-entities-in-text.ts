import { stringifyEntityRef, tryParseEntityRef } from '../core/catalog/refs.ts';
import type { EntitySummary } from '../core/catalog-reader/catalog-queries.ts';
import type { CatalogReader } from '../core/ports.ts';
import { findEntityByUrl } from './find-entity-by-url.ts';

const MAX_FOUND = 25;
/** People and Location files are not what "find the owner" is about. */
const SKIPPED_KINDS = new Set(['User', 'Location']);

/** Entities a word names exactly: a full ref names one; `ns/name` and bare names may name several kinds. */
const entitiesNamedBy = (store: CatalogReader, word: string): EntitySummary[] => {
  if (word.includes(':')) {
    const parsed = tryParseEntityRef(word, { defaultNamespace: 'default' });
    if (!parsed.ok) return [];
    const ref = stringifyEntityRef(parsed.ref);
    return store.entitiesNamed(parsed.ref.name).filter((entity) => entity.ref === ref);
  }
  const [namespace, name] = word.includes('/') ? word.split('/', 2) : [undefined, word];
  return store.entitiesNamed(name ?? word).filter((entity) => !namespace || entity.ref.includes(`:${namespace}/`));
};

const summaryOf = (store: CatalogReader, ref: string): EntitySummary | undefined => {
  const entity = store.entityEnvelope(ref);
  return entity ? { ref, kind: entity.kind, name: entity.metadata.name, ...(entity.metadata.title ? { title: entity.metadata.title } : {}) } : undefined;
};

/**
 * Which catalog entities a message names: the entities behind its links, then candidate words
 * looked up by exact name. In order of appearance, without repeats, at most 25.
 */
export const findEntitiesInText = (
  store: CatalogReader,
  input: { names: readonly string[]; urls: readonly string[]; callboardUrl?: string },
): EntitySummary[] => {
  const found = new Map<string, EntitySummary>();
  const add = (entity: EntitySummary | undefined) => {
    if (entity && found.size < MAX_FOUND && !found.has(entity.ref) && !SKIPPED_KINDS.has(entity.kind)) found.set(entity.ref, entity);
  };
  for (const url of input.urls) {
    const ref = findEntityByUrl(store, url, input.callboardUrl ? { callboardUrl: input.callboardUrl } : {});
    if (ref) add(summaryOf(store, ref));
  }
  for (const word of input.names) entitiesNamedBy(store, word).forEach(add);
  return [...found.values()];
};
