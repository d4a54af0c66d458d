/**
 * Every relation type and its inverse. The store keeps one row per edge, as emitted by the entity
 * whose spec declares it, and derives the inverse side from this table when reading: half the rows
 * to write, and an edge declared from both ends (Group parent + children) is still one relation.
 */
export const relationPairs: ReadonlyArray<readonly [string, string]> = [
  ['ownedBy', 'ownerOf'],
  ['partOf', 'hasPart'],
  ['providesApi', 'apiProvidedBy'],
  ['consumesApi', 'apiConsumedBy'],
  ['dependsOn', 'dependencyOf'],
  ['memberOf', 'hasMember'],
  ['childOf', 'parentOf'],
];

const inverses = new Map<string, string>(relationPairs.flatMap(([a, b]) => [[a, b] as const, [b, a] as const]));

/** The type the same edge has when seen from its other end; undefined for an unknown type. */
export const inverseRelationType = (type: string): string | undefined => inverses.get(type);
