import type { EntityWithRelations } from '../core/catalog/entity.ts';
import { compareCodeUnits } from '../core/compare-code-units.ts';
import { dependencyNodeBudget, dependencyRelationTypes, type DependencyWalk } from '../core/graph/dependency-edges.ts';
import { unknownFact, type DependencyLifecycle, type UnknownFact } from '../core/scorecards/facts.ts';
import type { CatalogReader } from '../core/ports.ts';

export type DependencyLifecycles = (entity: EntityWithRelations, ref: string) => readonly DependencyLifecycle[] | UnknownFact;

const forwardTypes: ReadonlySet<string> = new Set(dependencyRelationTypes.forward);

/** Nodes of the walks kept for a run; past it they are dropped and walked again when needed. */
const MAX_KEPT_NODES = 200_000;

const tooMany = (): UnknownFact => unknownFact(`more than ${dependencyNodeBudget} dependencies to walk`);

/**
 * What an entity depends on, transitively, with each dependency's lifecycle: the answer of a forward dependency walk
 * from the entity. Thousands of services depend on the same few hundred databases and APIs, so the walk is put
 * together from the entity's own relations (its direct dependencies, which the walk's first step reads the same way)
 * and one walk from each direct dependency, kept for the scoring run: a node's depth is one more than its nearest
 * distance from a direct dependency. A direct dependency whose walk hit the budget, and a union past it, are answered
 * as before (a walk from the entity; unknown past the budget). Create one per run: nothing is kept past it.
 */
export function createDependencyLifecycles(catalog: Pick<CatalogReader, 'dependencyWalk' | 'entityEnvelope'>): DependencyLifecycles {
  const walks = new Map<string, DependencyWalk>();
  let keptNodes = 0;
  const walkFrom = (ref: string): DependencyWalk => {
    let walk = walks.get(ref);
    if (walk) return walk;
    walk = catalog.dependencyWalk(ref, 'forward', { budget: dependencyNodeBudget });
    // Deep, distinct walks (a long chain of services) would otherwise pile up: start over past the bound.
    if (keptNodes > MAX_KEPT_NODES) {
      walks.clear();
      keptNodes = 0;
    }
    walks.set(ref, walk);
    keptNodes += walk.nodes.length + 1;
    return walk;
  };
  const entities = new Map<string, { exists: boolean; lifecycle: string | undefined }>();
  const entityOf = (ref: string): { exists: boolean; lifecycle: string | undefined } => {
    let known = entities.get(ref);
    if (!known) {
      const envelope = catalog.entityEnvelope(ref);
      const lifecycle = envelope?.spec?.lifecycle;
      entities.set(ref, (known = { exists: envelope !== undefined, lifecycle: typeof lifecycle === 'string' ? lifecycle : undefined }));
    }
    return known;
  };
  const withLifecycles = (refs: readonly string[]): DependencyLifecycle[] =>
    refs.flatMap((ref) => {
      const { exists, lifecycle } = entityOf(ref);
      if (!exists) return [];
      return lifecycle === undefined ? [{ ref }] : [{ ref, lifecycle }];
    });

  const walkedFromEntity = (ref: string): readonly DependencyLifecycle[] | UnknownFact => {
    const walk = catalog.dependencyWalk(ref, 'forward', { budget: dependencyNodeBudget });
    return walk.budgetReached ? tooMany() : withLifecycles(walk.nodes.map((node) => node.ref));
  };

  return (entity, ref) => {
    const direct = new Set<string>();
    for (const relation of entity.relations) if (forwardTypes.has(relation.type) && relation.targetRef !== ref) direct.add(relation.targetRef);
    const depths = new Map<string, number>();
    for (const target of direct) {
      const walk = walkFrom(target);
      if (walk.budgetReached) return walkedFromEntity(ref);
      depths.set(target, 1);
      for (const node of walk.nodes) {
        if (node.ref === ref) continue;
        const depth = node.depth + 1;
        const known = depths.get(node.ref);
        if (known === undefined || depth < known) depths.set(node.ref, depth);
      }
    }
    if (depths.size > dependencyNodeBudget) return tooMany();
    const ordered = [...depths].sort((a, b) => a[1] - b[1] || compareCodeUnits(a[0], b[0])).map(([node]) => node);
    return withLifecycles(ordered);
  };
}
