import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBuiltinKindRegistry } from '../../../src/core/catalog/kind-registry.ts';
import type { CatalogSource } from '../../../src/core/ports.ts';
import { openDatabase } from '../../../src/store/open-database.ts';
import { SqliteCatalogWriter } from '../../../src/store/sqlite-catalog-writer.ts';
import { runSyncPass } from '../../../src/usecases/sync/run-sync-pass.ts';
import { SyncHarness, component, offlineUrlReader } from '../../helpers/sync-harness.ts';

let harness: SyncHarness;
afterEach(() => harness?.close());

/** The deps of a second process: its own connection to the same file. */
const otherProcess = (dbPath: string) => {
  const db = openDatabase(dbPath, { migrate: false });
  const deps = {
    writer: new SqliteCatalogWriter(db.$client),
    registry: createBuiltinKindRegistry(),
    urlReader: offlineUrlReader(),
    clock: { now: () => new Date() },
  };
  return { deps, close: () => db.$client.close() };
};

describe('a pass whose source another process synced while it was fetching', () => {
  it('decides on the state it reads under the lock, not on what it read before opening the source', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'callboard-reread-')), 'catalog.db');
    harness = new SyncHarness(undefined, undefined, dbPath);
    harness.write('a.yaml', component('alpha'));
    const dir = harness.dirSource();
    let opened!: () => void;
    const gate = new Promise<void>((resolve) => (opened = resolve));
    // Opens like the folder source, but only once the other process has synced it.
    const slow: CatalogSource = { id: dir.id, type: dir.type, open: async (previous) => (await gate, dir.open(previous)) };

    harness.useSources([slow]);
    const ours = harness.sync();
    const other = otherProcess(dbPath);
    expect(await runSyncPass([dir], other.deps)).toMatchObject({ added: 1 });
    other.close();
    opened();

    const summary = await ours;
    expect(summary.sources[0]).toMatchObject({ outcome: 'unchanged', filesRead: 0 });
    expect(summary).toMatchObject({ added: 0, updated: 0, removed: 0, errors: 0 });
    expect(harness.refs()).toEqual(['component:default/alpha']);
  });
});
