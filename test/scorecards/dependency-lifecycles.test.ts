import { describe, expect, it } from 'vitest';
import type { Entity, EntityWithRelations } from '../../src/core/catalog/entity.ts';
import { compareCodeUnits } from '../../src/core/compare-code-units.ts';
import { dependencyNodeBudget, type DependencyWalk } from '../../src/core/graph/dependency-edges.ts';
import { walkGraph } from '../../src/core/graph/walk-graph.ts';
import { isUnknownFact } from '../../src/core/scorecards/facts.ts';
import { createDependencyLifecycles } from '../../src/scorecards/dependency-lifecycles.ts';

/** A catalog whose walks follow `edges` as the store's do (nearest first, then by ref); refs in `missing` are dangling. */
const catalogOf = (edges: Record<string, string[]>, missing: ReadonlySet<string> = new Set()) => {
  const walked: string[] = [];
  return {
    walked,
    dependencyWalk(ref: string, _direction: 'forward' | 'reverse', options: { budget: number }): DependencyWalk {
      walked.push(ref);
      const walk = walkGraph(ref, { budget: options.budget }, (frontier) => frontier.flatMap((via) => (edges[via] ?? []).map((to) => ({ ref: to, via }))));
      const nodes = walk.reached
        .map((node) => ({ ...node, exists: !missing.has(node.ref), kind: node.ref.slice(0, node.ref.indexOf(':')) }))
        .sort((a, b) => a.depth - b.depth || compareCodeUnits(a.ref, b.ref));
      return { nodes, beyondDepth: 0, budgetReached: walk.budgetReached };
    },
    entityEnvelope(ref: string): Entity | undefined {
      if (missing.has(ref)) return undefined;
      const lifecycle = ref.includes('old') ? 'deprecated' : ref.startsWith('resource:') ? undefined : 'production';
      return { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: ref }, spec: lifecycle ? { lifecycle } : {} };
    },
  };
};

const entityOf = (ref: string, edges: Record<string, string[]>): EntityWithRelations => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: ref },
  relations: [
    ...(edges[ref] ?? []).map((targetRef, index) => ({ type: index % 2 === 0 ? 'dependsOn' : 'consumesApi', targetRef })),
    { type: 'ownedBy', targetRef: 'group:default/team' },
  ],
});

/** The answer of one walk from the entity itself: what the runner asked before walks were shared. */
const walkedFromEntity = (catalog: ReturnType<typeof catalogOf>, ref: string) => {
  const walk = catalog.dependencyWalk(ref, 'forward', { budget: dependencyNodeBudget });
  if (walk.budgetReached) return 'unknown';
  return walk.nodes
    .filter((node) => node.exists)
    .map((node) => {
      const lifecycle = catalog.entityEnvelope(node.ref)?.spec?.lifecycle;
      return typeof lifecycle === 'string' ? { ref: node.ref, lifecycle } : { ref: node.ref };
    });
};

const graphs: Record<string, Record<string, string[]>> = {
  'a diamond and shared databases': {
    'component:a': ['component:b', 'component:c'],
    'component:b': ['resource:db-old', 'component:d'],
    'component:c': ['component:d'],
    'component:d': ['resource:db-1'],
  },
  'a cycle through the entity, and a self loop': {
    'component:a': ['component:b', 'component:a'],
    'component:b': ['component:c'],
    'component:c': ['component:a', 'resource:db-old'],
  },
  'a shorter path found through a later dependency': {
    'component:a': ['component:b', 'component:z'],
    'component:b': ['component:c'],
    'component:c': ['component:d'],
    'component:z': ['component:d'],
    'component:d': ['api:x', 'component:dangling'],
  },
};

describe('dependency lifecycles from shared walks', () => {
  for (const [name, edges] of Object.entries(graphs)) {
    it(`answers as a walk from the entity would: ${name}`, () => {
      const missing = new Set(['component:dangling']);
      for (const ref of Object.keys(edges)) {
        const catalog = catalogOf(edges, missing);
        const shared = createDependencyLifecycles(catalog)(entityOf(ref, edges), ref);
        expect(shared, ref).toEqual(walkedFromEntity(catalogOf(edges, missing), ref));
      }
    });
  }

  it('walks each direct dependency once for all the entities of a run', () => {
    const edges: Record<string, string[]> = { 'resource:db-old': [], 'api:x': ['resource:db-1'] };
    for (let i = 0; i < 50; i++) edges[`component:svc-${i}`] = ['resource:db-old', 'api:x'];
    const catalog = catalogOf(edges);
    const lifecycles = createDependencyLifecycles(catalog);
    for (let i = 0; i < 50; i++) {
      expect(lifecycles(entityOf(`component:svc-${i}`, edges), `component:svc-${i}`)).toEqual([
        { ref: 'api:x', lifecycle: 'production' },
        { ref: 'resource:db-old', lifecycle: 'deprecated' },
        { ref: 'resource:db-1' },
      ]);
    }
    expect(catalog.walked.sort()).toEqual(['api:x', 'resource:db-old']);
  });

  it('is unknown past the node budget, as the walk from the entity is', () => {
    const edges: Record<string, string[]> = { 'component:a': ['component:n0'] };
    for (let i = 0; i < dependencyNodeBudget; i++) edges[`component:n${i}`] = [`component:n${i + 1}`];
    const answer = createDependencyLifecycles(catalogOf(edges))(entityOf('component:a', edges), 'component:a');
    expect(isUnknownFact(answer) && answer.reason).toBe(`more than ${dependencyNodeBudget} dependencies to walk`);
    expect(walkedFromEntity(catalogOf(edges), 'component:a')).toBe('unknown');
    // One node fewer fits: the walk from the entity reaches exactly the budget.
    const within = createDependencyLifecycles(catalogOf(edges))(entityOf('component:n0', edges), 'component:n0');
    expect(Array.isArray(within) && within.length).toBe(dependencyNodeBudget);
  });
});
