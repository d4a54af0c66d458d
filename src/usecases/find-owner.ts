import type { Entity } from '../core/catalog/entity.ts';
import type { OwnerAnswer } from '../core/catalog-reader/catalog-answers.ts';
import { NotFoundError } from '../core/errors.ts';
import type { CatalogReader } from '../core/ports.ts';

const firstRelated = (store: CatalogReader, ref: string, type: string): string | undefined => store.relatedRefs(ref, type)[0];

const existing = (store: CatalogReader, refs: readonly string[]): Entity[] =>
  refs.map((ref) => store.entityEnvelope(ref)).filter((entity): entity is Entity => entity !== undefined);

/** Who owns an entity, with the contact details and members needed to reach them. */
export const findOwner = (store: CatalogReader, ref: string): OwnerAnswer => {
  const entity = store.entity(ref);
  if (!entity) throw new NotFoundError(`No entity ${ref} in the catalog.`);
  const ownerRef = firstRelated(store, ref, 'ownedBy');
  const owner = ownerRef ? store.entityEnvelope(ownerRef) : undefined;
  const members = !owner ? [] : owner.kind === 'User' ? [owner] : existing(store, store.relatedRefs(ownerRef!, 'hasMember'));
  const parentRef = owner && owner.kind === 'Group' ? firstRelated(store, ownerRef!, 'childOf') : undefined;
  const parent = parentRef ? store.entityEnvelope(parentRef) : undefined;
  const systemRef = store.relatedRefs(ref, 'partOf').find((target) => target.startsWith('system:'));
  const domainRef = systemRef ? store.relatedRefs(systemRef, 'partOf').find((target) => target.startsWith('domain:')) : undefined;
  return {
    entity,
    members,
    ...(ownerRef ? { ownerRef } : {}),
    ...(owner ? { owner } : {}),
    ...(parent ? { parent } : {}),
    ...(systemRef ? { systemRef } : {}),
    ...(domainRef ? { domainRef } : {}),
  };
};
