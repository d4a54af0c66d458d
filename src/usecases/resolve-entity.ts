import { tryParseEntityRef, stringifyEntityRef } from '../core/catalog/refs.ts';
import type { EntityResolution } from '../core/catalog-reader/catalog-answers.ts';
import type { CatalogReader } from '../core/ports.ts';

/**
 * Turns what a person typed into one entity: a full ref (`component:default/x`), a partial one
 * (`group:team-a`), or a bare name matched across kinds and namespaces. Several matches → a choice;
 * none → suggestions from the search index.
 */
export const resolveEntity = (store: CatalogReader, input: string): EntityResolution => {
  const text = input.trim();
  if (text.length === 0) return { status: 'invalid', message: 'Name an entity, e.g. checkout-service or component:default/checkout-service.' };
  if (text.includes(':')) {
    const parsed = tryParseEntityRef(text, { defaultNamespace: 'default' });
    if (!parsed.ok) return { status: 'invalid', message: parsed.message };
    const ref = stringifyEntityRef(parsed.ref);
    return store.entityEnvelope(ref) ? { status: 'found', ref } : notFound(store, parsed.ref.name, text);
  }
  const [first = '', second] = text.split('/', 2);
  const [namespace, name] = second === undefined ? [undefined, text] : [first, second];
  const matches = store.entitiesNamed(name).filter((entity) => !namespace || entity.ref.includes(`:${namespace.toLowerCase()}/`));
  if (matches.length === 1) return { status: 'found', ref: matches[0]!.ref };
  if (matches.length > 1) return { status: 'ambiguous', candidates: matches };
  return notFound(store, name, text);
};

const notFound = (store: CatalogReader, name: string, query: string): EntityResolution => {
  const result = store.search(name, { limit: 5 });
  return {
    status: 'not_found',
    query,
    ...(result.didYouMean ? { didYouMean: result.didYouMean } : {}),
    suggestions: result.hits.map((hit) => ({ ref: hit.ref, kind: hit.kind, name: hit.name, ...(hit.title ? { title: hit.title } : {}) })),
  };
};
