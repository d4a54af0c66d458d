import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.ts';
import { SqliteCatalogStore } from '../../src/store/sqlite-catalog-store.ts';
import { SqliteCatalogWriter } from '../../src/store/sqlite-catalog-writer.ts';
import { entityRecord } from '../helpers/entity-records.ts';

let writer: SqliteCatalogWriter;
let store: SqliteCatalogStore;

const write = (sourceId: string, type: string, path: string, ref: string, version?: string, now = 0, record = entityRecord(ref)) => {
  writer.begin();
  writer.sourceState(sourceId, type, 0);
  const fileId = writer.upsertFile(sourceId, { path, displayPath: path, hash: 'h', status: 'ok', targets: [], placeholderDeps: [] });
  writer.claimEntity(sourceId, fileId, record, now);
  if (version) writer.saveSourceState(sourceId, version, null, 0);
  writer.commit();
};

beforeEach(() => {
  const db = openDatabase(':memory:');
  writer = new SqliteCatalogWriter(db.$client);
  store = new SqliteCatalogStore(db);
});

describe('SqliteCatalogStore.entityOrigin', () => {
  it("names the entity's source, its catalog file and the source's content version, by any case of the ref", () => {
    write('git:templates', 'git', 'templates/docs/template.yaml', 'template:default/docs-template', '0123abcd#5f1e2d3c4b5a');
    expect(store.entityOrigin('Template:default/Docs-Template')).toEqual({
      sourceId: 'git:templates',
      path: 'templates/docs/template.yaml',
      version: '0123abcd',
      changedAt: '1970-01-01T00:00:00.000Z',
    });
  });

  it('keeps a version without a settings fingerprint whole, leaves it out when the source has none, and answers undefined for an unknown ref', () => {
    write('dir:local', 'dir', 'a/template.yaml', 'template:default/a', 'deadbeef');
    write('dir:other', 'dir', 'b/template.yaml', 'template:default/b');
    expect(store.entityOrigin('template:default/a')).toEqual({
      sourceId: 'dir:local',
      path: 'a/template.yaml',
      version: 'deadbeef',
      changedAt: '1970-01-01T00:00:00.000Z',
    });
    expect(store.entityOrigin('template:default/b')).toEqual({ sourceId: 'dir:other', path: 'b/template.yaml', changedAt: '1970-01-01T00:00:00.000Z' });
    expect(store.entityOrigin('template:default/missing')).toBeUndefined();
  });

  it('says when the entity last changed: a pass that rewrites the same document leaves the time, a changed document moves it', () => {
    const ref = 'component:default/checkout-service';
    const added = Date.parse('2026-12-01T08:00:00Z');
    write('dir:local', 'dir', 'c/catalog-info.yaml', ref, undefined, added);
    write('dir:local', 'dir', 'c/catalog-info.yaml', ref, undefined, added + 86_400_000);
    expect(store.entityOrigin(ref)?.changedAt).toBe('2026-12-01T08:00:00.000Z');
    const changed = entityRecord(ref, { description: 'Now with a description' });
    write('dir:local', 'dir', 'c/catalog-info.yaml', ref, undefined, added + 2 * 86_400_000, changed);
    expect(store.entityOrigin(ref)?.changedAt).toBe('2026-12-03T08:00:00.000Z');
  });
});
