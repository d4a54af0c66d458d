import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogDatabase } from '../../../src/store/open-database.ts';
import { PlainParseWorker } from '../../../src/usecases/sync/parse-worker/plain-parse-worker.ts';
import { generateOrg } from '../../helpers/gen-org.ts';
import { component, offlineUrlReader, SyncHarness } from '../../helpers/sync-harness.ts';

/** Everything a pass writes that does not depend on ids, uids or the clock. */
const contentOf = (db: CatalogDatabase) => {
  const all = (sql: string) => db.$client.prepare(sql).all();
  return {
    entities: all('SELECT ref, kind, namespace, name, source_id, body, etag, line, "column" FROM entities ORDER BY ref'),
    relations: all('SELECT source_ref, type, target_ref FROM relations ORDER BY source_ref, type, target_ref'),
    problems: all('SELECT source_id, file, line, "column", entity_ref, severity, message, origin FROM problems ORDER BY file, line, message'),
    files: all('SELECT source_id, path, display_path, hash, status, targets, placeholder_deps FROM files ORDER BY path'),
    search: all('SELECT name, title, description, tags, owner FROM entity_search ORDER BY name, title'),
  };
};

describe('a pass that parses on the worker thread', () => {
  const inline = new SyncHarness(undefined, offlineUrlReader());
  const threaded = new SyncHarness(undefined, offlineUrlReader());

  beforeAll(() => {
    // ~390 files: several batches of 128, so results read ahead arrive while earlier ones are written.
    generateOrg(200, inline.root);
    // Files the worker hands back: a Location, a placeholder, broken YAML, a conflicting ref, a bad entity.
    inline.write(
      'extras/location.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: {name: extras}\nspec:\n  targets: [./reached/one.yaml]\n',
    );
    inline.write('extras/reached/one.yaml', component('reached-by-location'));
    inline.write(
      'extras/api.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: {name: extras-api}\nspec:\n  type: openapi\n  lifecycle: production\n  owner: team-a\n  definition:\n    $text: ./openapi.yaml\n',
    );
    inline.write('extras/openapi.yaml', 'openapi: 3.0.0\ninfo: {title: Extras, version: "1"}\npaths: {}\n');
    inline.write('extras/broken.yaml', 'kind: Component\nmetadata: {name: [unclosed\n');
    inline.write('extras/zz-conflict.yaml', component('reached-by-location', { lifecycle: 'experimental' }));
    inline.write('extras/bad-name.yaml', component('not a valid name!'));
    const source = inline.dirSource('dir:org', ['**/*.yaml']);
    inline.useSources([source]);
    threaded.useSources([source]);
  });

  afterAll(() => {
    threaded.close();
    inline.close();
  });

  it('writes exactly the catalog a pass on the main thread writes', async () => {
    const errors: Error[] = [];
    const worker = new PlainParseWorker({ onError: (error) => errors.push(error) });
    expect(await worker.ready).toBe(true);
    const withWorker = await threaded.sync({ parseWorker: { minFiles: 0, start: () => worker } });
    const withoutWorker = await inline.sync({ parseWorker: false });

    expect(worker.filesParsed).toBeGreaterThan(300);
    expect(errors).toEqual([]);
    const { durationMs: _a, startedAt: _b, ...summaryWith } = withWorker;
    const { durationMs: _c, startedAt: _d, ...summaryWithout } = withoutWorker;
    expect(summaryWith).toEqual(summaryWithout);
    expect(summaryWith.errors).toBeGreaterThanOrEqual(3);
    expect(contentOf(threaded.db)).toEqual(contentOf(inline.db));
  }, 60_000);

  it('starts no worker for a pass with few files to parse', async () => {
    let started = 0;
    const start = () => {
      started += 1;
      return new PlainParseWorker({ onError: () => undefined, program: { filename: 'setInterval(() => undefined, 60_000);', eval: true } });
    };
    inline.write('extras/late.yaml', component('late-arrival'));
    await inline.sync({ parseWorker: { start } });
    expect(started).toBe(0);
    expect(inline.refs()).toContain('component:default/late-arrival');
  });
});
