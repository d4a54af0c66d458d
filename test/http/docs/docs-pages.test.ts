import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_OUT_PATH } from '../../../src/http/auth/slack-sign-in-routes.ts';
import type { Route } from '../../../src/http/http-types.ts';
import type { HttpServer } from '../../../src/http/server.ts';
import { fakeAccess, PNG, rawRequest, startDocsServer } from './docs-test-site.ts';

let server: HttpServer;
beforeAll(async () => {
  server = await startDocsServer(fakeAccess(true).access);
});
afterAll(() => server.close());

/** Handlebars writes `=` in attributes as `&#x3D;` (the same to a browser); read it back for readable assertions. */
const get = async (path: string, options: { method?: string; headers?: Record<string, string> } = {}) => {
  const answer = await rawRequest(server, path, options);
  return { ...answer, text: answer.text.replaceAll('&#x3D;', '=') };
};

/** The HTML between two markers, to look at one part of a page. */
const between = (html: string, start: string, end: string): string => html.slice(html.indexOf(start), html.indexOf(end, html.indexOf(start)));

describe('the sign-out link', () => {
  it('is in the footer of every docs page when the gate has sessions to sign out of', async () => {
    const { access } = fakeAccess(true);
    const signOut: Route = { method: 'POST', path: SIGN_OUT_PATH, handler: async () => ({ status: 200, body: 'signed out' }) };
    const withSessions = await startDocsServer({ ...access, routes: [...access.routes, signOut] });
    try {
      for (const path of ['/docs', '/docs/search?q=refund', '/docs/default/component/checkout/', '/docs/default/component/nothing-here/']) {
        expect((await rawRequest(withSessions, path)).text, path).toContain('<a href="/auth/sign-out">Sign out</a>');
      }
    } finally {
      await withSessions.close();
    }
  });
});

describe('/docs index', () => {
  it('lists every documented entity grouped by owner, teams by name, the unowned last, with a search box', async () => {
    const { status, headers, text } = await get('/docs');
    expect(status).toBe(200);
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    const order = ['Payments Team', 'Platform Team', 'No owner in the catalog'].map((name) => text.indexOf(`<h2>${name}`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const payments = between(text, '<h2>Payments Team', '</section>');
    expect(payments).toContain('href="/docs/default/component/checkout/"');
    // A gate without sessions (here: open) has nothing to sign out of.
    expect(text).not.toContain('Sign out');
    expect(payments).toContain('href="https://slack.com/app_redirect?channel=team-payments"');
    expect(payments).toContain('Takes the money.');
    const platform = between(text, '<h2>Platform Team', '</section>');
    expect(platform).toContain('href="/docs/default/component/billing/"');
    expect(platform).toContain('href="/docs/default/system/commerce/"');
    expect(platform).toContain('https://slack.com/app_redirect?channel=C0123ABCDE');
    expect(platform).toContain('latest build failed');
    expect(between(text, '<h2>No owner in the catalog', '</section>')).toContain('href="/docs/default/component/gone/"');
    expect(text).toContain('action="/docs/search"');
    expect(text).not.toContain('<script');
  });
});

describe('an entity docs page', () => {
  it('draws the header, nav, table of contents, body, edit link and build', async () => {
    const { status, text } = await get('/docs/default/component/checkout/');
    expect(status).toBe(200);
    expect(text).toContain('<title>Checkout docs · Callboard docs</title>');
    expect(text).toContain('<link rel="stylesheet" href="/docs/_static/docs.css">');
    // The sanitized body, as stored.
    expect(text).toContain('<p>Home page body. <img src="/docs/default/component/checkout/images/flow.png" alt="flow"></p>');
    const header = between(text, '<div class="entity-header">', '</dl>');
    expect(header).toContain('Payments Team · <a href="https://slack.com/app_redirect?channel=team-payments" rel="noopener noreferrer">#team-payments</a>');
    expect(header).toContain('<a href="/docs/default/system/commerce/">Commerce</a>');
    expect(header).toContain('Ada Lovelace (payments-primary)');
    expect(between(text, '<nav class="breadcrumbs"', '</nav>')).toContain('<span aria-current="page">Checkout</span>');
    const toc = between(text, '<aside class="toc">', '</aside>');
    expect(toc).toContain('href="#running-it"');
    expect(toc).toContain('class="toc-level-3"><a href="#locally"');
    expect(toc).not.toContain('#checkout');
    // No edit URL on the page: the entity's source location.
    expect(text).toContain('<a class="edit-link" href="https://github.com/acme/checkout/tree/main/"');
    expect(text).toContain('<code title="0123456789abcdef0123456789abcdef01234567">0123456</code>');
    expect(text).toContain('<time datetime="2026-12-01T09:30:00.000Z">2026-12-01 09:30 UTC</time>');
    expect(text).not.toContain('<script');
  });

  it('renders the nav: sections, nested sections, external links, the current page marked', async () => {
    const { text } = await get('/docs/default/component/checkout/guides/tuning/');
    const nav = between(text, '<aside class="nav-side">', '</aside>');
    expect(nav).toMatch(/<details open>\s*<summary>Guides<\/summary>/);
    expect(nav).toMatch(/<details open>\s*<summary>Deep dive<\/summary>/);
    expect(nav).toContain('<a href="/docs/default/component/checkout/guides/tuning/" aria-current="page">Tuning</a>');
    expect(nav).toContain('<a href="/docs/default/component/checkout/guides/setup/">Setup &lt;b&gt;guide&lt;/b&gt;</a>');
    expect(nav).toContain('<a class="external" href="https://status.example.com/" rel="noopener noreferrer">Status page');
    // A javascript: URL from mkdocs.yml stays text.
    expect(nav).toContain('<span class="nav-text">Sneaky</span>');
    expect(text).not.toContain('javascript:');
    // The same nav collapses into <details> on a phone.
    expect(text).toContain('<details class="nav-mobile">');
    const crumbs = between(text, '<nav class="breadcrumbs"', '</nav>');
    expect(crumbs).toContain('<a href="/docs">Docs</a>');
    expect(crumbs).toContain('<a href="/docs/default/component/checkout/">Checkout</a>');
    expect(crumbs).toContain('<span>Guides</span>');
    expect(crumbs).toContain('<span>Deep dive</span>');
    expect(crumbs).toContain('<span aria-current="page">Tuning</span>');
  });

  it("escapes titles, and takes the page's edit URL before the entity's", async () => {
    const { text } = await get('/docs/default/component/checkout/guides/setup/');
    expect(text).toContain('<title>Setup &lt;b&gt;guide&lt;/b&gt; · Checkout docs · Callboard docs</title>');
    expect(text).toContain('href="https://github.com/acme/checkout/edit/main/docs/guides/setup.md"');
  });

  it('serves a page that is not in the nav, and a site whose entity left the catalog', async () => {
    expect((await get('/docs/default/component/checkout/not-in-nav/')).text).toContain('Built but not in the nav.');
    const gone = await get('/docs/default/component/gone/');
    expect(gone.status).toBe(200);
    expect(gone.text).toContain('An entity no longer in the catalog.');
  });

  it('says when the latest build failed and the last good one is shown', async () => {
    expect((await get('/docs/default/component/billing/')).text).toContain('The latest docs build failed (mkdocs.yml: nav is not a list)');
  });

  it('reads the entity part of the address in any case', async () => {
    const { status, text } = await get('/docs/Default/COMPONENT/Checkout/guides/setup/');
    expect(status).toBe(200);
    expect(text).toContain('<p>Setup body.</p>');
  });

  it('answers HEAD with the headers and no body', async () => {
    const page = await get('/docs/default/component/checkout/', { method: 'HEAD' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body.length).toBe(0);
    const asset = await get('/docs/default/component/checkout/images/flow.png', { method: 'HEAD' });
    expect(asset).toMatchObject({ status: 200, headers: { 'content-type': 'image/png' } });
    expect(asset.body.length).toBe(0);
  });
});

describe('redirects to the slash form', () => {
  it.each([
    ['/docs/default/component/checkout', '/docs/default/component/checkout/'],
    ['/docs/Default/Component/Checkout', '/docs/default/component/checkout/'],
    ['/docs/default/component/checkout/guides/setup', '/docs/default/component/checkout/guides/setup/'],
    ['/docs/default/component/checkout/guides/setup?from=slack', '/docs/default/component/checkout/guides/setup/?from=slack'],
    ['/docs/', '/docs'],
  ])('%s → %s', async (path, location) => {
    const answer = await get(path);
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe(location);
  });
});

describe('assets', () => {
  it('serves an image with its content type and bytes', async () => {
    const { status, headers, body } = await get('/docs/default/component/checkout/images/flow.png');
    expect(status).toBe(200);
    expect(headers['content-type']).toBe('image/png');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(body.equals(PNG)).toBe(true);
  });

  it('an SVG opened on its own is sandboxed: no script runs', async () => {
    const { headers } = await get('/docs/default/component/checkout/images/logo.svg');
    expect(headers['content-type']).toBe('image/svg+xml');
    expect(headers['content-security-policy']).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox");
  });

  it('an HTML file from the docs folder is a sandboxed download, never a page of the site', async () => {
    const { headers } = await get('/docs/default/component/checkout/files/report.html');
    expect(headers['content-disposition']).toBe('attachment; filename="report.html"');
    expect(headers['content-security-policy']).toContain('sandbox');
  });
});

describe('404 pages are HTML and say what to do', () => {
  it.each([
    ['/docs/default/component/nobody/', 'No entity component:default/nobody', 'Check the namespace, kind and name'],
    ['/docs/default/component/undocumented/', 'No docs for component:default/undocumented', 'backstage.io/techdocs-ref'],
    ['/docs/default/component/checkout/missing/', 'No such page', 'href="/docs/default/component/checkout/"'],
    ['/docs/default/component/checkout/images/missing.png', 'No such page', 'Go to the home page of Checkout docs'],
    ['/docs/default/component', 'No docs page here', '/docs/&lt;namespace&gt;/&lt;kind&gt;/&lt;name&gt;/'],
    ['/docs/_static/component/checkout/', 'No docs page here', 'Browse every documented entity'],
    ['/docs/_static/missing.css', 'No docs page here', 'Browse every documented entity'],
  ])('%s', async (path, heading, hint) => {
    const { status, headers, text } = await get(path);
    expect(status).toBe(404);
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    expect(text).toContain(`<h1>${heading}</h1>`);
    expect(text).toContain(hint);
  });
});

describe('on-call line', () => {
  it('a page is drawn without it when it does not answer in time or fails', async () => {
    for (const onCallLine of [
      () => new Promise<string>(() => {}),
      () => Promise.reject(new Error('PagerDuty down')),
      () => {
        throw new Error('sync');
      },
    ]) {
      const slow = await startDocsServer(fakeAccess(true).access, { onCallLine, onCallTimeoutMs: 20 });
      const { status, text } = await rawRequest(slow, '/docs/default/component/checkout/');
      await slow.close();
      expect(status).toBe(200);
      expect(text).not.toContain('<dt>On call</dt>');
      expect(text).toContain('Home page body.');
    }
  });
});

describe('the stylesheet', () => {
  it('is a static file under /docs/_static/ with light and dark themes and a phone layout', async () => {
    const { status, headers, text } = await get('/docs/_static/docs.css');
    expect(status).toBe(200);
    expect(headers['content-type']).toBe('text/css; charset=utf-8');
    expect(text).toContain('@media (prefers-color-scheme: dark)');
    expect(text).toMatch(/:root \{\n {2}color-scheme: light dark;\n {2}--bg: #ffffff;/);
    expect(text).toMatch(/@media \(max-width: 48rem\) \{[^@]*\.nav-mobile \{\n {4}display: block;/);
  });
});
