import type { Entity } from '../core/catalog/entity.ts';
import { entityRefOf } from '../core/catalog/refs.ts';
import { compareCodeUnits } from '../core/compare-code-units.ts';
import { NotFoundError } from '../core/errors.ts';
import type { CatalogReader } from '../core/ports.ts';
import { summariseOwned, type OwnedSummary } from './find-team.ts';

/** One of a person's teams and what it owns. */
export interface PersonTeam {
  group: Entity;
  owned: OwnedSummary;
}

/** A person card: their teams, what those own, and anything owned by the person directly. */
export interface PersonAnswer {
  user: Entity;
  teams: PersonTeam[];
  /** Entities whose `spec.owner` is this user. */
  ownedDirectly: OwnedSummary;
}

/** The person card for a User ref. Throws NotFoundError when there is no such user. */
export const findPerson = (store: CatalogReader, ref: string, options: { perKind?: number } = {}): PersonAnswer => {
  const user = store.entityEnvelope(ref);
  if (!user || user.kind !== 'User') throw new NotFoundError(`No user ${ref} in the catalog.`);
  const perKind = options.perKind ?? 3;
  const groups = store
    .relatedRefs(ref, 'memberOf')
    .map((groupRef) => store.entityEnvelope(groupRef))
    .filter((group): group is Entity => group?.kind === 'Group')
    .sort((a, b) => compareCodeUnits(a.metadata.name, b.metadata.name));
  return {
    user,
    teams: groups.map((group) => {
      const groupRef = entityRefOf(group);
      return { group, owned: summariseOwned(store.ownedBy(groupRef, { includeChildGroups: true }), groupRef, perKind) };
    }),
    ownedDirectly: summariseOwned(store.ownedBy(ref), ref, perKind),
  };
};
