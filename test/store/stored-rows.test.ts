import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type CatalogDatabase } from '../../src/store/open-database.ts';
import { SqliteCatalogStore } from '../../src/store/sqlite-catalog-store.ts';
import { StoredDataError } from '../../src/store/stored-rows.ts';

/**
 * Rows written with plain SQL, as a damaged or hand-edited database could hold them: what the store reads back
 * must be the domain types or a clear error, never a wrongly typed object.
 */
let db: CatalogDatabase;
let store: SqliteCatalogStore;

/** The kind column keeps the kind as written (`Component`); the ref is lowercase. */
const insertEntity = (ref: string, body: { kind: string; [field: string]: unknown }) => {
  const [namespace, name] = ref.slice(ref.indexOf(':') + 1).split('/') as [string, string];
  db.$client
    .prepare(
      `INSERT INTO entities (ref, kind, namespace, name, source_id, file_id, uid, etag, body, updated_at)
       VALUES (?, ?, ?, ?, 'dir:test', 1, 'uid-1', 'etag-1', ?, 0)`,
    )
    .run(ref, body.kind, namespace, name, JSON.stringify(body));
};

const envelope = (kind: string, name: string, metadata: Record<string, unknown> = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, ...metadata },
});

beforeEach(() => {
  db = openDatabase(':memory:');
  db.$client.exec(`INSERT INTO sources (id, type) VALUES ('dir:test', 'dir');
    INSERT INTO files (id, source_id, path, display_path) VALUES (1, 'dir:test', 'all.yaml', '/repo/all.yaml')`);
  store = new SqliteCatalogStore(db);
});

describe('SqliteCatalogStore reading stored rows', () => {
  it('shows a title only when it is text: a number or an empty title in the body is left out', () => {
    insertEntity('component:default/numbered', envelope('Component', 'numbered', { title: 42 }));
    insertEntity('api:default/numbered', envelope('API', 'numbered', { title: '' }));
    insertEntity('group:default/numbered', envelope('Group', 'numbered', { title: 'Numbered' }));
    expect(store.entitiesNamed('numbered')).toEqual([
      { ref: 'api:default/numbered', kind: 'API', name: 'numbered' },
      { ref: 'component:default/numbered', kind: 'Component', name: 'numbered' },
      { ref: 'group:default/numbered', kind: 'Group', name: 'numbered', title: 'Numbered' },
    ]);
  });

  it('refuses a body that is not an entity envelope, naming the entity', () => {
    insertEntity('component:default/broken', { kind: 'Component', metadata: { title: 'no name' } });
    expect(() => store.entityEnvelope('component:default/broken')).toThrow(StoredDataError);
    expect(() => store.entity('component:default/broken')).toThrow(/entities\.body of component:default\/broken is not an entity envelope/);
  });

  it('leaves out the columns of a problem that are NULL and refuses an unknown severity', () => {
    db.$client.exec(`INSERT INTO problems (source_id, severity, message, origin) VALUES ('dir:test', 'warning', 'source slow', 'source')`);
    expect(store.problems()).toEqual([{ sourceId: 'dir:test', severity: 'warning', message: 'source slow', origin: 'source' }]);
    db.$client.exec(`INSERT INTO problems (source_id, severity, message, origin) VALUES ('dir:test', 'fatal', 'x', 'source')`);
    expect(() => store.problems()).toThrow(/problems\.severity is "fatal"/);
  });

  it('reads dependency details as text only, whatever the body holds', () => {
    insertEntity('component:default/a', { ...envelope('Component', 'a'), spec: { lifecycle: 3, owner: 'team-a' } });
    insertEntity('component:default/b', { ...envelope('Component', 'b', { description: 'B' }), spec: { lifecycle: 'production', owner: ['x'] } });
    db.$client.exec(`INSERT INTO relations (source_ref, type, target_ref) VALUES ('component:default/a', 'dependsOn', 'component:default/b')`);
    const [node] = store.dependencyWalk('component:default/a', 'forward', { depth: 1, budget: 10 }).nodes;
    expect(node).toEqual({
      ref: 'component:default/b',
      depth: 1,
      via: 'component:default/a',
      exists: true,
      kind: 'Component',
      description: 'B',
      lifecycle: 'production',
    });
    expect(store.dependencyWalk('component:default/b', 'reverse', { depth: 1, budget: 10 }).nodes).toEqual([
      { ref: 'component:default/a', depth: 1, via: 'component:default/b', exists: true, kind: 'Component', ownerRef: 'group:default/team-a' },
    ]);
  });

  it('knows when the catalog was last synced, from the pass record itself', () => {
    expect(store.lastSyncPass()).toBeUndefined();
    db.$client.exec(`INSERT INTO sync_passes (started_at, finished_at, summary) VALUES (1764979200000, 1764979201500, '{}')`);
    expect(store.lastSyncPass()).toEqual({ startedAt: '2025-12-06T00:00:00.000Z', finishedAt: '2025-12-06T00:00:01.500Z' });
  });
});

describe('SqliteCatalogStore lookups by field', () => {
  beforeEach(() => {
    insertEntity('user:default/ada', { ...envelope('User', 'ada'), spec: { profile: { email: 'Ada@Example.com' } } });
    insertEntity('user:default/bob', { ...envelope('User', 'bob'), spec: { profile: { email: 'bob@example.com' } } });
    insertEntity('component:default/shop', envelope('Component', 'shop'));
    insertEntity('component:default/shop-web', envelope('Component', 'shop-web'));
    insertEntity('api:default/shop', envelope('API', 'shop'));
  });

  it('finds Users by profile email in any case, and only Users', () => {
    expect(store.usersWithEmail('  ada@EXAMPLE.com ')).toEqual(['user:default/ada']);
    expect(store.usersWithEmail('carol@example.com')).toEqual([]);
  });

  it('lists entities of a kind in any case, by ref, and counts them per kind', () => {
    expect(store.entities({ kind: 'component' }).map((entity) => [entity.metadata.name, entity.relations])).toEqual([
      ['shop', []],
      ['shop-web', []],
    ]);
    expect(store.countsByKind()).toEqual({ API: 1, Component: 2, User: 2 });
  });
});
