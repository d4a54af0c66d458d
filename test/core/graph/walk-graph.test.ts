import { describe, expect, it } from 'vitest';
import { walkGraph } from '../../../src/core/graph/walk-graph.ts';

const graph: Record<string, string[]> = {
  a: ['b', 'c'],
  b: ['d'],
  c: ['d', 'a'],
  d: ['e', 'b'],
  e: [],
};
const expand = (frontier: readonly string[]) => frontier.flatMap((via) => (graph[via] ?? []).map((ref) => ({ ref, via })));

describe('walkGraph', () => {
  it('reports each node once at its shortest depth, ignoring cycles back to the start', () => {
    expect(walkGraph('a', 10, expand)).toEqual([
      { ref: 'b', depth: 1, via: 'a' },
      { ref: 'c', depth: 1, via: 'a' },
      { ref: 'd', depth: 2, via: 'b' },
      { ref: 'e', depth: 3, via: 'd' },
    ]);
  });

  it('stops at the depth limit and at the node limit', () => {
    expect(walkGraph('a', 1, expand).map((node) => node.ref)).toEqual(['b', 'c']);
    expect(walkGraph('a', 10, expand, 3).map((node) => node.ref)).toEqual(['b', 'c', 'd']);
  });

  it('asks for one frontier per level', () => {
    const frontiers: string[][] = [];
    walkGraph('a', 10, (frontier) => {
      frontiers.push([...frontier]);
      return expand(frontier);
    });
    expect(frontiers).toEqual([['a'], ['b', 'c'], ['d'], ['e']]);
  });
});
