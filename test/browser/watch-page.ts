import type { Browser, BrowserContext, Page } from 'playwright-core';

/** What one page did in the browser that a docs page must never do. */
export interface PageReport {
  url: string;
  /** Calls to the `__xssHit` sentinel, plus `window.__xss` when a script set it. */
  hits: string[];
  dialogs: string[];
  /** Requests to any origin but the server's that the browser sent, `type url` (aborted before they leave the machine). */
  offsite: string[];
  /** Requests to other origins the page's policy refused before they were sent. */
  refused: string[];
  popups: string[];
  /** The main frame left the page (meta refresh, a form, script). */
  navigations: string[];
  /** Executable markup Chromium parsed out of the page (see DOM_FINDINGS). */
  markup: string[];
  /** Console messages of the page: CSP refusals show up here. */
  console: string[];
  /** The document's Content-Security-Policy header as served. */
  csp: string | undefined;
}

/**
 * A context for watched pages. `bypassCSP` switches the served Content-Security-Policy off, to see what the
 * sanitizer and the templates' escaping stop on their own.
 */
export const openWatchedContext = (browser: Browser, options: { bypassCSP: boolean }): Promise<BrowserContext> =>
  browser.newContext({ bypassCSP: options.bypassCSP });

// Page expressions as strings: the project compiles without the DOM library (tsconfig.json).
const READ_SENTINEL = 'window.__xss === undefined ? [] : [`window.__xss = ${String(window.__xss)}`]';

/**
 * Every inline handler a sanitizer let through fires on a synthetic event of its type (no real pointer needed);
 * click and submit are left out, since their default actions navigate.
 */
const FIRE_EVENTS = `(() => {
  const types = ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'mouseout', 'mouseleave', 'pointerover', 'pointerenter',
    'pointerdown', 'pointerup', 'focus', 'focusin', 'blur', 'focusout', 'error', 'load', 'toggle', 'start', 'finish', 'begin',
    'animationstart', 'animationend', 'transitionend', 'input', 'change', 'keydown', 'keyup', 'keypress', 'wheel', 'scroll', 'copy',
    'paste', 'cut', 'drag', 'dragstart', 'drop', 'contextmenu', 'dblclick', 'select', 'invalid', 'search', 'beforeinput', 'auxclick'];
  for (const element of document.querySelectorAll('*'))
    for (const type of types) element.dispatchEvent(new Event(type, { bubbles: false, cancelable: true }));
  for (const summary of document.querySelectorAll('summary')) summary.click();
})()`;

/**
 * Executable markup as Chromium parsed the page: dangerous elements anywhere (the layout's search form and
 * stylesheet aside), handler or style attributes, srcdoc, and URLs whose scheme is not http(s), mailto or tel
 * (a raster data: image and the layout's empty data: icon aside).
 */
const DOM_FINDINGS = `(() => {
  const found = [];
  const dangerous = 'script, iframe, frame, frameset, object, embed, applet, base, svg, math, template, style, portal, meta[http-equiv], ' +
    'link:not([rel="stylesheet"][href^="/docs/_static/"]):not([rel="icon"][href="data:,"]), form:not(.search-form), ' +
    'button[formaction], input[formaction], input[type="image"]';
  for (const element of document.querySelectorAll(dangerous)) found.push('<' + element.localName + '> ' + element.outerHTML.slice(0, 120));
  const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping', 'srcset', 'lowsrc', 'dynsrc'];
  for (const element of document.querySelectorAll('*')) {
    for (const { name, value } of element.attributes) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on') || lower === 'style' || lower === 'srcdoc') found.push(element.localName + '[' + lower + '=' + value.slice(0, 80) + ']');
      if (!urlAttributes.includes(lower)) continue;
      let scheme;
      try { scheme = new URL(value, document.baseURI).protocol; } catch { continue; }
      if (['http:', 'https:', 'mailto:', 'tel:'].includes(scheme)) continue;
      const rasterImage = element.localName === 'img' && lower === 'src' && /^data:image\\/(png|gif|jpe?g|webp)[;,]/i.test(value.trim());
      const layoutIcon = element.localName === 'link' && value === 'data:,';
      if (!rasterImage && !layoutIcon) found.push(element.localName + '[' + lower + '=' + value.slice(0, 80) + ']');
    }
  }
  if (document.baseURI !== location.href) found.push('base URI moved to ' + document.baseURI);
  return found;
})()`;

/** Records everything the page does on `report` from before its first byte. */
const watch = async (page: Page, origin: string, report: PageReport): Promise<void> => {
  await page.exposeBinding('__xssHit', (_source, what: unknown) => void report.hits.push(`__xssHit(${String(what)})`));
  page.on('dialog', (dialog) => {
    report.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  // A request the policy refuses never reaches the network (nor this route): Playwright reports it failed with `csp`.
  await page.route(
    (url) => url.origin !== origin,
    async (route) => {
      report.offsite.push(`${route.request().resourceType()} ${route.request().url()}`);
      await route.abort('blockedbyclient');
    },
  );
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText === 'csp' && new URL(request.url()).origin !== origin) report.refused.push(`${request.resourceType()} ${request.url()}`);
  });
  page.on('websocket', (socket) => void report.offsite.push(`websocket ${socket.url()}`));
  page.on('popup', (popup) => void report.popups.push(popup.url()));
  page.on('console', (message) => void report.console.push(`${message.type()}: ${message.text()}`));
  page.on('framenavigated', (frame) => void (frame === page.mainFrame() && frame.url() !== report.url && report.navigations.push(frame.url())));
};

/**
 * Opens `path` in a new page of `context`, fires every event type at every element, reads the sentinels and the
 * parsed markup, and closes the page. `prepare` may route or stub before the page loads.
 */
export const visitWatched = async (context: BrowserContext, origin: string, path: string, prepare?: (page: Page) => Promise<void>): Promise<PageReport> => {
  const report: PageReport = {
    url: new URL(path, origin).href,
    hits: [],
    dialogs: [],
    offsite: [],
    refused: [],
    popups: [],
    navigations: [],
    markup: [],
    console: [],
    csp: undefined,
  };
  const page = await context.newPage();
  try {
    await watch(page, origin, report);
    await prepare?.(page);
    const response = await page.goto(report.url, { waitUntil: 'load' });
    report.csp = response?.headers()['content-security-policy'];
    await page.evaluate(FIRE_EVENTS);
    // A meta refresh, a failed image's handler or a lazy fetch happens after load: let the network settle first.
    await page.waitForLoadState('networkidle');
    if (page.url() === report.url) {
      report.hits.push(...(await page.evaluate<string[]>(READ_SENTINEL)));
      report.markup.push(...(await page.evaluate<string[]>(DOM_FINDINGS)));
    }
  } finally {
    await page.close();
  }
  return report;
};

/** The parts of a report that break the guarantee, named by page; empty when the page was harmless. */
export const breaches = (report: PageReport, options: { allowOffsiteImages?: boolean } = {}): string[] => {
  const offsite = options.allowOffsiteImages ? report.offsite.filter((request) => !request.startsWith('image ')) : report.offsite;
  return [
    ...report.hits.map((hit) => `script ran: ${hit}`),
    ...report.dialogs.map((dialog) => `dialog: ${dialog}`),
    ...offsite.map((request) => `offsite request: ${request}`),
    ...report.popups.map((popup) => `popup: ${popup}`),
    ...report.navigations.map((url) => `navigated to ${url}`),
    ...report.markup.map((markup) => `markup: ${markup}`),
  ].map((breach) => `${new URL(report.url).pathname}${new URL(report.url).search}: ${breach}`);
};
