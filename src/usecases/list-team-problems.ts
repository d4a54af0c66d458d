import type { Entity } from '../core/catalog/entity.ts';
import { entityRefOf } from '../core/catalog/refs.ts';
import type { TeamResolution } from '../core/catalog-reader/catalog-answers.ts';
import type { StoredProblem } from '../core/catalog-reader/catalog-queries.ts';
import type { CatalogReader } from '../core/ports.ts';
import { resolveEntity } from './resolve-entity.ts';

/** Catalog problems on what these groups (and their child groups) own, and on the groups themselves. */
export const listTeamProblems = (store: CatalogReader, groups: readonly Entity[]): StoredProblem[] => {
  const refs = new Set<string>();
  for (const group of groups) {
    const ref = entityRefOf(group);
    refs.add(ref);
    for (const owned of store.ownedBy(ref, { includeChildGroups: true })) refs.add(owned.ref);
  }
  return refs.size === 0 ? [] : store.problems({ entityRefs: [...refs] });
};

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
