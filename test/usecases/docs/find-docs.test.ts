import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import type { PublishedDocs } from '../../../src/usecases/docs/docs-ports.ts';
import { findDocs } from '../../../src/usecases/docs/find-docs.ts';
import { findTeamDocs } from '../../../src/usecases/docs/find-team-docs.ts';
import { splitDocsQuery } from '../../../src/usecases/docs/split-docs-query.ts';
import { openExampleCatalog } from '../../slack/helpers/catalog-fixture.ts';
import { paymentsApiSite, plainDocsLibrary, type PlainSite } from '../../helpers/plain-docs-library.ts';

const PUBLIC = 'https://callboard.acme.example';
const accessTo = (sites: PlainSite[]): PublishedDocs => ({ library: plainDocsLibrary(sites), publicUrl: PUBLIC });
const access = accessTo([paymentsApiSite]);
const PAYMENTS_API = 'component:default/payments-api';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

describe('findDocs', () => {
  it("gives the site's home and, with words, the matching sections as deep links to their headings", () => {
    const answer = findDocs(runtime.store, access, PAYMENTS_API, 'provider outage');
    expect(answer.status).toBe('site');
    if (answer.status !== 'site') return;
    expect(answer.home).toEqual({
      entityRef: PAYMENTS_API,
      siteName: 'Payments API',
      url: `${PUBLIC}/docs/default/component/payments-api/`,
      pageCount: 2,
      builtAt: '2026-12-01T09:30:00.000Z',
      commit: '4f1c2a9e0b7d',
      pages: [
        { title: 'Overview', url: `${PUBLIC}/docs/default/component/payments-api/` },
        { title: 'Runbook', url: `${PUBLIC}/docs/default/component/payments-api/runbook/` },
      ],
    });
    expect(answer.hits.map((hit) => hit.url)).toEqual([`${PUBLIC}/docs/default/component/payments-api/runbook/#provider-outage`]);
    expect(findDocs(runtime.store, access, PAYMENTS_API).hits).toEqual([]);
  });

  it('says what an entity without a site declares, and why its build failed', () => {
    // checkout-service has `backstage.io/techdocs-ref: dir:.` but no site in this library; http-client has none.
    expect(findDocs(runtime.store, access, 'component:default/checkout-service')).toMatchObject({ status: 'none', techdocsRef: 'dir:.', parts: [] });
    const bare = findDocs(runtime.store, access, 'component:default/http-client');
    expect(bare).toEqual({ status: 'none', entityRef: 'component:default/http-client', words: '', parts: [], hits: [] });
    const failed = accessTo([
      { entityRef: 'component:default/checkout-service', siteName: 'Checkout', pages: [], lastError: 'mkdocs.yml line 3: nav is not a list' },
    ]);
    expect(findDocs(runtime.store, failed, 'component:default/checkout-service')).toMatchObject({
      status: 'none',
      buildError: 'mkdocs.yml line 3: nav is not a list',
    });
  });

  it("names the docs build's own error among the entity's problems (origin docs), not other problems", () => {
    const problems = [
      {
        severity: 'error',
        origin: 'file',
        message: 'docs: the docs links are fine, this is a file problem',
        sourceId: 's',
        entityRef: 'component:default/checkout-service',
      },
      {
        severity: 'error',
        origin: 'docs',
        message: 'docs URL is not in any configured source',
        sourceId: 's',
        entityRef: 'component:default/checkout-service',
      },
    ];
    const store = Object.create(runtime.store, { problems: { value: () => problems } }) as typeof runtime.store;
    expect(findDocs(store, access, 'component:default/checkout-service')).toMatchObject({ buildError: 'docs URL is not in any configured source' });
  });

  it("keeps a failed rebuild's last good site, saying the latest build failed", () => {
    const stale = accessTo([{ ...paymentsApiSite, lastError: 'docs/big.md is larger than 5 MB' }]);
    expect(findDocs(runtime.store, stale, PAYMENTS_API)).toMatchObject({ status: 'site', home: { lastError: 'docs/big.md is larger than 5 MB' } });
  });

  it('answers a system without docs of its own with its documented parts and their sections', () => {
    const answer = findDocs(runtime.store, access, 'system:default/payments', 'runbook');
    expect(answer).toMatchObject({ status: 'none', parts: [{ entityRef: PAYMENTS_API, siteName: 'Payments API' }] });
    expect(answer.hits.map((hit) => `${hit.entityRef} ${hit.pagePath}#${hit.anchor}`)).toEqual([
      `${PAYMENTS_API} runbook/#`,
      `${PAYMENTS_API} runbook/#provider-outage`,
      `${PAYMENTS_API} runbook/#ledger-and-provider-disagree`,
    ]);
  });
});

describe('splitDocsQuery', () => {
  const hasDocs = (ref: string) => access.library.site(ref) !== undefined;
  it.each([
    ['payments-api provider outage', 'found', PAYMENTS_API, 'provider outage'],
    ['Checkout Service deploy steps', 'found', 'component:default/checkout-service', 'deploy steps'],
    ['payments runbook', 'found', 'system:default/payments', 'runbook'],
    ['orders-db', 'found', 'resource:default/orders-db', ''],
    ['unicornz runbook', 'not_found', undefined, 'runbook'],
  ])('%s', (text, status, ref, words) => {
    const query = splitDocsQuery(runtime.store, text, { hasDocs });
    expect(query.resolution.status).toBe(status);
    if (query.resolution.status === 'found') expect(query.resolution.ref).toBe(ref);
    expect(query.words).toBe(words);
  });

  it('asks which one when several share the name and none or several have docs', () => {
    expect(splitDocsQuery(runtime.store, 'payments-api outage', { hasDocs: () => false }).resolution.status).toBe('ambiguous');
  });
});

describe('findTeamDocs', () => {
  it("lists a team's documented entities and counts the rest", () => {
    const team = runtime.store.entity('group:default/payments-team')!;
    const [docs] = findTeamDocs(runtime.store, access, [team]);
    expect(docs!.documented.map((home) => home.entityRef)).toEqual([PAYMENTS_API]);
    expect(docs!.undocumented).toBeGreaterThan(0);
  });
});
