import type { Entity } from '../core/catalog/entity.ts';
import { entityRefOf } from '../core/catalog/refs.ts';
import { compareCodeUnits } from '../core/compare-code-units.ts';
import type { OwnedEntitySummary, StoredProblem } from '../core/catalog-reader/catalog-queries.ts';
import { NotFoundError } from '../core/errors.ts';
import type { CatalogReader } from '../core/ports.ts';
import { listProblemsOn } from './list-team-problems.ts';

/** What a team owns of one kind: the exact count and the first few by name. */
export interface OwnedKind {
  kind: string;
  count: number;
  first: OwnedEntitySummary[];
}

export interface OwnedSummary {
  byKind: OwnedKind[];
  total: number;
  /** How many of `total` are owned by a group below this one rather than the group itself. */
  throughChildTeams: number;
}

/** A team card: who is in it, where it sits, what it owns and what is wrong with that. */
export interface TeamAnswer {
  group: Entity;
  /** The `callboard.dev/team-lead` user, when it is in the catalog. */
  lead?: Entity;
  members: Entity[];
  parent?: Entity;
  children: Entity[];
  owned: OwnedSummary;
  /** Open catalog problems on the team, what it owns and its child teams': errors first. */
  problems: { count: number; first: StoredProblem[] };
}

export interface TeamOptions {
  /** Items listed per kind (default 5). */
  perKind?: number;
  /** Problems listed (default 5). */
  problems?: number;
}

/** Kinds people ask about first; the rest follow alphabetically. */
const KIND_ORDER = ['System', 'Component', 'API', 'Resource'];
const kindRank = (kind: string): number => {
  const index = KIND_ORDER.findIndex((known) => known.toLowerCase() === kind.toLowerCase());
  return index === -1 ? KIND_ORDER.length : index;
};

/** Kind by kind (System, Component, API, Resource, then the rest), names within a kind: the order every owned list uses. */
export const byKindThenName = (a: OwnedEntitySummary, b: OwnedEntitySummary): number =>
  kindRank(a.kind) - kindRank(b.kind) || compareCodeUnits(a.kind, b.kind) || compareCodeUnits(a.name, b.name);

/** Everything a group owns, its child groups' too, in {@link byKindThenName} order. */
export const listOwned = (store: CatalogReader, groupRef: string): OwnedEntitySummary[] =>
  store.ownedBy(groupRef, { includeChildGroups: true }).sort(byKindThenName);

/** What a group (with its child groups) owns, by kind with exact counts and the first `perKind` of each. */
export const summariseOwned = (owned: readonly OwnedEntitySummary[], ownerRef: string, perKind: number): OwnedSummary => {
  const byKind = new Map<string, OwnedEntitySummary[]>();
  for (const entity of owned) {
    const list = byKind.get(entity.kind);
    if (list) list.push(entity);
    else byKind.set(entity.kind, [entity]);
  }
  const kinds = [...byKind.entries()]
    .sort(([a], [b]) => kindRank(a) - kindRank(b) || compareCodeUnits(a, b))
    .map(([kind, entities]) => ({ kind, count: entities.length, first: [...entities].sort((a, b) => compareCodeUnits(a.name, b.name)).slice(0, perKind) }));
  const own = ownerRef.toLowerCase();
  return { byKind: kinds, total: owned.length, throughChildTeams: owned.filter((entity) => entity.ownerRef.toLowerCase() !== own).length };
};

const existing = (store: CatalogReader, refs: readonly string[]): Entity[] =>
  refs.map((ref) => store.entityEnvelope(ref)).filter((entity): entity is Entity => entity !== undefined);

const byName = (a: Entity, b: Entity): number => compareCodeUnits(a.metadata.name, b.metadata.name);

const errorsFirst = (problems: readonly StoredProblem[]): StoredProblem[] =>
  [...problems].sort((a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'));

/** The team card for a Group ref. Throws NotFoundError when there is no such group. */
export const findTeam = (store: CatalogReader, ref: string, options: TeamOptions = {}): TeamAnswer => {
  const group = store.entityEnvelope(ref);
  if (!group || group.kind !== 'Group') throw new NotFoundError(`No group ${ref} in the catalog.`);
  const leadRef = group.metadata.annotations?.['callboard.dev/team-lead']?.trim();
  const lead = leadRef ? store.entityEnvelope(leadRef) : undefined;
  const parentRef = store.relatedRefs(ref, 'childOf')[0];
  const parent = parentRef ? store.entityEnvelope(parentRef) : undefined;
  // One read of what the team owns serves both the summary and its problems.
  const owned = store.ownedBy(ref, { includeChildGroups: true });
  const problems = errorsFirst(listProblemsOn(store, [entityRefOf(group), ...owned.map((entity) => entity.ref)]));
  return {
    group,
    ...(lead?.kind === 'User' ? { lead } : {}),
    members: existing(store, store.relatedRefs(ref, 'hasMember')).sort(byName),
    ...(parent ? { parent } : {}),
    children: existing(store, store.relatedRefs(ref, 'parentOf')).sort(byName),
    owned: summariseOwned(owned, ref, options.perKind ?? 5),
    problems: { count: problems.length, first: problems.slice(0, options.problems ?? 5) },
  };
};
