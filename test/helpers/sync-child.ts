// A sync pass in a child process, for the crash-safety test: prints "ready" before the pass, "done" after.
import { createBuiltinKindRegistry } from '../../src/core/catalog/kind-registry.ts';
import { DirSource } from '../../src/sources/dir-source.ts';
import { openDatabase } from '../../src/store/open-database.ts';
import { SqliteCatalogWriter } from '../../src/store/sqlite-catalog-writer.ts';
import { runSyncPass } from '../../src/usecases/sync/run-sync-pass.ts';
import { offlineUrlReader } from './sync-harness.ts';

const [dbPath, root] = process.argv.slice(2);
const db = openDatabase(dbPath!);
const deps = {
  writer: new SqliteCatalogWriter(db.$client),
  registry: createBuiltinKindRegistry(),
  urlReader: offlineUrlReader(),
  clock: { now: () => new Date() },
};
const source = new DirSource({ id: 'dir:org', root: root!, patterns: ['**/catalog-info.yaml'] });
process.stdout.write('ready\n');
await runSyncPass([source], deps);
db.$client.close();
process.stdout.write('done\n');
