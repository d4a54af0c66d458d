import { compareCodeUnits } from '../compare-code-units.ts';

/** An edge found while expanding a frontier: `ref` reached from `via`. */
export interface GraphStep {
  ref: string;
  via: string;
}

export interface ReachedNode {
  ref: string;
  depth: number;
  via: string;
}

export interface GraphWalk {
  /** Every node reached, nearest first, each once at its shortest depth. */
  reached: ReachedNode[];
  /** True when the node budget stopped the walk while at least one more node was waiting to be reached. */
  budgetReached: boolean;
}

export interface WalkLimits {
  /** The most hops to follow; the whole graph when left out. */
  maxDepth?: number;
  /** The most nodes to reach; the walk stops there and says so. */
  budget?: number;
}

const byViaThenRef = (a: GraphStep, b: GraphStep): number => compareCodeUnits(a.via, b.via) || compareCodeUnits(a.ref, b.ref);

/**
 * Breadth-first walk, one frontier at a time: each ref is reported once, at its shortest depth, so
 * cycles and diamonds cost nothing extra and the walk ends on any graph. `expand` answers a whole
 * frontier at once (one query per level). Stops after `maxDepth` hops or when `budget` nodes are
 * reached; a walk the budget stopped says so rather than passing for the whole answer.
 */
export const walkGraph = (start: string, limits: WalkLimits, expand: (frontier: readonly string[]) => GraphStep[]): GraphWalk => {
  const maxDepth = limits.maxDepth ?? Infinity;
  const budget = limits.budget ?? Infinity;
  const seen = new Set([start]);
  const reached: ReachedNode[] = [];
  let frontier = [start];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const step of [...expand(frontier)].sort(byViaThenRef)) {
      if (seen.has(step.ref)) continue;
      if (reached.length >= budget) return { reached, budgetReached: true };
      seen.add(step.ref);
      reached.push({ ref: step.ref, depth, via: step.via });
      next.push(step.ref);
    }
    frontier = next;
  }
  return { reached, budgetReached: false };
};
