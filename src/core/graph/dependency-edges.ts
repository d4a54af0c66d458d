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

/** The most hops a dependency question may ask for; deeper walks are summarised, never unbounded. */
export const maxDependencyDepth = 20;

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
