import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpServer } from '../../../src/http/server.ts';
import { fakeAccess, rawRequest, startDocsServer } from './docs-test-site.ts';

let server: HttpServer;
beforeAll(async () => {
  server = await startDocsServer(fakeAccess(true).access);
});
afterAll(() => server.close());

const everyKindOfAnswer = [
  '/docs',
  '/docs/',
  '/docs/search?q=rollback',
  '/docs/_static/docs.css',
  '/docs/default/component/checkout',
  '/docs/default/component/checkout/',
  '/docs/default/component/checkout/guides/setup/',
  '/docs/default/component/checkout/images/flow.png',
  '/docs/default/component/checkout/images/logo.svg',
  '/docs/default/component/checkout/missing/',
  '/docs/default/component/nobody/',
  '/docs/default/component/checkout/guides/../',
];

describe('security headers', () => {
  it.each(everyKindOfAnswer)('%s carries a CSP that allows no inline script, nosniff and same-origin referrers', async (path) => {
    for (const method of ['GET', 'HEAD']) {
      const { headers } = await rawRequest(server, path, { method });
      const csp = String(headers['content-security-policy']);
      expect(csp).toMatch(/^default-src 'none'/);
      expect(csp).not.toContain('unsafe-eval');
      expect(csp.match(/script-src [^;]*/)?.[0] ?? "default-src 'none' covers script").not.toContain('unsafe-inline');
      expect(csp).toMatch(/frame-ancestors 'none'|sandbox/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('same-origin');
    }
  });

  it('pages use the page policy: styles from the site only, no scripts at all, forms only to the site', async () => {
    const { headers } = await rawRequest(server, '/docs/default/component/checkout/');
    expect(headers['content-security-policy']).toBe(
      "default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
  });

  it('the pages themselves hold no script, no inline style and no event handler', async () => {
    for (const path of ['/docs', '/docs/default/component/checkout/', '/docs/search?q=rollback', '/docs/default/component/nobody/']) {
      const { text } = await rawRequest(server, path);
      expect(text).not.toMatch(/<script|<style|\sstyle=|\son\w+=/i);
    }
  });
});
