import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBuiltinKindRegistry } from '../../../src/core/catalog/kind-registry.ts';
import type { UrlReader } from '../../../src/core/ports.ts';
import { GithubSource } from '../../../src/sources/github-source.ts';
import { openDatabase, type CatalogDatabase } from '../../../src/store/open-database.ts';
import { SqliteCatalogStore } from '../../../src/store/sqlite-catalog-store.ts';
import { SqliteCatalogWriter } from '../../../src/store/sqlite-catalog-writer.ts';
import { runSyncPass } from '../../../src/usecases/sync/run-sync-pass.ts';
import { GithubApiServer } from '../../fakes/github-api-server.ts';

const token = 'ghs_callboardTestToken';

/** A writer that counts the GitHub requests and URL reads made while its write lock is held. */
class WatchedWriter extends SqliteCatalogWriter {
  locked = false;
  requestsUnderLock = 0;

  constructor(
    db: CatalogDatabase,
    private readonly server: GithubApiServer,
  ) {
    super(db.$client);
  }

  override writePass<T>(label: string, apply: () => Promise<T>): Promise<T> {
    return super.writePass(label, async () => {
      const before = this.server.requests.length;
      this.locked = true;
      try {
        return await apply();
      } finally {
        this.locked = false;
        this.requestsUnderLock += this.server.requests.length - before;
      }
    });
  }
}

const component = (name: string, description: unknown) =>
  JSON.stringify({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, description },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  });

let server: GithubApiServer;
let db: CatalogDatabase;
beforeEach(async () => {
  server = await GithubApiServer.start({
    token,
    orgs: {
      acme: [
        { name: 'svc', files: { 'catalog-info.yaml': component('svc', { $text: './docs/about.md' }), 'docs/about.md': 'about svc' } },
        {
          name: 'platform',
          files: {
            'catalog-info.yaml': JSON.stringify({
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Location',
              metadata: { name: 'platform' },
              spec: { targets: ['./more/catalog-info.yaml'] },
            }),
            'more/catalog-info.yaml': component('more', { $text: 'https://docs.example.com/more.md' }),
          },
        },
      ],
    },
  });
  db = openDatabase(':memory:');
});
afterEach(async () => {
  db.$client.close();
  await server.stop();
});

describe('a sync pass over a GitHub org', () => {
  it('reads every file it needs (listed, Location targets, $text in the org and by URL) before it takes the write lock', async () => {
    const writer = new WatchedWriter(db, server);
    const urlReadsUnderLock: string[] = [];
    const urlReader: UrlReader = {
      readText: async (url) => {
        if (writer.locked) urlReadsUnderLock.push(url);
        return `fetched from ${url}`;
      },
    };
    const source = new GithubSource({ id: 'github:acme', org: 'acme', token, apiBaseUrl: server.apiBaseUrl });
    const deps = { writer, registry: createBuiltinKindRegistry(), urlReader, clock: { now: () => new Date() } };
    const store = new SqliteCatalogStore(db);
    const description = (name: string) => store.entity(`component:default/${name}`)?.metadata.description;

    const first = await runSyncPass([source], deps);
    expect(first.sources[0]).toMatchObject({ outcome: 'synced', filesRead: 3 });
    expect([description('svc'), description('more')]).toEqual(['about svc', 'fetched from https://docs.example.com/more.md']);

    server.data.setFile('acme', 'svc', 'catalog-info.yaml', component('svc', 'edited'));
    server.data.setFile('acme', 'platform', 'more/catalog-info.yaml', component('more', 'edited too'));
    const second = await runSyncPass([source], deps);
    expect(second).toMatchObject({ updated: 2 });
    expect([description('svc'), description('more')]).toEqual(['edited', 'edited too']);

    const third = await runSyncPass([source], deps);
    expect(third.sources[0]).toMatchObject({ outcome: 'unchanged' });

    expect(server.requests.length).toBeGreaterThan(0);
    expect({ requests: writer.requestsUnderLock, urls: urlReadsUnderLock }).toEqual({ requests: 0, urls: [] });
  });
});
