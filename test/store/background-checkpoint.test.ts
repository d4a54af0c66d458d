import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackgroundCheckpointer } from '../../src/store/background-checkpoint.ts';
import { openDatabase } from '../../src/store/open-database.ts';
import { SqliteCatalogWriter } from '../../src/store/sqlite-catalog-writer.ts';
import { entityRecord } from '../helpers/entity-records.ts';

const tempDbPath = () => join(mkdtempSync(join(tmpdir(), 'callboard-checkpoint-')), 'catalog.db');

const writePass = (writer: SqliteCatalogWriter, count: number, prefix: string) => {
  writer.begin();
  writer.sourceState('dir:test', 'dir', 0);
  const fileId = writer.upsertFile('dir:test', {
    path: `${prefix}.yaml`,
    displayPath: `/repo/${prefix}.yaml`,
    hash: 'h',
    status: 'ok',
    targets: [],
    placeholderDeps: [],
  });
  for (let i = 0; i < count; i++) writer.claimEntity('dir:test', fileId, entityRecord(`component:default/${prefix}-${i}`, { description: 'x'.repeat(200) }), 0);
  writer.commit();
};

describe('BackgroundCheckpointer', () => {
  it('copies a big pass from the WAL into the database file on a worker thread', async () => {
    const path = tempDbPath();
    const db = openDatabase(path);
    const requests: number[] = [];
    const checkpointer = new BackgroundCheckpointer(path, (error) => {
      throw error;
    });
    const writer = new SqliteCatalogWriter(db.$client, { request: () => (requests.push(1), checkpointer.request()) });
    const fileBefore = statSync(path).size;
    writePass(writer, 6000, 'big');
    expect(requests).toHaveLength(1);
    // Committed and visible before any checkpoint: the pages live in the WAL.
    expect(db.$client.prepare('SELECT count(*) AS n FROM entities').get()).toEqual({ n: 6000 });
    await checkpointer.idle();
    expect(statSync(path).size).toBeGreaterThan(fileBefore + 1_000_000);
    const [state] = db.$client.pragma('wal_checkpoint(PASSIVE)', { simple: false }) as Array<{ busy: number; log: number; checkpointed: number }>;
    expect(state!.busy).toBe(0);
    expect(state!.checkpointed).toBe(state!.log);
    db.$client.close();
  });

  it('leaves small passes to the committing connection, as SQLite does by default', () => {
    const path = tempDbPath();
    const db = openDatabase(path);
    const requests: number[] = [];
    const writer = new SqliteCatalogWriter(db.$client, { request: () => requests.push(1) });
    writePass(writer, 50, 'small');
    expect(requests).toHaveLength(0);
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    db.$client.close();
  });

  it('reports a checkpoint that cannot run and keeps accepting requests', async () => {
    const errors: Error[] = [];
    const checkpointer = new BackgroundCheckpointer(join(tmpdir(), 'callboard-no-such-dir', 'missing.db'), (error) => errors.push(error));
    checkpointer.request();
    await checkpointer.idle();
    checkpointer.request();
    await checkpointer.idle();
    expect(errors).toHaveLength(2);
    expect(errors[0]!.message).toMatch(/unable to open|does not exist|no such file/i);
  });
});
