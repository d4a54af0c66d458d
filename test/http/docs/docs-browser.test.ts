import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocsSite } from '../../../src/core/docs/build-docs-site.ts';
import { mountDocsRoutes } from '../../../src/http/docs/mount-docs-routes.ts';
import { createRouter } from '../../../src/http/router.ts';
import { startHttpServer, type HttpServer } from '../../../src/http/server.ts';
import { BROWSER_TEST_TIMEOUT_MS, launchChromium } from '../../helpers/browser.ts';
import { memoryDocsLibrary } from '../../helpers/memory-docs-library.ts';
import { repoRoot } from '../../helpers/run-cli.ts';
import { fakeCatalog } from '../../scaffolder/run/helpers/fake-catalog.ts';
import { entities, fakeAccess } from './docs-test-site.ts';

// The example org's checkout docs, built by the real renderer, served by the real server, read in Debian's Chromium.
const docsRoot = join(repoRoot, 'examples/acme/services/checkout-service');
const home = '/docs/default/component/checkout/';

const readDocsFolder = (): Map<string, Uint8Array> =>
  new Map(
    readdirSync(docsRoot, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [relative(docsRoot, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name))]),
  );

let server: HttpServer;
let browser: Browser;
/** Anything the browser refused or could not load, across every page of the run: must stay empty. */
const problems: string[] = [];

beforeAll(async () => {
  const built = buildDocsSite({
    entityRef: 'component:default/checkout',
    entityName: 'checkout',
    files: readDocsFolder(),
    rootInSource: '',
    maxPageBytes: 5e6,
  });
  if (!built.ok) throw new Error(built.error);
  const router = createRouter();
  mountDocsRoutes(router, {
    library: memoryDocsLibrary([{ site: built.site, commit: 'abcdef0123456789' }]),
    catalog: fakeCatalog(entities, [{ source: 'component:default/checkout', type: 'ownedBy', target: 'group:default/payments' }]),
    access: fakeAccess(true).access,
    publicUrl: 'http://127.0.0.1',
  });
  server = await startHttpServer({ router, host: '127.0.0.1', port: 0, log: pino({ level: 'silent' }) });
  browser = await launchChromium();
}, BROWSER_TEST_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const open = async (path: string, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<Page> => {
  const page = await browser.newPage({ colorScheme: options.colorScheme ?? 'light', viewport: { width: options.width ?? 1280, height: 900 } });
  page.on('console', (message) => problems.push(`${path}: console ${message.type()}: ${message.text()}`));
  page.on('requestfailed', (request) => problems.push(`${path}: failed ${request.url()}`));
  page.on('response', (response) => void (response.status() >= 400 && problems.push(`${path}: ${response.status()} ${response.url()}`)));
  await page.goto(`${server.url}${path}`);
  return page;
};

describe('the docs site in a browser', { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
  it('clicks through the nav, the page contents and search', async () => {
    const page = await open(home);
    expect(await page.title()).toBe('Checkout Service · Callboard docs');
    await page.locator('.nav-side').getByRole('link', { name: 'Runbook' }).click();
    await page.waitForURL(`${server.url}${home}runbook/`);
    expect(await page.locator('.nav-side a[aria-current="page"]').textContent()).toBe('Runbook');
    const firstHeading = page.locator('.toc a').first();
    const anchor = await firstHeading.getAttribute('href');
    await firstHeading.click();
    expect(new URL(page.url()).hash).toBe(anchor);
    expect(await page.locator(`[id="${anchor!.slice(1)}"]`).count()).toBe(1);
    await page.fill('#docs-search-q', 'rollback');
    await page.press('#docs-search-q', 'Enter');
    await page.waitForURL(/\/docs\/search\?/);
    expect(new URL(page.url()).searchParams.get('entity')).toBe('component:default/checkout');
    expect(await page.locator('.search-hits mark').count()).toBeGreaterThan(0);
    await page.locator('.search-hits a').first().click();
    await page.waitForURL(new RegExp(`${home}`));
    await page.close();
  });

  it('the page contents scroll their heading into view, a search hit opens its section, "Edit this page" points at the source file', async () => {
    const page = await open(`${home}runbook/`);
    const inView = async (id: string) => {
      const box = (await page.locator(`[id="${id}"]`).boundingBox())!;
      return box.y >= 0 && box.y + box.height <= 900;
    };
    // The last heading: the one the reader has to scroll to.
    expect(await page.locator('.toc a').last().textContent()).toBe('Promo code abuse');
    expect(await inView('promo-code-abuse')).toBe(false);
    await page.locator('.toc a').last().click();
    expect(new URL(page.url()).hash).toBe('#promo-code-abuse');
    expect(await inView('promo-code-abuse')).toBe(true);
    const edit = page.locator('.edit-link');
    expect(await edit.textContent()).toBe('Edit this page');
    // mkdocs' rule: repo_url + edit_uri + the page's path below docs_dir (examples/acme/services/checkout-service/mkdocs.yml).
    expect(await edit.getAttribute('href')).toBe('https://github.com/acme/checkout-service/edit/main/docs/runbook.md');
    await page.fill('#docs-search-q', 'rollbacks');
    await page.press('#docs-search-q', 'Enter');
    await page.waitForURL(/\/docs\/search\?/);
    const hit = page.locator(`.search-hits a[href$="${home}runbook/#rolling-back"]`);
    expect(await hit.count()).toBe(1);
    await hit.click();
    await page.waitForURL(`${server.url}${home}runbook/#rolling-back`);
    expect(await page.locator('[id="rolling-back"]').evaluate((heading) => heading.tagName)).toBe('H2');
    expect(await inView('rolling-back')).toBe(true);
    await page.close();
  });

  it('every link into the docs site and every image on every page loads', async () => {
    const page = await open(home);
    let checked = { images: 0, links: 0 };
    const paths = await page.locator('.nav-side a[href^="/docs/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    for (const path of paths) {
      await page.goto(`${server.url}${path}`);
      const images = await page
        .locator('.docs-body img')
        .evaluateAll((found) => found.map((image) => ({ src: image.getAttribute('src'), width: (image as unknown as { naturalWidth: number }).naturalWidth })));
      for (const image of images) expect(image.width, `${path}: ${image.src}`).toBeGreaterThan(0);
      // The renderer writes links between pages relative (`../runbook/#stuck-checkouts`): resolved here as the browser does.
      const links = await page
        .locator('.docs-body a[href]')
        .evaluateAll(
          (found, origin) => found.map((link) => (link as unknown as { href: string }).href).filter((href) => href.startsWith(origin)),
          new URL(server.url).origin,
        );
      checked = { images: checked.images + images.length, links: checked.links + links.length };
      for (const link of links) expect((await fetch(link)).status, `${path} → ${link}`).toBe(200);
    }
    expect(new Set(paths).size).toBe(4);
    expect(checked.images).toBeGreaterThan(0);
    expect(checked.links).toBeGreaterThan(0);
    await page.close();
  });

  it('follows the reader’s light or dark preference with no script', async () => {
    const background = async (colorScheme: 'light' | 'dark') => {
      const page = await open(home, { colorScheme });
      // Expressions as strings: the project compiles without the DOM library (tsconfig.json).
      const color = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
      await page.close();
      return color;
    };
    expect(await background('light')).toBe('rgb(255, 255, 255)');
    expect(await background('dark')).toBe('rgb(13, 17, 23)');
  });

  it('on a phone the nav folds into a menu that opens', async () => {
    const page = await open(`${home}architecture/`, { width: 390 });
    expect(await page.locator('.nav-side').isVisible()).toBe(false);
    const menu = page.locator('.nav-mobile');
    expect(await menu.isVisible()).toBe(true);
    expect(await menu.getByRole('link', { name: 'Runbook' }).isVisible()).toBe(false);
    await menu.locator('summary').click();
    expect(await menu.getByRole('link', { name: 'Runbook' }).isVisible()).toBe(true);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('nothing was refused by the policy or failed to load on any page', () => {
    expect(problems).toEqual([]);
  });
});
