import type { Entity, EntityWithRelations } from '../../../../src/core/catalog/entity.ts';
import { entityRefOf } from '../../../../src/core/catalog/refs.ts';
import type { StoredProblem } from '../../../../src/core/catalog-reader/catalog-queries.ts';
import type { CatalogReader } from '../../../../src/core/ports.ts';

export interface FakeRelation {
  source: string;
  type: string;
  target: string;
}

/**
 * A catalog holding the given entities and relations. Only the queries the scaffolder makes are answered; any
 * other throws, so a test notices when the scaffolder starts to depend on more.
 */
export const fakeCatalog = (entities: Entity[], relations: FakeRelation[] = [], problems: StoredProblem[] = []): CatalogReader & { entityList: Entity[] } => {
  const byRef = new Map(entities.map((entity) => [entityRefOf(entity), entity]));
  const withRelations = (entity: Entity): EntityWithRelations => ({
    ...entity,
    relations: relations.filter((relation) => relation.source === entityRefOf(entity)).map((relation) => ({ type: relation.type, targetRef: relation.target })),
  });
  const answered: Partial<CatalogReader> = {
    entity: (ref) => {
      const entity = byRef.get(ref.toLowerCase());
      return entity ? withRelations(entity) : undefined;
    },
    entityEnvelope: (ref) => byRef.get(ref.toLowerCase()),
    entities: (options) =>
      [...byRef.values()].filter((entity) => !options?.kind || entity.kind.toLowerCase() === options.kind.toLowerCase()).map(withRelations),
    relatedRefs: (ref, type) =>
      relations.filter((relation) => relation.source === ref.toLowerCase() && relation.type === type).map((relation) => relation.target),
    problems: (filter) =>
      problems.filter(
        (problem) =>
          (!filter?.entityRefs || filter.entityRefs.includes(problem.entityRef ?? '')) && (!filter?.severity || filter.severity === problem.severity),
      ),
  };
  return new Proxy({ ...answered, entityList: entities } as CatalogReader & { entityList: Entity[] }, {
    get: (target, name) => {
      if (name in target) return target[name as keyof typeof target];
      if (typeof name === 'symbol' || name === 'then') return undefined;
      throw new Error(`the fake catalog does not answer ${name}`);
    },
  });
};

/** A user in groups, and groups under parents: the relations both ways, as the catalog stores them. */
export const orgRelations = (memberships: Record<string, string[]>, parents: Record<string, string> = {}): FakeRelation[] => [
  ...Object.entries(memberships).flatMap(([user, groups]) =>
    groups.flatMap((group) => [
      { source: user, type: 'memberOf', target: group },
      { source: group, type: 'hasMember', target: user },
    ]),
  ),
  ...Object.entries(parents).flatMap(([child, parent]) => [
    { source: child, type: 'childOf', target: parent },
    { source: parent, type: 'parentOf', target: child },
  ]),
];

export const userEntity = (name: string, email = `${name}@example.com`): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: { email }, memberOf: [] },
});

export const templateEntity = (name: string, spec: Record<string, unknown>, metadata: Partial<Entity['metadata']> = {}): Entity => ({
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name, namespace: 'default', title: name, ...metadata },
  spec: { type: 'service', owner: 'group:default/platform', ...spec },
});
