import { describe, expect, it } from 'vitest';
import { createBuiltinKindRegistry } from '../../../src/core/catalog/kind-registry.ts';
import type { CatalogSource } from '../../../src/core/ports.ts';
import { openDatabase } from '../../../src/store/open-database.ts';
import { SqliteCatalogWriter } from '../../../src/store/sqlite-catalog-writer.ts';
import { SyncPassQueue } from '../../../src/usecases/sync/sync-pass-queue.ts';
import { offlineUrlReader } from '../../helpers/sync-harness.ts';

/** A source with nothing in it that records when each open starts and ends. */
const slowEmptySource = (id: string, log: string[]): CatalogSource => ({
  id,
  type: 'dir',
  open: async () => {
    log.push(`open ${id}`);
    await new Promise((resolve) => setTimeout(resolve, 30));
    log.push(`opened ${id}`);
    return {
      version: 'v1',
      listFiles: async () => [],
      readFile: async () => undefined,
      resolve: () => ({ error: 'none' }),
      displayPath: (path) => path,
      close: async () => undefined,
    };
  },
});

const createSync = (log: string[]) => {
  const db = openDatabase(':memory:');
  const deps = {
    writer: new SqliteCatalogWriter(db.$client),
    registry: createBuiltinKindRegistry(),
    urlReader: offlineUrlReader(),
    clock: { now: () => new Date() },
  };
  return new SyncPassQueue([slowEmptySource('a', log), slowEmptySource('b', log)], deps);
};

describe('SyncPassQueue', () => {
  it('runs passes one at a time however many are asked for at once', async () => {
    const log: string[] = [];
    const sync = createSync(log);
    await Promise.all([sync.syncAll(), sync.syncSource('b'), sync.syncAll()]);
    expect(log).toEqual(['open a', 'opened a', 'open b', 'opened b', 'open b', 'opened b', 'open a', 'opened a', 'open b', 'opened b']);
  });

  it('refuses an unknown source id, naming the configured ones, and keeps working', async () => {
    const sync = createSync([]);
    await expect(sync.syncSource('nope')).rejects.toThrow('No source nope; configured: a, b');
    expect((await sync.syncSource('a')).sources.map((source) => source.id)).toEqual(['a']);
  });
});
