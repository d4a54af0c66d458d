import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalogRuntime, type CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { loadConfig } from '../../../src/config/load-config.ts';
import { TestGitRemote } from '../../helpers/git-repo.ts';
import { component, offlineUrlReader } from '../../helpers/sync-harness.ts';

/** A catalog on a real git repository, configured the way a user would (callboard.yaml). */
const openRuntime = (dir: string, url: string, patterns: string[]): CatalogRuntime => {
  const file = join(dir, 'callboard.yaml');
  writeFileSync(
    file,
    `database:\n  path: catalog.db\ncatalog:\n  sources:\n    - type: git\n      id: repo\n      url: ${url}\n      branch: main\n      patterns: ${JSON.stringify(patterns)}\nscaffolder:\n  builtinTemplates: false\n`,
  );
  return openCatalogRuntime(loadConfig({ file, env: {} }), { urlReader: offlineUrlReader() });
};

const refs = (runtime: CatalogRuntime) =>
  runtime.store
    .entities()
    .map((entity) => entity.metadata.name)
    .sort();

describe('sync from a real git repository', () => {
  let remote: TestGitRemote;
  let dir: string;
  beforeAll(async () => {
    remote = await TestGitRemote.create();
    dir = mkdtempSync(join(tmpdir(), 'callboard-git-sync-'));
  });
  afterAll(() => remote.cleanup());

  it('follows commits, deletions, renames, pattern changes, force-pushes and a vanished repo', async () => {
    await remote.commit({ 'a/catalog-info.yaml': component('alpha'), 'b/catalog-info.yaml': component('beta'), 'docs/extra.yaml': component('extra') });
    let runtime = openRuntime(dir, remote.url, ['**/catalog-info.yaml']);
    expect((await runtime.sync.syncAll()).added).toBe(2);
    expect(refs(runtime)).toEqual(['alpha', 'beta']);
    expect(runtime.store.entity('component:default/alpha')!.metadata.annotations!['backstage.io/managed-by-location']).toMatch(/^url:/);

    expect((await runtime.sync.syncAll()).sources[0]!.outcome).toBe('unchanged');

    await remote.commit({ 'b/catalog-info.yaml': null, 'a/catalog-info.yaml': component('alpha', { lifecycle: 'deprecated' }) });
    expect(await runtime.sync.syncAll()).toMatchObject({ updated: 1, removed: 1 });
    expect(refs(runtime)).toEqual(['alpha']);

    await remote.rename('a/catalog-info.yaml', 'moved/catalog-info.yaml');
    const afterRename = await runtime.sync.syncAll();
    expect(afterRename.errors).toBe(0);
    expect(refs(runtime)).toEqual(['alpha']);
    runtime.close();

    runtime = openRuntime(dir, remote.url, ['**/catalog-info.yaml', 'docs/*.yaml']);
    expect((await runtime.sync.syncAll()).added).toBe(1);
    expect(refs(runtime)).toEqual(['alpha', 'extra']);

    await remote.forcePush('main', { 'x/catalog-info.yaml': component('rewritten') });
    await runtime.sync.syncAll();
    expect(refs(runtime)).toEqual(['rewritten']);

    await remote.hide();
    const unavailable = await runtime.sync.syncAll();
    expect(unavailable.sources[0]).toMatchObject({ outcome: 'unavailable' });
    expect(refs(runtime)).toEqual(['rewritten']);
    await remote.restore();
    expect((await runtime.sync.syncAll()).sources[0]!.outcome).not.toBe('unavailable');
    expect(runtime.store.problems({ severity: 'error' })).toEqual([]);
    runtime.close();
  }, 60_000);

  it('expands a glob Location target against each commit, the Location file unchanged', async () => {
    const globRemote = await TestGitRemote.create();
    const globDir = mkdtempSync(join(tmpdir(), 'callboard-git-glob-'));
    try {
      const location = `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: all-services\nspec:\n  target: ./**/catalog-info.yaml\n`;
      await globRemote.commit({
        'all.yaml': location,
        'services/a/catalog-info.yaml': component('svc-a'),
        'services/b/catalog-info.yaml': component('svc-b'),
        // Vendored dependencies are skipped as a folder source skips them.
        'web/node_modules/some-lib/catalog-info.yaml': component('vendored'),
      });
      const runtime = openRuntime(globDir, globRemote.url, ['all.yaml']);
      await runtime.sync.syncAll();
      expect(refs(runtime)).toEqual(['all-services', 'svc-a', 'svc-b']);
      await globRemote.commit({ 'services/c/catalog-info.yaml': component('svc-c'), 'services/a/catalog-info.yaml': null });
      const summary = await runtime.sync.syncAll();
      expect(summary).toMatchObject({ added: 1, removed: 1, errors: 0 });
      expect(refs(runtime)).toEqual(['all-services', 'svc-b', 'svc-c']);
      runtime.close();
    } finally {
      await globRemote.cleanup();
    }
  }, 60_000);

  it('asks the remote for its tip on an unchanged commit and fetches and lists nothing, configured as a user configures it', async () => {
    const quietRemote = await TestGitRemote.create();
    const quietDir = mkdtempSync(join(tmpdir(), 'callboard-git-quiet-'));
    const trace = join(quietDir, 'git-trace.log');
    try {
      await quietRemote.commit({ 'catalog-info.yaml': component('quiet') });
      const runtime = openRuntime(quietDir, quietRemote.url, ['catalog-info.yaml']);
      await runtime.sync.syncAll();
      // git writes what it runs to GIT_TRACE; the environment is inherited by every git the sync starts.
      process.env.GIT_TRACE = trace;
      try {
        expect((await runtime.sync.syncAll()).sources[0]!.outcome).toBe('unchanged');
      } finally {
        delete process.env.GIT_TRACE;
      }
      const commands = readFileSync(trace, 'utf8')
        .split('\n')
        .filter((line) => line.includes('trace: built-in: git '));
      expect(commands.some((line) => line.includes('git ls-remote'))).toBe(true);
      expect(commands.filter((line) => line.includes('git fetch'))).toEqual([]);
      // Listing the tree of an unchanged commit was most of a 100k-file no-change pass.
      expect(commands.filter((line) => line.includes('git ls-tree'))).toEqual([]);
      runtime.close();
    } finally {
      await quietRemote.cleanup();
    }
  }, 60_000);
});
