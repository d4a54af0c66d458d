import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpServer } from '../../../src/http/server.ts';
import { fakeAccess, rawRequest, startDocsServer } from './docs-test-site.ts';

let server: HttpServer;
beforeAll(async () => {
  server = await startDocsServer(fakeAccess(true).access);
});
afterAll(() => server.close());

const search = async (query: string, headers: Record<string, string> = {}) => {
  const answer = await rawRequest(server, `/docs/search?${query}`, { headers });
  return { ...answer, text: answer.text.replaceAll('&#x3D;', '=') };
};

describe('/docs/search', () => {
  it('lists matching sections with the words marked and deep links to the heading', async () => {
    const { status, text } = await search('q=rollback');
    expect(status).toBe(200);
    expect(text).toContain('<a href="/docs/default/component/checkout/guides/tuning/">Tuning</a>');
    expect(text).toContain('<a href="/docs/default/component/billing/">Billing docs</a>');
    expect(text).toContain('Tuning body: <mark>rollback</mark> limits.');
    expect(text).toContain('2 matches');
    // The box shows what was searched.
    expect(text).toContain('name="q" value="rollback"');
  });

  it('links to the section a hit is in', async () => {
    const { text } = await search('q=roll+back');
    expect(text).toContain('<a href="/docs/default/component/checkout/#running-it">Checkout › Running it</a>');
  });

  it('&entity= limits the search to one entity and offers all docs instead', async () => {
    const { text } = await search('q=rollback&entity=component:default/checkout');
    expect(text).toContain('/docs/default/component/checkout/guides/tuning/');
    expect(text).not.toContain('/docs/default/component/billing/');
    expect(text).toContain('<h1>Search Checkout</h1>');
    expect(text).toContain('<input type="hidden" name="entity" value="component:default/checkout">');
    expect(text).toContain('href="/docs/search?q=rollback"');
  });

  it('escapes what was typed', async () => {
    const { text } = await search(`q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(text).not.toContain('<script>');
    expect(text).toContain('Nothing matches “&lt;script&gt;alert(1)&lt;/script&gt;”');
  });

  it('asks for words when there are none, and names a bad entity ref', async () => {
    expect(await search('q=')).toMatchObject({ status: 200 });
    expect((await search('q=')).text).toContain('Type some words to search for.');
    const bad = await search('q=x&entity=a:b:c');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('entity=a:b:c is not an entity ref');
  });

  it('answers JSON for Accept: application/json, with absolute URLs and plain snippets', async () => {
    const { status, headers, text } = await rawRequest(server, '/docs/search?q=rollback&entity=checkout', { headers: { accept: 'application/json' } });
    expect(status).toBe(200);
    expect(headers['content-type']).toBe('application/json; charset=utf-8');
    expect(headers['content-security-policy']).toContain("default-src 'none'");
    expect(JSON.parse(text)).toEqual({
      query: 'rollback',
      entityRef: 'component:default/checkout',
      hits: [
        {
          entityRef: 'component:default/checkout',
          pageTitle: 'Tuning',
          heading: '',
          path: '/docs/default/component/checkout/guides/tuning/',
          url: 'https://callboard.example.com/docs/default/component/checkout/guides/tuning/',
          snippet: 'Tuning body: rollback limits.',
        },
      ],
    });
    const empty = await rawRequest(server, '/docs/search', { headers: { accept: 'application/json' } });
    expect(empty.status).toBe(400);
    expect(JSON.parse(empty.text)).toEqual({ error: 'Type some words to search for.' });
  });

  it('a browser asking for HTML first gets the page', async () => {
    const { headers } = await search('q=rollback', { accept: 'text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8' });
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('answers HEAD', async () => {
    const { status, body } = await rawRequest(server, '/docs/search?q=rollback', { method: 'HEAD' });
    expect(status).toBe(200);
    expect(body.length).toBe(0);
  });
});
