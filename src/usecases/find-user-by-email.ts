import type { Entity } from '../core/catalog/entity.ts';
import type { SqliteCatalogStore } from '../store/sqlite-catalog-store.ts';

export interface CatalogPerson {
  /** The User whose `spec.profile.email` matches; the first by ref when several do. */
  user?: Entity;
  /** Groups the user is a member of (`memberOf`), that exist in the catalog. */
  groups: Entity[];
}

/** Who an email address is in the catalog, and which teams they belong to. */
export const findUserByEmail = (store: SqliteCatalogStore, email: string): CatalogPerson => {
  const ref = email.trim() ? store.usersWithEmail(email)[0] : undefined;
  const user = ref ? store.entityEnvelope(ref) : undefined;
  if (!ref || !user) return { groups: [] };
  const groups = store
    .relatedRefs(ref, 'memberOf')
    .map((groupRef) => store.entityEnvelope(groupRef))
    .filter((group): group is Entity => group !== undefined);
  return { user, groups };
};
