import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.ts';
import { CatalogWriteError } from '../../src/core/errors.ts';
import { SqliteCatalogWriter } from '../../src/store/sqlite-catalog-writer.ts';
import { WriteQueue } from '../../src/store/write-queue.ts';
import { entityRecord } from '../helpers/entity-records.ts';

const indexSql = (client: Database.Database): Record<string, string> =>
  Object.fromEntries(
    (client.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as { name: string; sql: string }[]).map(
      (row) => [row.name, row.sql],
    ),
  );

const writeOne = (writer: SqliteCatalogWriter, name: string) => {
  writer.sourceState('dir:test', 'dir', 0);
  const fileId = writer.upsertFile('dir:test', {
    path: `${name}.yaml`,
    displayPath: `/repo/${name}.yaml`,
    hash: 'h',
    status: 'ok',
    targets: [],
    placeholderDeps: [],
  });
  writer.claimEntity('dir:test', fileId, entityRecord(`component:default/${name}`, { relations: [['dependsOn', 'component:default/other']] }), 0);
};

describe('SqliteCatalogWriter: first load into an empty catalog', () => {
  const open = () => openDatabase(join(mkdtempSync(join(tmpdir(), 'callboard-writer-')), 'catalog.db')).$client;

  it('drops the secondary indexes for the load and builds exactly the same ones before it commits', () => {
    const client = open();
    const before = indexSql(client);
    const writer = new SqliteCatalogWriter(client);
    writer.begin();
    expect(Object.keys(indexSql(client))).not.toContain('relations_target');
    writeOne(writer, 'a');
    writer.commit();
    expect(indexSql(client)).toEqual(before);
    expect(client.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    // The rebuilt index answers queries: the relation is found from its target.
    expect(client.prepare("SELECT source_ref FROM relations INDEXED BY relations_target WHERE target_ref = 'component:default/other'").all()).toEqual([
      { source_ref: 'component:default/a' },
    ]);
  });

  it('brings the indexes back when the pass is rolled back', () => {
    const client = open();
    const before = indexSql(client);
    const writer = new SqliteCatalogWriter(client);
    writer.begin();
    writeOne(writer, 'a');
    writer.rollback();
    expect(indexSql(client)).toEqual(before);
    expect(client.prepare('SELECT count(*) AS n FROM entities').get()).toEqual({ n: 0 });
  });

  it('keeps the indexes in place once the catalog holds anything', () => {
    const client = open();
    const writer = new SqliteCatalogWriter(client);
    writer.begin();
    writeOne(writer, 'a');
    writer.commit();
    const before = indexSql(client);
    writer.begin();
    expect(indexSql(client)).toEqual(before);
    writeOne(writer, 'b');
    writer.commit();
    expect(indexSql(client)).toEqual(before);
  });
});

describe('SqliteCatalogWriter: a pass through the write queue', () => {
  const open = () => openDatabase(join(mkdtempSync(join(tmpdir(), 'callboard-writer-')), 'catalog.db')).$client;
  const entityCount = (client: Database.Database) => (client.prepare('SELECT count(*) AS n FROM entities').get() as { n: number }).n;

  it('commits a pass that resolves, with the first-load indexes built again, and rolls back one that throws', async () => {
    const client = open();
    const before = indexSql(client);
    const writer = new SqliteCatalogWriter(client);
    await writer.writePass('first', async () => writeOne(writer, 'a'));
    expect(indexSql(client)).toEqual(before);
    await expect(
      writer.writePass('second', async () => {
        writeOne(writer, 'b');
        throw new Error('the pass failed');
      }),
    ).rejects.toThrow('the pass failed');
    expect(entityCount(client)).toBe(1);
    expect(client.inTransaction).toBe(false);
  });

  it('queues a pass behind the other writes of the process on the same connection', async () => {
    const client = open();
    const queue = new WriteQueue(client);
    const writer = new SqliteCatalogWriter(client, undefined, queue);
    const log: string[] = [];
    const other = queue.transaction('job ledger', async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      log.push('ledger');
    });
    await writer.writePass('pass', async () => log.push('pass'));
    await other;
    expect(log).toEqual(['ledger', 'pass']);
  });

  it('reads stored state outside a pass without registering the source', async () => {
    const client = open();
    const writer = new SqliteCatalogWriter(client);
    expect(await writer.storedSource('dir:test')).toBeUndefined();
    expect(client.prepare('SELECT count(*) AS n FROM sources').get()).toEqual({ n: 0 });
    await writer.writePass('pass', async () => {
      writeOne(writer, 'a');
      writer.saveSourceState('dir:test', 'v1', { etag: 'x' }, 1);
    });
    expect(await writer.storedSource('dir:test')).toEqual({ version: 'v1', state: { etag: 'x' }, retryFiles: 0 });
    expect([...(await writer.storedFiles('dir:test')).keys()]).toEqual(['a.yaml']);
  });

  it("reports a failure of the database as a CatalogWriteError with SQLite's words and code", async () => {
    const client = open();
    const writer = new SqliteCatalogWriter(client);
    client.exec("CREATE TRIGGER full BEFORE INSERT ON entities BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
    const failed = writer.writePass('pass', async () => writeOne(writer, 'a'));
    await expect(failed).rejects.toBeInstanceOf(CatalogWriteError);
    await expect(failed).rejects.toThrow('database or disk is full (SQLITE_CONSTRAINT_TRIGGER)');
    expect(client.inTransaction).toBe(false);
  });

  it('turns a wait for the lock that gives up into a CatalogWriteError too', async () => {
    const client = open();
    const other = new Database(client.name);
    const writer = new SqliteCatalogWriter(client, undefined, new WriteQueue(client, { maxWaitMs: 20 }));
    other.exec('BEGIN IMMEDIATE');
    await expect(writer.writePass('pass', async () => writeOne(writer, 'a'))).rejects.toThrow(CatalogWriteError);
    other.exec('ROLLBACK');
    other.close();
  });
});
