import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.ts';
import { SqliteCatalogWriter } from '../../src/store/sqlite-catalog-writer.ts';
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
