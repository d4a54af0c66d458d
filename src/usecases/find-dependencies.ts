import { maxDependencyDepth, type DependencyDirection, type DependencyNode } from '../core/graph/dependency-edges.ts';
import { InvalidInputError, NotFoundError } from '../core/errors.ts';
import type { SqliteCatalogStore } from '../store/sqlite-catalog-store.ts';

export interface DependencyAnswer {
  ref: string;
  direction: DependencyDirection;
  depth: number;
  nodes: DependencyNode[];
}

/** What an entity depends on (forward) or its blast radius (reverse), up to `depth` hops, cycle-safe. */
export const findDependencies = (store: SqliteCatalogStore, ref: string, options: { direction: DependencyDirection; depth: number }): DependencyAnswer => {
  if (!Number.isInteger(options.depth) || options.depth < 1 || options.depth > maxDependencyDepth) {
    throw new InvalidInputError(`depth must be a whole number from 1 to ${maxDependencyDepth}, got ${options.depth}`);
  }
  if (!store.entityEnvelope(ref)) throw new NotFoundError(`No entity ${ref} in the catalog.`);
  return { ref, direction: options.direction, depth: options.depth, nodes: store.dependencyWalk(ref, options.direction, options.depth) };
};
