import type { Entity } from '../core/catalog/entity.ts';
import { entityRefOf } from '../core/catalog/refs.ts';
import type { TeamEntity, TeamOverview } from '../core/catalog-reader/catalog-answers.ts';
import type { CatalogReader } from '../core/ports.ts';

const problemCounts = (store: CatalogReader): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const problem of store.problems()) {
    if (problem.entityRef) counts.set(problem.entityRef, (counts.get(problem.entityRef) ?? 0) + 1);
  }
  return counts;
};

const lifecycleOf = (store: CatalogReader, ref: string): string | undefined => {
  const lifecycle = store.entityEnvelope(ref)?.spec?.lifecycle;
  return typeof lifecycle === 'string' ? lifecycle : undefined;
};

/**
 * What each of these teams owns, with lifecycle and open catalog problems per entity. Entities of
 * child groups count as the team's. `maxPerTeam` bounds the work for a team owning thousands.
 */
export const findMyTeams = (store: CatalogReader, groups: readonly Entity[], options: { maxPerTeam?: number } = {}): TeamOverview[] => {
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
