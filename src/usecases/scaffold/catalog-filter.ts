import type { Entity, EntityWithRelations } from '../../core/catalog/entity.ts';
import type { CatalogFilter } from '../../core/scaffolder/form/form-model.ts';

/**
 * `catalogFilter` matched as Backstage's catalog matches it: the entity is flattened into dotted keys
 * (`kind`, `spec.type`, `metadata.tags`, `metadata.annotations.backstage.io/techdocs-ref`, `relations.ownedby`),
 * array items each count under their key, keys and values compare without case. One filter object matches when
 * every key matches (a value list means any of them); a list of filters matches when any one does.
 */

const flattenInto = (into: Map<string, Set<string>>, prefix: string, value: unknown): void => {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) flattenInto(into, prefix, item);
    return;
  }
  if (typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flattenInto(into, prefix ? `${prefix}.${key.toLowerCase()}` : key.toLowerCase(), child);
    return;
  }
  if (!into.has(prefix)) into.set(prefix, new Set());
  into.get(prefix)!.add(String(value).toLowerCase());
};

export const flattenEntity = (entity: Entity | EntityWithRelations): Map<string, Set<string>> => {
  const flat = new Map<string, Set<string>>();
  const { relations, ...envelope } = entity as EntityWithRelations;
  flattenInto(flat, '', envelope);
  // Backstage's search table also carries the namespace when it is left out.
  if (!entity.metadata.namespace) flattenInto(flat, 'metadata.namespace', 'default');
  for (const relation of relations ?? []) flattenInto(flat, `relations.${relation.type.toLowerCase()}`, relation.targetRef);
  return flat;
};

const matchesOne = (flat: Map<string, Set<string>>, filter: CatalogFilter): boolean =>
  Object.entries(filter).every(([key, expected]) => {
    const present = flat.get(key.toLowerCase());
    if (!Array.isArray(expected)) return expected.exists === (present !== undefined);
    return present !== undefined && expected.some((value) => present.has(value.toLowerCase()));
  });

export const matchesCatalogFilter = (entity: Entity | EntityWithRelations, filters: readonly CatalogFilter[]): boolean => {
  if (filters.length === 0) return true;
  const flat = flattenEntity(entity);
  return filters.some((filter) => matchesOne(flat, filter));
};

/** The kinds every alternative limits itself to, so the catalog can be read kind by kind; undefined when any kind may match. */
export const filterKinds = (filters: readonly CatalogFilter[]): string[] | undefined => {
  if (filters.length === 0) return undefined;
  const kinds = new Set<string>();
  for (const filter of filters) {
    const entry = Object.entries(filter).find(([key]) => key.toLowerCase() === 'kind')?.[1];
    if (!Array.isArray(entry)) return undefined;
    entry.forEach((kind) => kinds.add(kind.toLowerCase()));
  }
  return [...kinds];
};
