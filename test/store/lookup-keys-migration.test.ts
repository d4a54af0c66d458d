import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCatalogRuntime } from '../../src/catalog-runtime.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { migrationsFolder } from '../../src/store/open-database.ts';
import { resolveEntity } from '../../src/usecases/resolve-entity.ts';
import { exampleConfig } from '../helpers/run-cli.ts';

const keysSql = 'SELECT e.ref, k.key, k.source FROM lookup_keys k JOIN entities e ON e.id = k.entity_id ORDER BY e.ref, k.key';

/** When migration 0005 was made: drizzle records it under that time. */
const migration0005 = (): number => {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
  return journal.entries.find((entry) => entry.tag === '0005_add_lookup_keys')!.when;
};

/** Turns a synced database back into one a Callboard before 0005 left: the same rows, no lookup_keys table, 0005 not applied. */
const asBefore0005 = (path: string): void => {
  const client = new Database(path);
  // Tables of later migrations go too: "applied" means every migration up to the newest one recorded.
  client.exec('DROP TABLE lookup_keys; DROP TABLE scaffolder_runs; DROP TABLE registered_sources');
  // 0008 (scheduled posts), 0009 and 0010 (scorecards).
  client.exec('DROP TABLE schedule_subscriptions; ALTER TABLE job_runs DROP COLUMN post_channel; ALTER TABLE job_runs DROP COLUMN post_ts');
  client.exec('DROP TABLE scorecard_results; DROP TABLE scorecard_history; DROP TABLE scorecard_stamps; DROP TABLE scorecard_source_versions');
  // 0011 (docs).
  client.exec('DROP TABLE docs_search; DROP TABLE docs_sections; DROP TABLE docs_pages; DROP TABLE docs_assets; DROP TABLE docs_borrowers; DROP TABLE docs_problems; DROP TABLE docs_sites');
  // 0013 (revoked docs sessions).
  client.exec('DROP TABLE revoked_sessions');
  client.prepare('DELETE FROM __drizzle_migrations WHERE created_at >= ?').run(migration0005());
  client.close();
};

describe('migration 0005 (lookup keys)', () => {
  it('makes the next sync pass write every entity its keys, in a catalog synced before it', async () => {
    const config = loadConfig({ file: exampleConfig(), env: {} });
    const fresh = openCatalogRuntime(config);
    await fresh.sync.syncAll();
    const keysOfAFreshSync = new Database(config.database.path, { readonly: true }).prepare(keysSql).all();
    fresh.close();
    expect(keysOfAFreshSync.length).toBeGreaterThan(0);

    asBefore0005(config.database.path);
    const upgraded = openCatalogRuntime(config);
    try {
      expect(new Database(config.database.path, { readonly: true }).prepare(keysSql).all()).toEqual([]);
      // Before that pass, a name typed as it is stored already answers (from the entities table).
      expect(resolveEntity(upgraded.store, 'marcus.oyelaran')).toEqual({ status: 'found', ref: 'user:default/marcus.oyelaran' });
      const summary = await upgraded.sync.syncAll();
      expect(summary.sources.map((source) => source.outcome)).toEqual(['synced']);
      expect(new Database(config.database.path, { readonly: true }).prepare(keysSql).all()).toEqual(keysOfAFreshSync);
      expect(resolveEntity(upgraded.store, 'https://github.com/acme/checkout-service/tree/main')).toMatchObject({
        status: 'found',
        ref: 'component:default/checkout-service',
      });
    } finally {
      upgraded.close();
    }
  });
});
