import type { DependencyAnswer } from '../core/catalog-reader/catalog-answers.ts';
import { dependencyNodeBudget, hasDependencyRelations, maxDependencyDepth, type DependencyDirection } from '../core/graph/dependency-edges.ts';
import { InvalidInputError, NotFoundError } from '../core/errors.ts';
import type { CatalogReader } from '../core/ports.ts';

export interface DependencyQuestion {
  direction: DependencyDirection;
  /** The most hops to list; the whole graph when left out. */
  depth?: number;
  /** The most entities to reach (default {@link dependencyNodeBudget}). */
  budget?: number;
}

/**
 * What an entity depends on (forward) or its blast radius (reverse): the whole graph unless a depth is
 * given, cycle-safe, bounded by a node budget, with a count of what lies past the depth.
 */
export const findDependencies = (store: CatalogReader, ref: string, question: DependencyQuestion): DependencyAnswer => {
  const { direction, depth } = question;
  if (depth !== undefined && (!Number.isInteger(depth) || depth < 1 || depth > maxDependencyDepth)) {
    throw new InvalidInputError(`depth must be a whole number from 1 to ${maxDependencyDepth}, got ${depth}`);
  }
  const entity = store.entity(ref);
  if (!entity) throw new NotFoundError(`No entity ${ref} in the catalog.`);
  const budget = question.budget ?? dependencyNodeBudget;
  const walk = store.dependencyWalk(ref, direction, { ...(depth !== undefined ? { depth } : {}), budget });
  const oppositeHasRelations = hasDependencyRelations(entity, direction === 'forward' ? 'reverse' : 'forward');
  return { ref, direction, ...(depth !== undefined ? { depth } : {}), ...walk, budget, oppositeHasRelations };
};
