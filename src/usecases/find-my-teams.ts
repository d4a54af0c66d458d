import type { Entity } from '../core/catalog/entity.ts';
import { entityRefOf } from '../core/catalog/refs.ts';
import type { SqliteCatalogStore } from '../store/sqlite-catalog-store.ts';

/** An entity a team owns, with what App Home shows about it. */
export interface TeamEntity {
  ref: string;
  kind: string;
  name: string;
  title?: string;
  lifecycle?: string;
  problemCount: number;
}

export interface TeamOverview {
  group: Entity;
  entities: TeamEntity[];
}

const problemCounts = (store: SqliteCatalogStore): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const problem of store.problems()) {
    if (problem.entityRef) counts.set(problem.entityRef, (counts.get(problem.entityRef) ?? 0) + 1);
  }
  return counts;
};

const lifecycleOf = (store: SqliteCatalogStore, ref: string): string | undefined => {
  const lifecycle = store.entityEnvelope(ref)?.spec?.lifecycle;
  return typeof lifecycle === 'string' ? lifecycle : undefined;
};

/**
 * What each of these teams owns, with lifecycle and open catalog problems per entity. Entities of
 * child groups count as the team's. `maxPerTeam` bounds the work for a team owning thousands.
 */
export const findMyTeams = (store: SqliteCatalogStore, groups: readonly Entity[], options: { maxPerTeam?: number } = {}): TeamOverview[] => {
  const counts = problemCounts(store);
  const max = options.maxPerTeam ?? 500;
  return groups.map((group) => {
    const owned = store.ownedBy(entityRefOf(group), { includeChildGroups: true }).slice(0, max);
    const entities = owned.map((entity): TeamEntity => {
      const lifecycle = lifecycleOf(store, entity.ref);
      return {
        ref: entity.ref,
        kind: entity.kind,
        name: entity.name,
        ...(entity.title ? { title: entity.title } : {}),
        ...(lifecycle ? { lifecycle } : {}),
        problemCount: counts.get(entity.ref) ?? 0,
      };
    });
    return { group, entities };
  });
};
