import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCS_ASSET_CSP, DOCS_CSP } from '../../src/http/docs/docs-responses.ts';
import { EVIL_ORIGIN, layoutVectors } from '../fixtures/docs/offsite-vectors.ts';
import { BROWSER_TEST_TIMEOUT_MS, launchChromium } from '../helpers/browser.ts';
import { breaches, openWatchedContext, visitWatched, type PageReport } from './watch-page.ts';
import { ENTITY_REF, SITE_ROOT, startXssDocsSite, SVG_ASSET, vectorPages, type XssDocsSite } from './xss-docs-site.ts';

// Every XSS vector as a docs page, through the real pipeline, read in Debian's Chromium.
let site: XssDocsSite;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  site = await startXssDocsSite();
  origin = new URL(site.server.url).origin;
  browser = await launchChromium();
}, BROWSER_TEST_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The site's other pages that show what the vectors wrote, and reflected input: search words, an entity filter, a missing page. */
const otherPages = [
  SITE_ROOT,
  '/docs',
  '/docs/search?q=alert',
  '/docs/search?q=onerror%20script',
  `/docs/search?q=${encodeURIComponent(`"><script>__xssHit('search q')</script>`)}`,
  `/docs/search?q=x&entity=${encodeURIComponent(`"><img src=x onerror="__xssHit('search entity')">`)}`,
  `${SITE_ROOT}${encodeURIComponent(`<img src=x onerror="__xssHit('404 path')">`)}/`,
];
const allPages = [...vectorPages.map((vector) => `${SITE_ROOT}${vector.path}`), ...otherPages];

/** Pages open at once: each waits for its network to settle, so they are read side by side. */
const PAGES_AT_ONCE = 8;

const visitAll = async (context: BrowserContext): Promise<PageReport[]> => {
  const reports: PageReport[] = [];
  for (let start = 0; start < allPages.length; start += PAGES_AT_ONCE)
    reports.push(...(await Promise.all(allPages.slice(start, start + PAGES_AT_ONCE).map((path) => visitWatched(context, origin, path)))));
  return reports;
};

/** Pages rewritten on the way to the browser as if a script had slipped past the sanitizer. */
const INJECTED =
  `<script>__xssHit('injected script');window.__xss=1;alert(1)</script><img src="x" onerror="__xssHit('injected handler')">` +
  `<b onmouseover="__xssHit('injected mouseover')">x</b><img src="${EVIL_ORIGIN}/injected.png">`;

const visitInjected = (context: BrowserContext): Promise<PageReport> =>
  visitWatched(context, origin, `${SITE_ROOT}${vectorPages[0]!.path}`, async (page) => {
    await page.route(`${origin}${SITE_ROOT}${vectorPages[0]!.path}`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('<article class="docs-body">', `<article class="docs-body">${INJECTED}`);
      if (!html.includes(INJECTED)) throw new Error('the page layout changed: no <article class="docs-body"> to inject into');
      await route.fulfill({ response, body: html });
    });
  });

describe('XSS vectors as docs pages in Chromium', () => {
  it('every vector and layout field built into the site', () => {
    expect(vectorPages.length).toBeGreaterThan(90);
    for (const vector of vectorPages) expect(site.runtime.docs.page(ENTITY_REF, vector.path), vector.name).toBeDefined();
    const built = site.runtime.docs.site(ENTITY_REF)!;
    expect(built.siteName).toBe(layoutVectors.siteName);
    expect(JSON.stringify(built.nav)).toContain(JSON.stringify(layoutVectors.navTitle));
    expect(site.runtime.store.entity(ENTITY_REF)?.metadata.title).toBe(layoutVectors.entityTitle);
  });

  it(
    'as served: no script runs, no dialog opens, nothing is fetched from another origin, nothing executable is parsed',
    async () => {
      const context = await openWatchedContext(browser, { bypassCSP: false });
      const reports = await visitAll(context);
      await context.close();
      expect(reports.flatMap((report) => breaches(report))).toEqual([]);
      expect(reports.filter((report) => report.csp !== DOCS_CSP).map((report) => `${report.url}: ${report.csp}`)).toEqual([]);
      // Remote images are allowed Markdown: the policy is what refuses them.
      expect(reports.flatMap((report) => report.refused)).toContain(`image ${EVIL_ORIGIN}/pixel.png`);
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'with the Content-Security-Policy switched off, the sanitizer and the templates’ escaping alone stop every script',
    async () => {
      const context = await openWatchedContext(browser, { bypassCSP: true });
      const reports = await visitAll(context);
      await context.close();
      // Remote images are allowed Markdown; only the policy keeps them from loading (the test above), so they go out here.
      expect(reports.flatMap((report) => breaches(report, { allowOffsiteImages: true }))).toEqual([]);
      const offsiteImages = reports.flatMap((report) => report.offsite);
      expect(offsiteImages).toContain(`image ${EVIL_ORIGIN}/pixel.png`);
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'an SVG file with script from the docs folder, opened on its own, runs nothing; its script is real when the policy is off',
    async () => {
      const served = await openWatchedContext(browser, { bypassCSP: false });
      const svg = await visitWatched(served, origin, `${SITE_ROOT}${SVG_ASSET}`);
      await served.close();
      expect(svg.csp).toBe(DOCS_ASSET_CSP);
      expect({ hits: svg.hits, dialogs: svg.dialogs, offsite: svg.offsite, popups: svg.popups, navigations: svg.navigations }).toEqual({
        hits: [],
        dialogs: [],
        offsite: [],
        popups: [],
        navigations: [],
      });
      const bypassed = await openWatchedContext(browser, { bypassCSP: true });
      const control = await visitWatched(bypassed, origin, `${SITE_ROOT}${SVG_ASSET}`);
      await bypassed.close();
      expect(control.hits).toContain('__xssHit(svg script)');
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'the served policy stops a script and a handler that got into a page, which run once the policy is off',
    async () => {
      const served = await openWatchedContext(browser, { bypassCSP: false });
      const blocked = await visitInjected(served);
      await served.close();
      expect(blocked.csp).toBe(DOCS_CSP);
      expect({ hits: blocked.hits, dialogs: blocked.dialogs, offsite: blocked.offsite }).toEqual({ hits: [], dialogs: [], offsite: [] });
      expect(blocked.console.filter((message) => message.includes('Content Security Policy')).length).toBeGreaterThanOrEqual(2);
      const bypassed = await openWatchedContext(browser, { bypassCSP: true });
      const ran = await visitInjected(bypassed);
      await bypassed.close();
      // The watch itself works: it sees the script, the handlers (one fired by the synthetic events), the markup.
      expect(ran.hits).toEqual(
        expect.arrayContaining(['__xssHit(injected script)', '__xssHit(injected handler)', '__xssHit(injected mouseover)', 'window.__xss = 1']),
      );
      expect(ran.markup).toEqual(expect.arrayContaining([expect.stringMatching(/^<script> /), `img[onerror=__xssHit('injected handler')]`]));
      expect(ran.dialogs).toEqual(['alert: 1']);
      expect(ran.offsite).toContain(`image ${EVIL_ORIGIN}/injected.png`);
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
