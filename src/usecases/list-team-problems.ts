import type { Entity } from '../core/catalog/entity.ts';
import { entityRefOf } from '../core/catalog/refs.ts';
import type { TeamResolution } from '../core/catalog-reader/catalog-answers.ts';
import type { StoredProblem } from '../core/catalog-reader/catalog-queries.ts';
import type { CatalogReader } from '../core/ports.ts';
import { resolveEntity } from './resolve-entity.ts';

/** Catalog problems on these entities (a team and what it owns), in one read of the problems. */
export const listProblemsOn = (store: CatalogReader, refs: Iterable<string>): StoredProblem[] => {
  const unique = [...new Set(refs)];
  return unique.length === 0 ? [] : store.problems({ entityRefs: unique });
};

/** Catalog problems on what these groups (and their child groups) own, and on the groups themselves. */
export const listTeamProblems = (store: CatalogReader, groups: readonly Entity[]): StoredProblem[] =>
  listProblemsOn(
    store,
    groups.flatMap((group) => {
      const ref = entityRefOf(group);
      return [ref, ...store.ownedBy(ref, { includeChildGroups: true }).map((owned) => owned.ref)];
    }),
  );

/** A team by what someone typed: a bare name means the Group of that name before anything else of it. */
export const resolveTeam = (store: CatalogReader, input: string): TeamResolution => {
  const text = input.trim();
  const asGroup = !text.includes(':') ? resolveEntity(store, `group:${text}`) : undefined;
  const resolution = asGroup?.status === 'found' ? asGroup : resolveEntity(store, text);
  if (resolution.status !== 'found') return resolution;
  const entity = store.entityEnvelope(resolution.ref);
  if (!entity) return { status: 'not_found', query: text, suggestions: [] };
  return entity.kind === 'Group' ? { status: 'found', group: entity } : { status: 'not_a_team', ref: resolution.ref, kind: entity.kind };
};

/** Whether a team answers for this entity: a group is its own team; a user has one through their groups; others through their owner. */
const hasTeam = (store: CatalogReader, ref: string): boolean => {
  const entity = store.entityEnvelope(ref);
  if (!entity) return false;
  if (entity.kind === 'Group') return true;
  const owners = entity.kind === 'User' ? store.relatedRefs(ref, 'memberOf') : store.relatedRefs(ref, 'ownedBy');
  return owners.some((owner) => store.entityEnvelope(owner) !== undefined);
};

/**
 * Every catalog problem, and those no team answers for: unreachable sources and files no entity
 * came from, entities without an owner, and owners that are not in the catalog (dangling owners).
 */
export const listAllProblems = (store: CatalogReader): { problems: StoredProblem[]; unowned: StoredProblem[] } => {
  const problems = store.problems();
  const teamByRef = new Map<string, boolean>();
  const owned = (ref: string): boolean => {
    if (!teamByRef.has(ref)) teamByRef.set(ref, hasTeam(store, ref));
    return teamByRef.get(ref)!;
  };
  return { problems, unowned: problems.filter((problem) => !problem.entityRef || !owned(problem.entityRef)) };
};
