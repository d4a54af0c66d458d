import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/store/apply-migrations.ts';
import { migrationsFolder } from '../../src/store/open-database.ts';
import { SqliteDocsLibrary } from '../../src/store/sqlite-docs-library.ts';
import { SqliteDocsStore } from '../../src/store/sqlite-docs-store.ts';
import { WriteQueue } from '../../src/store/write-queue.ts';
import { docsPage, docsSite } from '../docs/helpers/docs-sites.ts';

const PAYMENTS = 'component:default/payments';
const LEDGER = 'component:default/ledger';

/** A copy of migrations/ that ends with 0011 (docs as they were first stored: an index kept by triggers). */
const migrationsUpTo0011 = (): string => {
  const folder = join(mkdtempSync(join(tmpdir(), 'callboard-migrations-')), 'migrations');
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = join(folder, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((entry) => entry.tag < '0012');
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
};

const migrate = (client: Database.Database, folder: string) => applyMigrations(client, { migrationsFolder: folder, path: ':memory:', origin: 'test' });

/** Sections as a Callboard with migration 0011 wrote them (its trigger put them in the old index). */
const writeAs0011 = (client: Database.Database): void => {
  const insert = client.prepare('INSERT INTO docs_sections (entity_ref, page_path, page_title, anchor, heading, text) VALUES (?, ?, ?, ?, ?, ?)');
  insert.run(PAYMENTS, 'runbook/', 'Runbook', 'rollback', 'Rollback', 'Roll the deploy back when checkout errors climb.');
  insert.run(PAYMENTS, '', 'Payments', 'overview', 'Overview', 'Payments takes card payments for the checkout.');
  insert.run(LEDGER, '', 'Ledger', 'overview', 'Overview', 'The ledger settles checkout payments every night.');
};

/** Every term left in docs_search: after a site is gone, none of its words may be. */
const indexedTerms = (client: Database.Database): string[] => {
  client.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.docs_search_terms USING fts5vocab(main, 'docs_search', 'row')");
  return (client.prepare('SELECT term FROM temp.docs_search_terms').all() as { term: string }[]).map((row) => row.term);
};

describe('migration 0012 (docs search index rebuilt)', () => {
  it('indexes the sections a database already holds, for all sites and for one', () => {
    const client = new Database(':memory:');
    migrate(client, migrationsUpTo0011());
    writeAs0011(client);
    migrate(client, migrationsFolder);

    const library = new SqliteDocsLibrary(client);
    expect(
      library
        .search('checkout')
        .map((hit) => hit.entityRef)
        .sort(),
    ).toEqual([LEDGER, PAYMENTS, PAYMENTS]);
    expect(library.search('checkout roll')).toMatchObject([{ entityRef: PAYMENTS, anchor: 'rollback' }]);
    expect(library.search('checkout', { entityRef: LEDGER }).map((hit) => hit.entityRef)).toEqual([LEDGER]);
    client.close();
  });

  it('indexes them with the values the store removes them by', async () => {
    const client = new Database(':memory:');
    migrate(client, migrationsUpTo0011());
    writeAs0011(client);
    migrate(client, migrationsFolder);

    const store = new SqliteDocsStore({ queue: new WriteQueue(client), writer: client, reader: client });
    await store.replaceSite({
      entityRef: PAYMENTS,
      key: 'k2',
      site: docsSite(PAYMENTS, [docsPage('', 'Payments', [['Overview', 'Refunds only.']])]),
      at: new Date('2026-12-06T10:00:00Z'),
      contentChanged: true,
      problems: [],
    });
    const library = new SqliteDocsLibrary(client);
    expect(library.search('rollback')).toEqual([]);
    expect(library.search('refunds')).toMatchObject([{ entityRef: PAYMENTS }]);
    await store.forget([PAYMENTS, LEDGER]);
    expect(indexedTerms(client)).toEqual([]);
    client.close();
  });
});
