import type { EntityWithRelations } from '../catalog/entity.ts';

/**
 * Which relation types make up "depends on" when walking the catalog graph. A component depends on
 * what it `dependsOn` and on the components behind the APIs it consumes; its blast radius (dependents)
 * is the reverse: what depends on it and who consumes the APIs it provides.
 */
export const dependencyRelationTypes = {
  forward: ['dependsOn', 'consumesApi', 'apiProvidedBy'],
  reverse: ['dependencyOf', 'providesApi', 'apiConsumedBy'],
} as const;

export type DependencyDirection = keyof typeof dependencyRelationTypes;

/**
 * Whether a Dependencies (forward) or Dependents (reverse) answer has anything to show: the entity
 * has at least one relation the walk follows that way (forward: dependsOn, consumesApi,
 * apiProvidedBy; reverse: dependencyOf, providesApi, apiConsumedBy). Groups, users, systems and
 * domains have none, and neither has a component that depends on nothing.
 */
export const hasDependencyRelations = (entity: EntityWithRelations, direction: DependencyDirection): boolean => {
  const types: readonly string[] = dependencyRelationTypes[direction];
  return entity.relations.some((relation) => types.includes(relation.type));
};

/** The most hops `--depth` may ask for; without it a walk follows the whole graph (within the node budget). */
export const maxDependencyDepth = 20;

/**
 * The most entities one dependency walk reaches. A blast radius follows the whole graph, and every page
 * of a Slack answer walks it again (the answer is rebuilt from the button's value: ephemeral messages are
 * not sent back with a click), so a walk must stay a few tens of milliseconds on a 50k-entity catalog.
 * 5,000 is far more than anyone reads or acts on one by one; an answer that reaches it says so.
 */
export const dependencyNodeBudget = 5000;

/** A node reached while walking dependencies. */
export interface DependencyNode {
  ref: string;
  /** Hops from the starting entity (1 = direct). */
  depth: number;
  /** The ref one hop closer to the start through which this node was first reached. */
  via: string;
  /** False when the ref points at no entity (a dangling ref). */
  exists: boolean;
  kind: string;
  title?: string;
  description?: string;
  ownerRef?: string;
  lifecycle?: string;
  /** `spec.type` (service, website, database, …). */
  type?: string;
}

/** A dependency walk: the nodes within the depth asked for, and what lies past it. */
export interface DependencyWalk {
  /** Nodes within the depth asked for (every depth when none was), nearest first. */
  nodes: DependencyNode[];
  /** Nodes reached past the depth asked for; with `budgetReached`, at least this many. */
  beyondDepth: number;
  /** True when the node budget stopped the walk and more entities were waiting to be reached. */
  budgetReached: boolean;
}

/** Groups nodes by depth, nearest first, for "grouped by depth" answers. */
export const groupByDepth = (nodes: readonly DependencyNode[]): Map<number, DependencyNode[]> => {
  const groups = new Map<number, DependencyNode[]>();
  for (const node of [...nodes].sort((a, b) => a.depth - b.depth || a.ref.localeCompare(b.ref))) {
    const group = groups.get(node.depth) ?? [];
    group.push(node);
    groups.set(node.depth, group);
  }
  return groups;
};
