import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createBuiltinKindRegistry } from '../../src/core/catalog/kind-registry.ts';
import type { CatalogSource, UrlReader } from '../../src/core/ports.ts';
import { DirSource } from '../../src/sources/dir-source.ts';
import { openDatabase, type CatalogDatabase } from '../../src/store/open-database.ts';
import { SqliteCatalogStore } from '../../src/store/sqlite-catalog-store.ts';
import { SqliteCatalogWriter } from '../../src/store/sqlite-catalog-writer.ts';
import type { SyncSummary } from '../../src/core/sync/sync-summary.ts';
import { runSyncPass } from '../../src/usecases/sync/run-sync-pass.ts';
import type { SyncDeps } from '../../src/usecases/sync/sync-pass.ts';

/** A URL reader for tests: nothing is reachable unless a test says so. */
export const offlineUrlReader = (pages: Record<string, string> = {}): UrlReader => ({
  readText: async (url) => {
    if (url in pages) return pages[url]!;
    throw new Error('getaddrinfo ENOTFOUND (offline test)');
  },
});

/** A temp folder of catalog files plus a catalog database to sync it into. */
export class SyncHarness {
  readonly root = mkdtempSync(join(tmpdir(), 'callboard-sync-'));
  readonly db: CatalogDatabase;
  readonly store: SqliteCatalogStore;
  private readonly writer: SqliteCatalogWriter;

  constructor(
    private sources?: CatalogSource[],
    private readonly urlReader: UrlReader = offlineUrlReader(),
    dbPath = ':memory:',
  ) {
    this.db = openDatabase(dbPath);
    this.writer = new SqliteCatalogWriter(this.db.$client);
    this.store = new SqliteCatalogStore(this.db);
  }

  write(path: string, content: string | Buffer): void {
    const file = join(this.root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }

  remove(path: string): void {
    rmSync(join(this.root, path), { recursive: true, force: true });
  }

  dirSource(id = 'dir:test', patterns = ['**/*.yaml'], root = this.root): DirSource {
    return new DirSource({ id, root, patterns });
  }

  useSources(sources: CatalogSource[]): void {
    this.sources = sources;
  }

  sync(deps: Partial<SyncDeps> = {}): Promise<SyncSummary> {
    return runSyncPass(this.sources ?? [this.dirSource()], {
      writer: this.writer,
      registry: createBuiltinKindRegistry(),
      urlReader: this.urlReader,
      clock: { now: () => new Date() },
      ...deps,
    });
  }

  refs(): string[] {
    return this.store
      .entities()
      .map((entity) => `${entity.kind.toLowerCase()}:${entity.metadata.namespace ?? 'default'}/${entity.metadata.name}`.toLowerCase());
  }

  close(): void {
    this.db.$client.close();
    rmSync(this.root, { recursive: true, force: true });
  }
}

export const component = (name: string, extra: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}): string =>
  JSON.stringify({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, ...metadata },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a', ...extra },
  });

export const group = (name: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name }, spec: { type: 'team', children: [], ...extra } });
