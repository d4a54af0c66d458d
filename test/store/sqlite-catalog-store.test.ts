import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type CatalogDatabase } from '../../src/store/open-database.ts';
import { SqliteCatalogStore } from '../../src/store/sqlite-catalog-store.ts';
import { SqliteCatalogWriter } from '../../src/store/sqlite-catalog-writer.ts';
import { entityRecord } from '../helpers/entity-records.ts';

/** Writes records with both directions of each relation, as the kind processors emit them. */
const inverse: Record<string, string> = {
  dependsOn: 'dependencyOf',
  ownedBy: 'ownerOf',
  parentOf: 'childOf',
  hasMember: 'memberOf',
  providesApi: 'apiProvidedBy',
  consumesApi: 'apiConsumedBy',
};

let db: CatalogDatabase;
const emptySummary = { startedAt: new Date(0).toISOString(), durationMs: 1, sources: [], added: 0, updated: 0, removed: 0, errors: 0, warnings: 0 };
let writer: SqliteCatalogWriter;
let store: SqliteCatalogStore;

const seed = (records: ReturnType<typeof entityRecord>[]) => {
  writer.begin();
  writer.sourceState('dir:test', 'dir', 0);
  const fileId = writer.upsertFile('dir:test', { path: 'all.yaml', displayPath: '/repo/all.yaml', hash: 'h', status: 'ok', targets: [], placeholderDeps: [] });
  for (const record of records) {
    const relations = record.relations.flatMap((relation) => [
      relation,
      { sourceRef: relation.targetRef, type: inverse[relation.type]!, targetRef: relation.sourceRef },
    ]);
    writer.claimEntity('dir:test', fileId, { ...record, relations }, 0);
  }
  writer.recomputeDanglingRefs();
  writer.recordPass(0, 1, emptySummary);
  writer.commit();
};

beforeEach(() => {
  db = openDatabase(':memory:');
  writer = new SqliteCatalogWriter(db.$client);
  store = new SqliteCatalogStore(db);
  seed([
    entityRecord('group:default/org', { relations: [['parentOf', 'group:default/payments-team']] }),
    entityRecord('group:default/payments-team', { title: 'Payments Team', relations: [['hasMember', 'user:default/ada']] }),
    entityRecord('user:default/ada', { title: 'Ada Lovelace' }),
    entityRecord('component:default/storefront-web', {
      description: 'The shop front',
      owner: 'org',
      relations: [
        ['ownedBy', 'group:default/org'],
        ['dependsOn', 'component:default/checkout-service'],
      ],
    }),
    entityRecord('component:default/checkout-service', {
      title: 'Checkout',
      description: 'Takes orders and payments',
      tags: ['java', 'tier-1'],
      owner: 'payments-team',
      relations: [
        ['ownedBy', 'group:default/payments-team'],
        ['dependsOn', 'component:default/payments-api'],
        ['consumesApi', 'api:default/payments'],
      ],
    }),
    entityRecord('component:default/payments-api', {
      owner: 'payments-team',
      relations: [
        ['ownedBy', 'group:default/payments-team'],
        ['dependsOn', 'resource:default/orders-db'],
        ['dependsOn', 'component:default/checkout-service'],
        ['providesApi', 'api:default/payments'],
      ],
    }),
    entityRecord('api:default/payments', { relations: [['ownedBy', 'group:default/payments-team']] }),
    entityRecord('resource:default/orders-db', { owner: 'ghost-team', relations: [['ownedBy', 'group:default/ghost-team']] }),
  ]);
});

describe('SqliteCatalogStore', () => {
  it('returns an entity with uid, etag and its relations in both directions, by any case of its ref', () => {
    const entity = store.entity('Component:Default/Checkout-Service')!;
    expect(entity.metadata).toMatchObject({ name: 'checkout-service', uid: expect.any(String), etag: expect.any(String) });
    expect(entity.relations).toEqual(
      expect.arrayContaining([
        { type: 'ownedBy', targetRef: 'group:default/payments-team' },
        { type: 'dependsOn', targetRef: 'component:default/payments-api' },
        { type: 'dependencyOf', targetRef: 'component:default/storefront-web' },
      ]),
    );
    expect(store.entity('component:default/nope')).toBeUndefined();
  });

  it('reads many entities at once exactly as one by one, by any case of their refs, across reads of a few hundred', () => {
    const refs = ['component:default/checkout-service', 'group:default/payments-team', 'api:default/payments', 'user:default/ada'];
    // Unknown refs between the known ones push them into different reads.
    const asked = [...refs.map((ref) => ref.toUpperCase()), ...Array.from({ length: 1200 }, (_, index) => `component:default/nope-${index}`)];
    asked.splice(700, 0, 'resource:default/orders-db');
    const found = store.entitiesByRef(asked);
    expect([...found.keys()].sort()).toEqual([...refs, 'resource:default/orders-db'].sort());
    for (const ref of found.keys()) expect(found.get(ref)).toEqual(store.entity(ref));
    expect(found.get('component:default/checkout-service')!.relations.length).toBeGreaterThan(3);
    expect(store.entitiesByRef([]).size).toBe(0);
  });

  it('lists the entities of a kind written in any case, through the kind index rather than a scan', () => {
    expect(store.entities({ kind: 'component' }).map((entity) => entity.metadata.name)).toEqual(
      store.entities({ kind: 'Component' }).map((entity) => entity.metadata.name),
    );
    expect(store.entities({ kind: 'COMPONENT' }).length).toBeGreaterThan(0);
    const plan = (sql: string) => (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('template') as { detail: string }[]).map((row) => row.detail).join('\n');
    expect(plan('SELECT ref FROM entities WHERE kind = ? COLLATE NOCASE ORDER BY ref')).toMatch(/USING INDEX entities_kind/);
  });

  it('walks dependencies forward through APIs and survives cycles', () => {
    const { nodes } = store.dependencyWalk('component:default/storefront-web', 'forward', { depth: 5, budget: 100 });
    expect(nodes.map((node) => [node.ref, node.depth])).toEqual([
      ['component:default/checkout-service', 1],
      ['api:default/payments', 2],
      ['component:default/payments-api', 2],
      ['resource:default/orders-db', 3],
    ]);
    expect(nodes.find((node) => node.ref === 'resource:default/orders-db')).toMatchObject({
      ownerRef: 'group:default/ghost-team',
      via: 'component:default/payments-api',
    });
  });

  it('walks dependents (blast radius) with a depth limit, counting what lies beyond it', () => {
    const direct = store.dependencyWalk('resource:default/orders-db', 'reverse', { depth: 1, budget: 100 });
    expect(direct.nodes.map((node) => node.ref)).toEqual(['component:default/payments-api']);
    expect(direct).toMatchObject({ beyondDepth: 3, budgetReached: false });
    const five = store.dependencyWalk('resource:default/orders-db', 'reverse', { depth: 5, budget: 100 });
    expect(five.nodes.map((node) => node.ref)).toEqual([
      'component:default/payments-api',
      'api:default/payments',
      'component:default/checkout-service',
      'component:default/storefront-web',
    ]);
    expect(five.beyondDepth).toBe(0);
  });

  it('walks the whole reverse graph without a depth, through the checkout ↔ payments-api cycle', () => {
    const walk = store.dependencyWalk('resource:default/orders-db', 'reverse', { budget: 100 });
    expect(walk.nodes.map((node) => [node.ref, node.depth])).toEqual([
      ['component:default/payments-api', 1],
      ['api:default/payments', 2],
      ['component:default/checkout-service', 2],
      ['component:default/storefront-web', 3],
    ]);
    expect(walk).toMatchObject({ beyondDepth: 0, budgetReached: false });
  });

  it('stops at the node budget and says there are more', () => {
    const walk = store.dependencyWalk('resource:default/orders-db', 'reverse', { budget: 2 });
    expect(walk.nodes.map((node) => node.ref)).toEqual(['component:default/payments-api', 'api:default/payments']);
    expect(walk.budgetReached).toBe(true);
    const within = store.dependencyWalk('resource:default/orders-db', 'reverse', { depth: 1, budget: 2 });
    expect(within).toMatchObject({ beyondDepth: 1, budgetReached: true });
  });

  it('lists what a group owns, including through child groups', () => {
    expect(store.ownedBy('group:default/org').map((e) => e.ref)).toEqual(['component:default/storefront-web']);
    expect(store.ownedBy('group:default/org', { includeChildGroups: true }).map((e) => e.ref)).toEqual([
      'component:default/storefront-web',
      'api:default/payments',
      'component:default/checkout-service',
      'component:default/payments-api',
    ]);
    expect(store.relatedRefs('group:default/payments-team', 'hasMember')).toEqual(['user:default/ada']);
  });

  it('searches names, titles, descriptions, tags and owners with prefixes, name hits first', () => {
    expect(store.search('checkout').hits[0]!.ref).toBe('component:default/checkout-service');
    expect(store.search('check').hits.map((hit) => hit.ref)).toContain('component:default/checkout-service');
    expect(store.search('tier-1').hits.map((hit) => hit.ref)).toEqual(['component:default/checkout-service']);
    expect(store.search('payments').hits[0]!.ref).toMatch(/payments/);
    expect(store.search('shop front').hits.map((hit) => hit.ref)).toEqual(['component:default/storefront-web']);
    expect(store.search('checkout', { kind: 'API' }).hits).toEqual([]);
  });

  it('counts every match, not just the page, and pages through them in rank order', () => {
    const all = store.search('payments', { limit: 50 });
    expect(all.total).toBe(all.hits.length);
    expect(all.total).toBeGreaterThan(2);
    const first = store.search('payments', { limit: 2 });
    expect(first.total).toBe(all.total);
    expect(first.hits.map((hit) => hit.ref)).toEqual(all.hits.slice(0, 2).map((hit) => hit.ref));
    const second = store.search('payments', { limit: 2, offset: 2 });
    expect(second.total).toBe(all.total);
    expect(second.hits.map((hit) => hit.ref)).toEqual(all.hits.slice(2, 4).map((hit) => hit.ref));
    expect(store.search('payments', { limit: 2, offset: 500 }).hits).toEqual([]);
    expect(store.search('payments', { kind: 'api' }).total).toBe(1);
    expect(store.search('chekout').total).toBe(store.search('checkout').total);
    expect(store.search('zzzzqqq').total).toBe(0);
  });

  it('suggests a correction for typos and never lets input inject FTS syntax', () => {
    const result = store.search('chekout');
    expect(result.didYouMean).toBe('checkout');
    expect(result.hits[0]!.ref).toBe('component:default/checkout-service');
    expect(store.search('name:"x" OR NEAR(a b) *').hits).toEqual([]);
    expect(store.search('   ').hits).toEqual([]);
  });

  it('finds entities by name across kinds, case-insensitively', () => {
    expect(store.entitiesNamed('PAYMENTS').map((e) => e.ref)).toEqual(['api:default/payments']);
  });

  it('records dangling refs as warnings', () => {
    expect(store.problems({ severity: 'warning' })).toEqual([
      expect.objectContaining({ entityRef: 'resource:default/orders-db', origin: 'dangling', message: expect.stringContaining('group:default/ghost-team') }),
    ]);
  });
});

/** A fresh in-memory catalog holding exactly `records` (relations as given, no inverses added). */
const catalogOf = (records: ReturnType<typeof entityRecord>[]): SqliteCatalogStore => {
  const fresh = openDatabase(':memory:');
  const freshWriter = new SqliteCatalogWriter(fresh.$client);
  freshWriter.begin();
  freshWriter.sourceState('dir:test', 'dir', 0);
  const fileId = freshWriter.upsertFile('dir:test', {
    path: 'all.yaml',
    displayPath: '/repo/all.yaml',
    hash: 'h',
    status: 'ok',
    targets: [],
    placeholderDeps: [],
  });
  for (const record of records) freshWriter.claimEntity('dir:test', fileId, record, 0);
  freshWriter.recordPass(0, 1, emptySummary);
  freshWriter.commit();
  return new SqliteCatalogStore(fresh);
};

describe('SqliteCatalogStore search ranking in a large catalog', () => {
  it('puts the exact name first and names starting with the query next, shortest first, however many other entities match', () => {
    // 400 entities match "ledger" better by bm25 (in name and thrice in title), more than its candidate pool;
    // the ones whose names start with it must still come first.
    const others = Array.from({ length: 400 }, (_, i) => entityRecord(`component:default/svc-ledger-${i}`, { title: 'Ledger ledger ledger' }));
    const named = [
      entityRecord('component:default/ledger-reconciliation-worker', { description: 'nightly' }),
      entityRecord('component:default/ledger-api'),
      entityRecord('api:default/ledger', { description: 'the ledger API' }),
    ];
    const store = catalogOf([...others, ...named]);

    const refs = store.search('ledger', { limit: 5 }).hits.map((hit) => hit.ref);
    expect(refs.slice(0, 3)).toEqual(['api:default/ledger', 'component:default/ledger-api', 'component:default/ledger-reconciliation-worker']);
    expect(refs.slice(3)).toHaveLength(2);
    expect(refs.slice(3).every((ref) => ref.startsWith('component:default/svc-ledger-'))).toBe(true);
    expect(store.search('ledger', { kind: 'component', limit: 2 }).hits.map((hit) => hit.ref)).toEqual([
      'component:default/ledger-api',
      'component:default/ledger-reconciliation-worker',
    ]);
    // A page that the name tiers fill stops there; a page they do not fill continues with full-text hits, no repeats.
    const page = store.search('ledger', { limit: 50 }).hits.map((hit) => hit.ref);
    expect(new Set(page).size).toBe(50);
  });
});

describe('SqliteCatalogStore dependency details', () => {
  it("resolves each node's owner from spec.owner as the ownedBy relation does: a Group by default, in the entity's namespace", () => {
    const store = catalogOf([
      entityRecord('component:default/app', {
        relations: [
          ['dependsOn', 'component:billing/ledger'],
          ['dependsOn', 'resource:default/db'],
        ],
      }),
      entityRecord('component:billing/ledger', { owner: 'Finance', spec: { owner: 'Finance', lifecycle: 'production' } }),
      entityRecord('resource:default/db', { owner: 'user:ops/Ada' }),
    ]);
    const { nodes } = store.dependencyWalk('component:default/app', 'forward', { depth: 1, budget: 100 });
    expect(nodes).toEqual([
      {
        ref: 'component:billing/ledger',
        depth: 1,
        via: 'component:default/app',
        exists: true,
        kind: 'Component',
        ownerRef: 'group:billing/finance',
        lifecycle: 'production',
      },
      { ref: 'resource:default/db', depth: 1, via: 'component:default/app', exists: true, kind: 'Resource', ownerRef: 'user:ops/ada' },
    ]);
  });
});

describe('SqliteCatalogStore entity relations', () => {
  it('lists an edge that both ends declare once, sorted by type then target', () => {
    const store = catalogOf([
      entityRecord('component:default/a', {
        relations: [
          ['ownedBy', 'group:default/team'],
          ['dependsOn', 'component:default/b'],
          ['dependsOn', 'api:default/z'],
        ],
      }),
      entityRecord('component:default/b', { relations: [['dependencyOf', 'component:default/a']] }),
    ]);
    expect(store.entity('component:default/a')!.relations).toEqual([
      { type: 'dependsOn', targetRef: 'api:default/z' },
      { type: 'dependsOn', targetRef: 'component:default/b' },
      { type: 'ownedBy', targetRef: 'group:default/team' },
    ]);
    expect(store.entity('component:default/b')!.relations).toEqual([{ type: 'dependencyOf', targetRef: 'component:default/a' }]);
  });
});
