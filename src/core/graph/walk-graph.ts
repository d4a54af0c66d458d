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

const byViaThenRef = (a: GraphStep, b: GraphStep): number => compareCodeUnits(a.via, b.via) || compareCodeUnits(a.ref, b.ref);

/**
 * Breadth-first walk, one frontier at a time: each ref is reported once, at its shortest depth, so
 * cycles and diamonds cost nothing extra. `expand` answers a whole frontier at once (one query per level).
 * Stops at `maxDepth` or after `limit` nodes.
 */
export const walkGraph = (start: string, maxDepth: number, expand: (frontier: readonly string[]) => GraphStep[], limit = Infinity): ReachedNode[] => {
  const seen = new Set([start]);
  const reached: ReachedNode[] = [];
  let frontier = [start];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0 && reached.length < limit; depth++) {
    const next: string[] = [];
    for (const step of [...expand(frontier)].sort(byViaThenRef)) {
      if (seen.has(step.ref) || reached.length >= limit) continue;
      seen.add(step.ref);
      reached.push({ ref: step.ref, depth, via: step.via });
      next.push(step.ref);
    }
    frontier = next;
  }
  return reached;
};
