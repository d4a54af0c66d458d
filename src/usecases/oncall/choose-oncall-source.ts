import type { EntityWithRelations } from '../../core/catalog/entity.ts';
import type { OnCallProvider, OnCallSource } from '../../core/oncall/on-call.ts';
import type { CatalogReader } from '../../core/ports.ts';

/** Where an entity's on-call came from, for the answer's "via" line. */
export type OnCallOrigin = 'entity' | 'owner' | 'owner-rotation';

export interface ChosenOnCallSource {
  source: OnCallSource;
  origin: OnCallOrigin;
  /** The entity whose annotation or rotation was used: the entity itself, or its owning group. */
  fromRef: string;
  /** Said next to the answer: a group owning several rotations with none chosen. */
  warning?: string;
}

type Catalog = Pick<CatalogReader, 'entity' | 'ownedBy'>;

const annotationsOf = (entity: EntityWithRelations): Record<string, string> => entity.metadata.annotations ?? {};

const sourceFromAnnotations = (providers: readonly OnCallProvider[], entity: EntityWithRelations): OnCallSource | undefined => {
  for (const provider of providers) {
    const source = provider.sourceFromAnnotations(annotationsOf(entity), { namespace: entity.metadata.namespace ?? 'default' });
    if (source) return source;
  }
  return undefined;
};

const isGroup = (entity: EntityWithRelations): boolean => entity.kind.toLowerCase() === 'group';

/** The group that owns an entity: its first `ownedBy` relation to a Group. */
const owningGroupRefOf = (entity: EntityWithRelations): string | undefined =>
  entity.relations.find((relation) => relation.type === 'ownedBy' && relation.targetRef.startsWith('group:'))?.targetRef;

/** A rotation the group owns itself (not a child group's); several → the first by name, with a warning. */
const rotationOwnedBy = (catalog: Catalog, group: EntityWithRelations, groupRef: string): ChosenOnCallSource | undefined => {
  const rotations = catalog
    .ownedBy(groupRef)
    .filter((owned) => owned.kind.toLowerCase() === 'rotation' && owned.ownerRef === groupRef)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.ref < b.ref ? -1 : 1));
  const first = rotations[0];
  if (!first) return undefined;
  const warning =
    rotations.length > 1
      ? `${groupRef} owns ${rotations.length} rotations (${rotations.map((rotation) => rotation.name).join(', ')}): showing ${first.name}. Set the annotation callboard.dev/rotation on ${group.metadata.name} to choose one.`
      : undefined;
  return {
    source: { provider: 'rotation', id: first.ref, annotation: `the rotation ${groupRef} owns` },
    origin: 'owner-rotation',
    fromRef: groupRef,
    ...(warning ? { warning } : {}),
  };
};

/**
 * Which on-call an entity has (issue order): its own annotation, else its owning group's annotation, else the
 * rotation that group owns. A Group answers with its own annotation, else its own rotation. Providers are asked
 * in order, so the first one whose annotation is present wins.
 */
export const chooseOnCallSource = (catalog: Catalog, providers: readonly OnCallProvider[], entityRef: string): ChosenOnCallSource | undefined => {
  const entity = catalog.entity(entityRef);
  if (!entity) return undefined;
  const ref = entityRef.toLowerCase();
  const own = sourceFromAnnotations(providers, entity);
  if (own) return { source: own, origin: 'entity', fromRef: ref };
  if (isGroup(entity)) return rotationOwnedBy(catalog, entity, ref);
  const groupRef = owningGroupRefOf(entity);
  const group = groupRef ? catalog.entity(groupRef) : undefined;
  if (!groupRef || !group) return undefined;
  const ofGroup = sourceFromAnnotations(providers, group);
  if (ofGroup) return { source: ofGroup, origin: 'owner', fromRef: groupRef };
  return rotationOwnedBy(catalog, group, groupRef);
};
