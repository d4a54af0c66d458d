import { describe, expect, it } from 'vitest';
import { callboardPageOf } from '../../src/usecases/callboard-page.ts';

const BASE = 'https://portal.acme.example/callboard';
const page = (link: string, base: string | undefined = BASE) => callboardPageOf(new URL(link), base);

describe('callboardPageOf', () => {
  it.each([
    [`${BASE}/catalog/default/component/billing`, { section: 'catalog', ref: 'component:default/billing' }],
    [`${BASE}/docs/default/component/billing/runbook/#steps`, { section: 'docs', ref: 'component:default/billing' }],
    [`${BASE}/catalog/default/component/b%C3%A9la`, { section: 'catalog', ref: 'component:default/béla' }],
    [`${BASE}/catalog/default/component/%E0%A4%A`, { section: 'catalog' }],
    [`${BASE}/docs/default`, { section: 'docs' }],
    [`${BASE}/catalog`, { section: 'other' }],
    [`${BASE}/search?q=billing`, { section: 'other' }],
    [BASE, { section: 'other' }],
    ['https://portal.acme.example/callboardx/catalog/default/component/billing', undefined],
    ['https://elsewhere.example/callboard/catalog/default/component/billing', undefined],
  ])('%s', (link, expected) => {
    expect(page(link)).toEqual(expected);
  });

  it('a base URL at the root or with a trailing slash, and none at all', () => {
    expect(page('https://cb.acme.example/catalog/default/api/pay', 'https://cb.acme.example/')).toEqual({ section: 'catalog', ref: 'api:default/pay' });
    expect(page(`${BASE}/catalog/default/component/billing`, `${BASE}/`)).toEqual({ section: 'catalog', ref: 'component:default/billing' });
    expect(callboardPageOf(new URL(`${BASE}/catalog/default/component/billing`), undefined)).toBeUndefined();
  });
});
