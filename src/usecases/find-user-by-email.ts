import type { Entity } from '../core/catalog/entity.ts';
import type { CatalogPerson } from '../core/catalog-reader/catalog-answers.ts';
import type { CatalogReader } from '../core/ports.ts';

/** Who an email address is in the catalog, and which teams they belong to. */
export const findUserByEmail = (store: CatalogReader, email: string): CatalogPerson => {
  const ref = email.trim() ? store.usersWithEmail(email)[0] : undefined;
  const user = ref ? store.entityEnvelope(ref) : undefined;
  if (!ref || !user) return { groups: [] };
  const groups = store
    .relatedRefs(ref, 'memberOf')
    .map((groupRef) => store.entityEnvelope(groupRef))
    .filter((group): group is Entity => group !== undefined);
  return { user, groups };
};
