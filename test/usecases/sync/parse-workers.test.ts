import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBuiltinKindRegistry } from '../../../src/core/catalog/kind-registry.ts';
import { DirSource } from '../../../src/sources/dir-source.ts';
import { openDatabase } from '../../../src/store/open-database.ts';
import { SqliteCatalogWriter } from '../../../src/store/sqlite-catalog-writer.ts';
import { syncCatalog } from '../../../src/usecases/sync/sync-catalog.ts';
import { catalogDigest } from '../../helpers/catalog-digest.ts';
import { generateOrg } from '../../helpers/gen-org.ts';
import { offlineUrlReader } from '../../helpers/sync-harness.ts';


const syncInto = async (dbPath: string, root: string, workerThreshold: number) => {
  const db = openDatabase(dbPath);
  const deps = { writer: new SqliteCatalogWriter(db.$client), registry: createBuiltinKindRegistry(), urlReader: offlineUrlReader(), clock: { now: () => new Date(0) }, workerThreshold };
  const summary = await syncCatalog([new DirSource({ id: 'dir:org', root, patterns: ['**/*.yaml'] })], deps);
  db.$client.close();
  return summary;
};

describe('parsing in worker threads', () => {
  it('gives exactly the catalog the main thread gives', async () => {
    const work = mkdtempSync(join(tmpdir(), 'callboard-workers-'));
    const root = join(work, 'org');
    generateOrg(60, root);
    const inline = await syncInto(join(work, 'inline.db'), root, Infinity);
    const threaded = await syncInto(join(work, 'threaded.db'), root, 1);
    expect(threaded).toMatchObject({ added: inline.added, errors: inline.errors, warnings: inline.warnings });
    expect(inline.added).toBeGreaterThan(100);
    expect(catalogDigest(join(work, 'threaded.db')).digest).toBe(catalogDigest(join(work, 'inline.db')).digest);
  }, 60_000);
});
