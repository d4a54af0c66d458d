import { describe, expect, it } from 'vitest';
import { docsLinkTarget, findDocsLink } from '../../../src/usecases/docs/find-docs-link.ts';
import { paymentsApiSite, plainDocsLibrary } from '../../helpers/plain-docs-library.ts';

const PUBLIC = 'https://callboard.acme.example';
const access = { library: plainDocsLibrary([paymentsApiSite]), publicUrl: PUBLIC };
const BASES = [PUBLIC, 'https://portal.acme.example/callboard'];
const PAYMENTS_API = 'component:default/payments-api';

describe('docsLinkTarget', () => {
  it.each([
    [`${PUBLIC}/docs/default/component/payments-api/runbook/#provider-outage`, { entityRef: PAYMENTS_API, pagePath: 'runbook/', anchor: 'provider-outage' }],
    [`${PUBLIC}/docs/default/component/payments-api/runbook#provider-outage`, { entityRef: PAYMENTS_API, pagePath: 'runbook/', anchor: 'provider-outage' }],
    [`${PUBLIC}/docs/default/component/payments-api/runbook/index.html`, { entityRef: PAYMENTS_API, pagePath: 'runbook/', anchor: '' }],
    [`${PUBLIC}/docs/default/Component/Payments-API`, { entityRef: PAYMENTS_API, pagePath: '', anchor: '' }],
    ['https://portal.acme.example/callboard/docs/default/component/payments-api/?q=1#caf%C3%A9', { entityRef: PAYMENTS_API, pagePath: '', anchor: 'café' }],
  ])('%s', (url, target) => {
    expect(docsLinkTarget(url, BASES)).toEqual(target);
  });

  it.each([
    ['another host', 'https://elsewhere.example/docs/default/component/payments-api/'],
    ['outside the base path', 'https://portal.acme.example/docs/default/component/payments-api/'],
    ['the docs index', `${PUBLIC}/docs/`],
    ['a catalog page', `${PUBLIC}/catalog/default/component/payments-api`],
    ['malformed escapes', `${PUBLIC}/docs/default/component/pay%E0%A4%A/`],
    ['not a URL', 'payments-api'],
  ])('%s is not a docs page', (_, url) => {
    expect(docsLinkTarget(url, BASES)).toBeUndefined();
  });
});

describe('findDocsLink', () => {
  it('names the page and the section the anchor points at, with the start of its text', () => {
    expect(findDocsLink(access, `${PUBLIC}/docs/default/component/payments-api/runbook/#provider-outage`, BASES)).toMatchObject({
      entityRef: PAYMENTS_API,
      pageTitle: 'Runbook',
      heading: 'Provider outage',
      excerpt: 'Symptoms: PaymentsProviderErrorRate alert, 5xx or timeouts from the provider.',
      home: { siteName: 'Payments API', url: `${PUBLIC}/docs/default/component/payments-api/` },
    });
  });

  it('a page that is gone still names the site; an entity without a site is left to the entity card', () => {
    const gone = findDocsLink(access, `${PUBLIC}/docs/default/component/payments-api/old-page/#x`, BASES);
    expect(gone).toMatchObject({ entityRef: PAYMENTS_API, pagePath: 'old-page/' });
    expect(gone?.pageTitle).toBeUndefined();
    expect(findDocsLink(access, `${PUBLIC}/docs/default/component/checkout-service/`, BASES)).toBeUndefined();
  });
});
