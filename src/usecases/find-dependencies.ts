import type { DependencyAnswer } from '../core/catalog-reader/catalog-answers.ts';
import { maxDependencyDepth, type DependencyDirection } from '../core/graph/dependency-edges.ts';
import { InvalidInputError, NotFoundError } from '../core/errors.ts';
import type { CatalogReader } from '../core/ports.ts';

/** What an entity depends on (forward) or its blast radius (reverse), up to `depth` hops, cycle-safe. */
export const findDependencies = (store: CatalogReader, ref: string, options: { direction: DependencyDirection; depth: number }): DependencyAnswer => {
  if (!Number.isInteger(options.depth) || options.depth < 1 || options.depth > maxDependencyDepth) {
    throw new InvalidInputError(`depth must be a whole number from 1 to ${maxDependencyDepth}, got ${options.depth}`);
  }
  if (!store.entityEnvelope(ref)) throw new NotFoundError(`No entity ${ref} in the catalog.`);
  return { ref, direction: options.direction, depth: options.depth, nodes: store.dependencyWalk(ref, options.direction, options.depth) };
};
