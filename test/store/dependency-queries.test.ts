import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type CatalogDatabase } from '../../src/store/open-database.ts';
import { BEYOND_DEPTH_COUNT_LIMIT } from '../../src/store/dependency-queries.ts';
import { SqliteCatalogStore } from '../../src/store/sqlite-catalog-store.ts';
import { SqliteCatalogWriter } from '../../src/store/sqlite-catalog-writer.ts';
import { entityRecord } from '../helpers/entity-records.ts';

/**
 * Walks keep node details in memory between calls (each page of an answer walks again); a sync that changes
 * the catalog must be seen by the next walk, whichever connection wrote it.
 */

const emptySummary = { startedAt: new Date(0).toISOString(), durationMs: 1, sources: [], added: 0, updated: 0, removed: 0, errors: 0, warnings: 0 };

/** One pass that claims `records` (their relations as declared), as a sync would. */
const writePass = (writer: SqliteCatalogWriter, records: ReturnType<typeof entityRecord>[]): void => {
  writer.begin();
  writer.sourceState('dir:test', 'dir', 0);
  const fileId = writer.upsertFile('dir:test', { path: 'all.yaml', displayPath: '/repo/all.yaml', hash: 'h', status: 'ok', targets: [], placeholderDeps: [] });
  for (const record of records) writer.claimEntity('dir:test', fileId, record, 0);
  writer.recomputeDanglingRefs();
  writer.recordPass(0, 1, emptySummary);
  writer.commit();
};

const db = entityRecord('resource:default/db', { title: 'Orders DB' });
const api = entityRecord('component:default/api', { relations: [['dependsOn', 'resource:default/db']] });
const web = entityRecord('component:default/web', { relations: [['dependsOn', 'component:default/api']] });
const dependentsOfDb = (store: SqliteCatalogStore) => store.dependencyWalk('resource:default/db', 'reverse', { budget: 100 }).nodes.map((node) => node.ref);

const opened: CatalogDatabase[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const database of opened.splice(0)) database.$client.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('dependency walks between catalog changes', () => {
  it('see a new edge and a new title written on the same connection', () => {
    const database = openDatabase(':memory:');
    opened.push(database);
    const writer = new SqliteCatalogWriter(database.$client);
    const store = new SqliteCatalogStore(database);
    writePass(writer, [db, api]);
    expect(dependentsOfDb(store)).toEqual(['component:default/api']);
    writePass(writer, [db, api, web, entityRecord('component:default/api', { title: 'Renamed', relations: [['dependsOn', 'resource:default/db']] })]);
    expect(dependentsOfDb(store)).toEqual(['component:default/api', 'component:default/web']);
    expect(store.dependencyWalk('resource:default/db', 'reverse', { depth: 1, budget: 100 }).nodes[0]).toMatchObject({ title: 'Renamed' });
  });

  it('see an edge and a new title the sync wrote through its own connection (as the server runs it)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'callboard-deps-'));
    dirs.push(dir);
    const path = join(dir, 'catalog.db');
    const writerDb = openDatabase(path);
    const readerDb = openDatabase(path);
    opened.push(writerDb, readerDb);
    const writer = new SqliteCatalogWriter(writerDb.$client);
    const store = new SqliteCatalogStore(readerDb);
    writePass(writer, [db, api]);
    expect(dependentsOfDb(store)).toEqual(['component:default/api']);
    writePass(writer, [db, api, web, entityRecord('component:default/api', { title: 'Renamed', relations: [['dependsOn', 'resource:default/db']] })]);
    expect(dependentsOfDb(store)).toEqual(['component:default/api', 'component:default/web']);
    expect(store.dependencyWalk('resource:default/db', 'reverse', { depth: 1, budget: 100 }).nodes[0]).toMatchObject({ title: 'Renamed' });
  });

  it('follow edges declared from either end (dependencyOf on the depended-on entity)', () => {
    const database = openDatabase(':memory:');
    opened.push(database);
    const store = new SqliteCatalogStore(database);
    writePass(new SqliteCatalogWriter(database.$client), [
      entityRecord('resource:default/db', { relations: [['dependencyOf', 'component:default/api']] }),
      entityRecord('component:default/api'),
    ]);
    expect(dependentsOfDb(store)).toEqual(['component:default/api']);
    expect(store.dependencyWalk('component:default/api', 'forward', { budget: 100 }).nodes.map((node) => node.ref)).toEqual(['resource:default/db']);
  });
});

describe('counting what lies past the depth asked for', () => {
  it('counts exactly up to the limit, then says "at least", without walking the whole blast radius', () => {
    const database = openDatabase(':memory:');
    opened.push(database);
    const writer = new SqliteCatalogWriter(database.$client);
    const store = new SqliteCatalogStore(database);
    // db ← api ← 600 callers: depth 1 is one entity, 600 lie past it.
    const callers = Array.from({ length: 600 }, (_, i) =>
      entityRecord(`component:default/caller-${i}`, { relations: [['dependsOn', 'component:default/api']] }),
    );
    writePass(writer, [db, api, ...callers.slice(0, 10)]);
    expect(store.dependencyWalk('resource:default/db', 'reverse', { depth: 1, budget: 5000 })).toMatchObject({ beyondDepth: 10, budgetReached: false });
    writePass(writer, [db, api, ...callers]);
    const capped = store.dependencyWalk('resource:default/db', 'reverse', { depth: 1, budget: 5000 });
    expect(capped.nodes.map((node) => node.ref)).toEqual(['component:default/api']);
    expect(capped).toMatchObject({ beyondDepth: BEYOND_DEPTH_COUNT_LIMIT, budgetReached: true });
    expect(store.dependencyWalk('resource:default/db', 'reverse', { budget: 5000 })).toMatchObject({ beyondDepth: 0, budgetReached: false });
    expect(store.dependencyWalk('resource:default/db', 'reverse', { budget: 5000 }).nodes).toHaveLength(601);
  });
});
