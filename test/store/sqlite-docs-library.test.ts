import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snippetMark } from '../../src/core/docs/docs-library.ts';
import { openDatabase, type CatalogDatabase } from '../../src/store/open-database.ts';
import { SqliteCatalogStore } from '../../src/store/sqlite-catalog-store.ts';
import { SqliteDocsLibrary } from '../../src/store/sqlite-docs-library.ts';
import { SqliteDocsStore } from '../../src/store/sqlite-docs-store.ts';
import { WriteQueue } from '../../src/store/write-queue.ts';
import { docsPage, docsSite } from '../docs/helpers/docs-sites.ts';

const PAYMENTS = 'component:default/payments';
const LEDGER = 'component:default/ledger';
const at = new Date('2026-12-06T10:00:00Z');

let db: CatalogDatabase;
let store: SqliteDocsStore;
let library: SqliteDocsLibrary;

beforeEach(() => {
  db = openDatabase(':memory:');
  store = new SqliteDocsStore({ queue: new WriteQueue(db.$client), writer: db.$client, reader: db.$client });
  library = new SqliteDocsLibrary(db.$client);
});

afterEach(() => db.$client.close());

const paymentsSite = docsSite(
  PAYMENTS,
  [
    docsPage('', 'Payments', [['Overview', 'Payments takes card payments and refunds for the shop.']]),
    docsPage('runbook/', 'Runbook', [
      ['Provider outage', 'When the card provider is down, switch traffic to the fallback provider and page the on-call.'],
      ['Refund backlog', 'Refunds queue up in the ledger; drain them once the provider answers again.'],
    ]),
    docsPage('guides/setup/', 'Setup', [['Local setup', 'Run the service with the sandbox provider keys.']]),
  ],
  {
    assets: [{ path: 'images/flow.png', contentType: 'image/png', data: new Uint8Array([137, 80, 78, 71]) }],
    warnings: [{ file: 'services/payments/docs/index.md', line: 3, message: 'link to missing.md: no such page' }],
    repoUrl: 'https://github.com/acme/payments',
  },
);

const save = (site = paymentsSite, key = 'k1') =>
  store.replaceSite({ entityRef: site.entityRef, key, commit: 'abc123', site, at, contentChanged: true, problems: [] });

describe('SqliteDocsLibrary', () => {
  it('serves a stored site: summary, pages with their sections, assets', async () => {
    await save();
    expect(library.site(PAYMENTS)).toEqual({
      entityRef: PAYMENTS,
      siteName: `${PAYMENTS} docs`,
      nav: paymentsSite.nav,
      pageCount: 3,
      repoUrl: 'https://github.com/acme/payments',
      commit: 'abc123',
      builtAt: at.toISOString(),
      changedAt: at.toISOString(),
      warnings: paymentsSite.warnings,
    });
    expect(library.page(PAYMENTS, 'runbook/')).toEqual(paymentsSite.pages[1]);
    expect(library.page(PAYMENTS, 'nope/')).toBeUndefined();
    expect(library.asset(PAYMENTS, 'images/flow.png')).toEqual({ contentType: 'image/png', data: new Uint8Array([137, 80, 78, 71]) });
    expect(library.sites().map((site) => site.entityRef)).toEqual([PAYMENTS]);
  });

  it('ranks a title or heading match above a text match, with snippets marked', async () => {
    await save();
    const hits = library.search('provider');
    expect(hits[0]).toMatchObject({ entityRef: PAYMENTS, pagePath: 'runbook/', anchor: 'provider-outage', heading: 'Provider outage' });
    expect(hits[0]!.snippet).toContain(`${snippetMark.start}provider${snippetMark.end}`);
    expect(hits.map((hit) => hit.anchor).sort()).toEqual(['local-setup', 'provider-outage', 'refund-backlog']);
    // Prefixes match, every word must match, and FTS syntax typed by a person is just words.
    expect(library.search('refu back').map((hit) => hit.anchor)).toEqual(['refund-backlog']);
    expect(library.search('title:"x" OR NEAR(')).toEqual([]);
    expect(library.search('   ')).toEqual([]);
  });

  it('weighs page title over heading over text', async () => {
    await save(
      docsSite(LEDGER, [
        docsPage('text/', 'Alpha', [['Beta', 'The word ledger appears in this text.']]),
        docsPage('heading/', 'Gamma', [['Ledger rules', 'Nothing here.']]),
        docsPage('title/', 'Ledger', [['Delta', 'Nothing either.']]),
      ]),
    );
    expect(library.search('ledger').map((hit) => hit.pagePath)).toEqual(['title/', 'heading/', 'text/']);
  });

  it('searches one entity when asked, and limits the hits', async () => {
    await save();
    await save(docsSite(LEDGER, [docsPage('', 'Ledger', [['Provider reconciliation', 'The provider statement is matched every night.']])]));
    expect(library.search('provider', { entityRef: LEDGER }).map((hit) => hit.entityRef)).toEqual([LEDGER]);
    expect(library.search('provider', { limit: 2 })).toHaveLength(2);
    expect(new Set(library.search('provider').map((hit) => hit.entityRef))).toEqual(new Set([PAYMENTS, LEDGER]));
  });

  it('replaces a build whole: old pages and sections are gone from pages and search', async () => {
    await save();
    await save(docsSite(PAYMENTS, [docsPage('', 'Payments', [['Overview', 'Only card payments now.']])]), 'k2');
    expect(library.page(PAYMENTS, 'runbook/')).toBeUndefined();
    expect(library.search('outage')).toEqual([]);
    expect(library.site(PAYMENTS)?.pageCount).toBe(1);
  });

  it('ranks whole words before prefixes, and takes the last word as the one still being typed', async () => {
    await save(
      docsSite(LEDGER, [
        docsPage('', 'Ledger', [
          ['Rollback', 'Roll back a checkout deploy from the pipeline.'],
          ['Roll forward', 'A checkout fix can roll forward instead.'],
          ['Rolling restarts', 'Restart the ledger workers one at a time.'],
        ]),
      ]),
    );
    expect(library.search('checkout roll').map((hit) => hit.anchor)).toEqual(['roll-forward', 'rollback']);
    expect(library.search('checkout rollb').map((hit) => hit.anchor)).toEqual(['rollback']);
    expect(library.search('roll').map((hit) => hit.anchor)).toEqual(['roll-forward', 'rollback', 'rolling-restarts']);
  });

  it("searches one site's sections only, and never matches the token that marks a site", async () => {
    await save();
    await save(docsSite(LEDGER, [docsPage('', 'Ledger', [['Refunds', 'Refunds are settled by the ledger.']])]));
    expect(library.search('refunds', { entityRef: LEDGER }).map((hit) => `${hit.entityRef} ${hit.anchor}`)).toEqual([`${LEDGER} refunds`]);
    expect(library.search('refunds', { entityRef: 'component:default/nothing' })).toEqual([]);
    // The site token is 's' and the hex of the ref ('c' is 63): typed, it is just a word nothing contains.
    expect(library.search('s636f6d')).toEqual([]);
    expect(library.search('s6')).toEqual([]);
  });

  it('keeps the last good build served after a failure, and tells the failure', async () => {
    await save();
    await store.recordFailure({ entityRef: PAYMENTS, key: 'k2', error: 'mkdocs.yml: bad YAML', problems: [] });
    expect(library.site(PAYMENTS)).toMatchObject({ pageCount: 3, lastError: 'mkdocs.yml: bad YAML' });
    expect(library.search('outage')).toHaveLength(1);
    expect(store.states().get(PAYMENTS)).toMatchObject({ contentKey: 'k1', failedKey: 'k2', built: true });
  });

  it('lists no site for an entity that never built well', async () => {
    await store.recordFailure({ entityRef: LEDGER, error: 'no docs folder', problems: [] });
    expect(library.site(LEDGER)).toBeUndefined();
    expect(library.sites()).toEqual([]);
  });

  it("serves a lender's site under a borrower's ref too", async () => {
    await save();
    await store.replaceBorrowers(new Map([['system:default/shop', PAYMENTS]]));
    expect(library.site('system:default/shop')).toMatchObject({ entityRef: 'system:default/shop', pageCount: 3 });
    expect(library.page('system:default/shop', 'runbook/')?.title).toBe('Runbook');
    expect(library.asset('system:default/shop', 'images/flow.png')?.contentType).toBe('image/png');
    expect(library.search('outage', { entityRef: 'system:default/shop' })).toMatchObject([{ entityRef: 'system:default/shop', pagePath: 'runbook/' }]);
    expect(library.sites().map((site) => site.entityRef)).toEqual([PAYMENTS, 'system:default/shop']);
  });

  it('lists docs problems with the catalog problems, origin docs', async () => {
    await store.replaceProblems(PAYMENTS, [
      { sourceId: 'acme', severity: 'warning', message: 'docs: link to missing.md: no such page', file: '/repo/services/payments/docs/index.md', line: 3 },
    ]);
    const problems = new SqliteCatalogStore(db).problems({ entityRefs: [PAYMENTS] });
    expect(problems).toEqual([
      {
        sourceId: 'acme',
        origin: 'docs',
        severity: 'warning',
        message: 'docs: link to missing.md: no such page',
        file: '/repo/services/payments/docs/index.md',
        line: 3,
        entityRef: PAYMENTS,
      },
    ]);
    await store.forget([PAYMENTS]);
    expect(new SqliteCatalogStore(db).problems()).toEqual([]);
  });
});
