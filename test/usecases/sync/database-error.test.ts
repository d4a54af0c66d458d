import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogWriteError } from '../../../src/core/errors.ts';
import type { CatalogSource } from '../../../src/core/ports.ts';
import type { StoredFile } from '../../../src/core/sync/catalog-write-records.ts';
import { openDatabase } from '../../../src/store/open-database.ts';
import { SqliteCatalogWriter } from '../../../src/store/sqlite-catalog-writer.ts';
import { cli } from '../../helpers/run-cli.ts';
import { SyncHarness, component } from '../../helpers/sync-harness.ts';

let harness: SyncHarness;
afterEach(() => harness?.close());

/** A failure SQLite raises inside the store, as a full disk or an I/O error would. */
const failWritesTo = (table: string, message: string) => `CREATE TRIGGER fail_${table} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`;

/** What a reader sees: entities, problems and recorded passes. */
const catalogState = (h: SyncHarness) => ({
  refs: h.refs(),
  problems: h.db.$client.prepare('SELECT source_id, message FROM problems ORDER BY id').all(),
  passes: (h.db.$client.prepare('SELECT count(*) AS n FROM sync_passes').get() as { n: number }).n,
});

describe('a database error inside a sync pass', () => {
  it('is named as a database error, not an unreadable source, and rolls the whole pass back', async () => {
    harness = new SyncHarness();
    harness.write('a.yaml', component('alpha'));
    await harness.sync();
    const before = catalogState(harness);
    harness.write('b.yaml', component('beta'));
    harness.remove('a.yaml');
    harness.db.$client.exec(failWritesTo('entities', 'database or disk is full'));

    const failed = harness.sync();
    await expect(failed).rejects.toBeInstanceOf(CatalogWriteError);
    await expect(failed).rejects.toThrow(
      /^database error while writing source dir:test: database or disk is full \(SQLITE_CONSTRAINT_TRIGGER\); the pass was rolled back, nothing changed$/,
    );
    expect(catalogState(harness)).toEqual(before);
    expect(harness.db.$client.inTransaction).toBe(false);
  });

  it('fails the pass when it happens after every source was written, while finishing', async () => {
    harness = new SyncHarness();
    harness.write('a.yaml', component('alpha'));
    harness.db.$client.exec(failWritesTo('sync_passes', 'disk I/O error'));
    await expect(harness.sync()).rejects.toThrow(/^database error while finishing the pass: disk I\/O error .*; the pass was rolled back, nothing changed$/);
    expect(harness.refs()).toEqual([]);
  });

  it('is a database error, not an unreadable source, when the catalog cannot be read before the lock', async () => {
    harness = new SyncHarness();
    class UnreadableCatalog extends SqliteCatalogWriter {
      override storedFiles(): Promise<Map<string, StoredFile>> {
        return Promise.reject(new CatalogWriteError('disk I/O error (SQLITE_IOERR)'));
      }
    }
    const networkSource: CatalogSource = {
      id: 'github:acme',
      type: 'github',
      open: async () => ({
        version: 'v1',
        readsOverNetwork: true,
        listFiles: async () => [],
        readFile: async () => undefined,
        resolve: () => ({ error: 'none' }),
        displayPath: (path) => path,
        close: async () => undefined,
      }),
    };
    harness.useSources([networkSource]);
    await expect(harness.sync({ writer: new UnreadableCatalog(harness.db.$client) })).rejects.toThrow(
      /^database error while reading what the catalog holds of the sources: disk I\/O error \(SQLITE_IOERR\); the pass was rolled back, nothing changed$/,
    );
  });

  it('makes `callboard sync` exit 1 with that message, never "could not be read"', async () => {
    harness = new SyncHarness();
    harness.write('a.yaml', component('alpha'));
    const config = join(harness.root, 'callboard.yaml');
    const database = join(harness.root, 'catalog.db');
    writeFileSync(
      config,
      `database:\n  path: ${database}\ncatalog:\n  sources:\n    - type: dir\n      path: ${harness.root}\n      patterns: ['**/*.yaml']\n`,
    );
    expect((await cli(['sync', '--config', config])).code).toBe(0);

    const db = openDatabase(database);
    db.$client.exec(failWritesTo('problems', 'database or disk is full'));
    db.$client.close();
    harness.write('broken.yaml', 'kind: [');
    const result = await cli(['sync', '--config', config]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/database error while writing source .*: database or disk is full .*; the pass was rolled back, nothing changed/);
    expect(result.err).not.toMatch(/could not be read/);
  });
});
