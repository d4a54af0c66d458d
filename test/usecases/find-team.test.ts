import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../src/catalog-runtime.ts';
import { entityRefOf } from '../../src/core/catalog/refs.ts';
import { NotFoundError } from '../../src/core/errors.ts';
import { findPerson } from '../../src/usecases/find-person.ts';
import { findTeam, summariseOwned } from '../../src/usecases/find-team.ts';
import { SyncHarness } from '../helpers/sync-harness.ts';
import { openExampleCatalog } from '../slack/helpers/catalog-fixture.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

const refs = (entities: ReadonlyArray<{ metadata: { name: string } } & Parameters<typeof entityRefOf>[0]>) => entities.map(entityRefOf);

describe('findTeam on the example org', () => {
  it('checkout-team: lead, members, parent, what it owns by kind with exact counts', () => {
    const team = findTeam(runtime.store, 'group:default/checkout-team');
    expect(team.lead && entityRefOf(team.lead)).toBe('user:default/marcus.oyelaran');
    expect(refs(team.members)).toEqual(['user:default/marcus.oyelaran', 'user:default/sofia.marquez', 'user:default/tomasz.nowak']);
    expect(team.parent && entityRefOf(team.parent)).toBe('group:default/commerce-engineering');
    expect(team.children).toEqual([]);
    expect(team.owned.total).toBe(6);
    expect(team.owned.throughChildTeams).toBe(0);
    expect(team.owned.byKind.map(({ kind, count }) => [kind, count])).toEqual([
      ['System', 1],
      ['Component', 3],
      ['API', 2],
    ]);
    expect(team.owned.byKind[1]!.first.map((entity) => entity.name)).toEqual(['cart-service', 'checkout-service', 'pricing-service']);
    expect(team.problems).toEqual({ count: 0, first: [] });
  });

  it('a department owns what its child teams own, and lists them', () => {
    const department = findTeam(runtime.store, 'group:default/commerce-engineering', { perKind: 2 });
    expect(refs(department.children)).toEqual([
      'group:default/checkout-team',
      'group:default/payments-team',
      'group:default/search-team',
      'group:default/storefront-team',
    ]);
    const all = runtime.store.ownedBy('group:default/commerce-engineering', { includeChildGroups: true }).length;
    const direct = runtime.store.ownedBy('group:default/commerce-engineering').length;
    expect(all).toBeGreaterThan(10);
    expect(department.owned).toMatchObject({ total: all, throughChildTeams: all - direct });
    for (const kind of department.owned.byKind) expect(kind.first.length).toBeLessThanOrEqual(2);
    expect(department.owned.byKind.reduce((sum, kind) => sum + kind.count, 0)).toBe(all);
  });

  it('refuses what is not a group', () => {
    expect(() => findTeam(runtime.store, 'component:default/checkout-service')).toThrow(NotFoundError);
  });
});

describe('findTeam problems', () => {
  it("counts the open problems on the team's entities and lists the first few", async () => {
    const harness = new SyncHarness();
    try {
      harness.write('org.yaml', 'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a\nspec:\n  type: team\n  children: []\n');
      const services = Array.from({ length: 7 }, (_, i) =>
        [
          'apiVersion: backstage.io/v1alpha1',
          'kind: Component',
          'metadata:',
          `  name: svc-${i}`,
          'spec:',
          '  type: service',
          '  lifecycle: production',
          '  owner: team-a',
          `  dependsOn: [component:missing-${i}]`,
        ].join('\n'),
      );
      harness.write('services.yaml', services.join('\n---\n'));
      harness.write(
        'other.yaml',
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: elsewhere\nspec:\n  type: service\n  lifecycle: production\n  owner: team-b\n',
      );
      await harness.sync();
      const team = findTeam(harness.store, 'group:default/team-a', { problems: 3 });
      expect(team.problems.count).toBe(7);
      expect(team.problems.first).toHaveLength(3);
      expect(team.problems.first.every((problem) => problem.entityRef?.startsWith('component:default/svc-'))).toBe(true);
      expect(team.owned.total).toBe(7);
    } finally {
      harness.close();
    }
  });
});

describe('summariseOwned', () => {
  const owned = (kind: string, name: string, ownerRef = 'group:default/a') => ({ ref: `${kind.toLowerCase()}:default/${name}`, kind, name, ownerRef });

  it('orders kinds System, Component, API, Resource, then the rest; names within a kind; counts stay exact', () => {
    const summary = summariseOwned(
      [
        owned('Template', 't'),
        owned('Resource', 'r'),
        owned('Component', 'b'),
        owned('Component', 'a', 'group:default/child'),
        owned('API', 'x'),
        owned('Component', 'c'),
      ],
      'group:default/a',
      2,
    );
    expect(summary.byKind.map((entry) => [entry.kind, entry.count, entry.first.map((entity) => entity.name)])).toEqual([
      ['Component', 3, ['a', 'b']],
      ['API', 1, ['x']],
      ['Resource', 1, ['r']],
      ['Template', 1, ['t']],
    ]);
    expect(summary).toMatchObject({ total: 6, throughChildTeams: 1 });
  });
});

describe('findPerson on the example org', () => {
  it('marcus.oyelaran: his team and what it owns', () => {
    const person = findPerson(runtime.store, 'user:default/marcus.oyelaran');
    expect(person.teams.map((team) => entityRefOf(team.group))).toEqual(['group:default/checkout-team']);
    expect(person.teams[0]!.owned.total).toBe(6);
    expect(person.ownedDirectly.total).toBe(0);
  });

  it('a person in two teams gets both', () => {
    const person = findPerson(runtime.store, 'user:default/kenji.watanabe');
    expect(person.teams.map((team) => team.group.metadata.name)).toEqual(['search-team', 'storefront-team']);
  });

  it('refuses what is not a user', () => {
    expect(() => findPerson(runtime.store, 'group:default/checkout-team')).toThrow(NotFoundError);
  });
});
