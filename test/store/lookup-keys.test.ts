import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LookupKey } from '../../src/core/resolve/lookup-key.ts';
import type { EntityRecord } from '../../src/core/sync/catalog-write-records.ts';
import { openDatabase, type CatalogDatabase } from '../../src/store/open-database.ts';
import { SqliteCatalogStore } from '../../src/store/sqlite-catalog-store.ts';
import { SqliteCatalogWriter } from '../../src/store/sqlite-catalog-writer.ts';
import { entityRecord } from '../helpers/entity-records.ts';

let db: CatalogDatabase;
let writer: SqliteCatalogWriter;
let store: SqliteCatalogStore;

const withKeys = (record: EntityRecord, lookupKeys: LookupKey[]): EntityRecord => ({ ...record, lookupKeys });

const claim = (record: EntityRecord, etag = record.etag) =>
  writer.writePass('test', async () => {
    writer.sourceState('dir:test', 'dir', 0);
    const fileId = writer.upsertFile('dir:test', {
      path: 'all.yaml',
      displayPath: '/repo/all.yaml',
      hash: 'h',
      status: 'ok',
      targets: [],
      placeholderDeps: [],
    });
    return writer.claimEntity('dir:test', fileId, { ...record, etag }, 0);
  });

const keyRows = () => db.$client.prepare('SELECT key, source FROM lookup_keys ORDER BY key').all();

beforeEach(() => {
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'callboard-keys-')), 'catalog.db'));
  writer = new SqliteCatalogWriter(db.$client);
  store = new SqliteCatalogStore(db);
});

describe('lookup keys in the store', () => {
  const checkout = entityRecord('component:default/checkout-service', { title: 'Checkout Service', spec: { type: 'service' } });

  it('are written with the entity, found by key with the kind, title and type, and an exact name needs no key row', async () => {
    await claim(
      withKeys(checkout, [
        { key: 'github.com/acme/checkout-service', source: 'repo' },
        { key: 'checkout', source: 'alias' },
      ]),
    );
    expect(store.entitiesWithLookupKeys(['checkout', 'checkout-service', 'nothing'])).toEqual([
      {
        ref: 'component:default/checkout-service',
        kind: 'Component',
        name: 'checkout-service',
        title: 'Checkout Service',
        type: 'service',
        key: 'checkout',
        source: 'alias',
      },
      {
        ref: 'component:default/checkout-service',
        kind: 'Component',
        name: 'checkout-service',
        title: 'Checkout Service',
        type: 'service',
        key: 'checkout-service',
        source: 'name',
      },
    ]);
  });

  it('are replaced when the entity changes and deleted with it', async () => {
    await claim(withKeys(checkout, [{ key: 'old-alias', source: 'alias' }]));
    await claim(withKeys(checkout, [{ key: 'new-alias', source: 'alias' }]), 'changed');
    expect(keyRows()).toEqual([{ key: 'new-alias', source: 'alias' }]);
    await writer.writePass('delete', async () => writer.deleteEntity(checkout.ref));
    expect(keyRows()).toEqual([]);
  });

  it('are looked up through indexes, never a scan, at any catalog size', () => {
    const plan = (sql: string) => (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join('\n');
    expect(plan("SELECT e.ref FROM lookup_keys k JOIN entities e ON e.id = k.entity_id WHERE k.key = 'x'")).not.toMatch(/\bSCAN\b/);
    expect(plan('DELETE FROM lookup_keys WHERE entity_id = 1')).not.toMatch(/\bSCAN\b/);
    expect(plan("SELECT ref FROM entities WHERE name = 'x'")).not.toMatch(/\bSCAN\b/);
  });
});
