import { describe, expect, it } from 'vitest';
import { walkGraph, type GraphStep } from '../../../src/core/graph/walk-graph.ts';

const graph: Record<string, string[]> = {
  a: ['b', 'c'],
  b: ['d'],
  c: ['d', 'a'],
  d: ['e', 'b'],
  e: [],
};
const expandOver =
  (edges: Record<string, string[]>) =>
  (frontier: readonly string[]): GraphStep[] =>
    frontier.flatMap((via) => (edges[via] ?? []).map((ref) => ({ ref, via })));
const expand = expandOver(graph);

/** A chain 0 → 1 → … → n-1 whose last node points back at the first: one long cycle. */
const ring = (n: number): Record<string, string[]> => Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i), [String((i + 1) % n)]]));

describe('walkGraph', () => {
  it('reports each node once at its shortest depth, ignoring cycles back to the start', () => {
    expect(walkGraph('a', {}, expand)).toEqual({
      reached: [
        { ref: 'b', depth: 1, via: 'a' },
        { ref: 'c', depth: 1, via: 'a' },
        { ref: 'd', depth: 2, via: 'b' },
        { ref: 'e', depth: 3, via: 'd' },
      ],
      budgetReached: false,
    });
  });

  it('follows the whole graph when no depth is given, past any fixed number of hops, and ends on a cycle', () => {
    const walk = walkGraph('0', {}, expandOver(ring(60)));
    expect(walk.reached).toHaveLength(59);
    expect(walk.reached.at(-1)).toEqual({ ref: '59', depth: 59, via: '58' });
    expect(walk.budgetReached).toBe(false);
  });

  it('stops at the depth limit', () => {
    expect(walkGraph('a', { maxDepth: 1 }, expand).reached.map((node) => node.ref)).toEqual(['b', 'c']);
  });

  it('stops at the node budget and says more were waiting', () => {
    const walk = walkGraph('a', { budget: 3 }, expand);
    expect(walk.reached.map((node) => node.ref)).toEqual(['b', 'c', 'd']);
    expect(walk.budgetReached).toBe(true);
  });

  it('does not claim a cut when the budget is met exactly by the whole graph', () => {
    const walk = walkGraph('a', { budget: 4 }, expand);
    expect(walk.reached).toHaveLength(4);
    expect(walk.budgetReached).toBe(false);
  });

  it('asks for one frontier per level', () => {
    const frontiers: string[][] = [];
    walkGraph('a', {}, (frontier) => {
      frontiers.push([...frontier]);
      return expand(frontier);
    });
    expect(frontiers).toEqual([['a'], ['b', 'c'], ['d'], ['e']]);
  });
});
