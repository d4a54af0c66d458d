import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpServer } from '../../../src/http/server.ts';
import { fakeAccess, rawRequest, startDocsServer } from './docs-test-site.ts';

let server: HttpServer;
beforeAll(async () => {
  server = await startDocsServer(fakeAccess(true).access);
});
afterAll(() => server.close());

// Each of these, resolved the way a URL parser resolves it, names a page or file that exists: served, they would
// prove the path was followed. Every one must be refused with the docs 404 before anything is looked up.
const refused = [
  ['dot-dot', '/docs/default/component/checkout/guides/../'],
  ['dot-dot to a file', '/docs/default/component/checkout/images/../images/flow.png'],
  ['dot', '/docs/default/component/checkout/./'],
  ['encoded dot-dot', '/docs/default/component/checkout/guides/%2e%2e/'],
  ['encoded dot-dot, upper case', '/docs/default/component/checkout/guides/%2E%2E/'],
  ['half-encoded dot-dot', '/docs/default/component/checkout/guides/.%2e/'],
  ['encoded dot', '/docs/default/component/checkout/%2e/'],
  ['double-encoded dot-dot', '/docs/default/component/checkout/guides/%252e%252e/'],
  ['double-encoded slash', '/docs/default/component/checkout/images%252fflow.png'],
  ['backslashes', '/docs/default/component/checkout/guides\\..\\'],
  ['backslash as separator', '/docs\\default\\component\\checkout\\'],
  ['encoded backslashes', '/docs/default/component/checkout/guides%5c..%5c'],
  ['encoded backslash, upper case', '/docs/default/component/checkout/images%5Cflow.png'],
  ['encoded slash', '/docs/default/component/checkout/images%2fflow.png'],
  ['encoded dot-dot-slash', '/docs/default/component/checkout/guides/..%2f'],
  ['encoded NUL', '/docs/default/component/checkout/images/flow.png%00'],
  ['encoded NUL before an extension', '/docs/default/component/checkout/images/flow.png%00.html'],
  ['empty segment (absolute path)', '/docs/default/component/checkout//images/flow.png'],
  ['encoded absolute path', '/docs/default/component/checkout/%2fimages/flow.png'],
  ['drive letter', '/docs/default/component/checkout/C:/images/flow.png'],
  ['dot-dot in the entity part', '/docs/default/component/x/../checkout/'],
  ['dot-dot before the entity', '/docs/../docs/default/component/checkout/'],
  ['through _static', '/docs/_static/../default/component/checkout/'],
  ['dot-dot in the stylesheet path', '/docs/_static/x/../docs.css'],
  ['invalid percent-encoding', '/docs/default/component/checkout/%E0%A4%A/'],
] as const;

describe('path traversal', () => {
  it.each(refused)('%s: %s is a 404 page', async (_name, path) => {
    const { status, headers, text } = await rawRequest(server, path);
    expect(status).toBe(404);
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    expect(headers['content-security-policy']).toContain("script-src 'none'");
    expect(text).toContain('<h1>No docs page here</h1>');
    expect(text).not.toContain('Home page body.');
  });

  it('the same addresses without the traversal are served, so the refusals above are not for another reason', async () => {
    for (const path of ['/docs/default/component/checkout/', '/docs/default/component/checkout/images/flow.png', '/docs/_static/docs.css'])
      expect((await rawRequest(server, path)).status).toBe(200);
  });

  it('dot-dots climbing out of /docs reach nothing of the docs site', async () => {
    for (const path of [
      '/docs/default/component/checkout/../../../../../etc/passwd',
      '/docs/..%2f..%2f..%2fetc/passwd',
      '/docs/%2e%2e/%2e%2e/etc/passwd',
      '/docs/%2e%2e/default/component/checkout/',
    ]) {
      const { status, text } = await rawRequest(server, path);
      expect(status, path).toBe(404);
      expect(text).not.toContain('root:');
      expect(text).not.toContain('Home page body.');
    }
  });

  it('a raw NUL byte in the request line is refused by the server', async () => {
    const { connect } = await import('node:net');
    const statusLine = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.write('GET /docs/default/component/checkout/\u0000/ HTTP/1.1\r\nHost: x\r\n\r\n'));
      socket.once('data', (chunk) => (resolve(chunk.toString().split('\r\n')[0]!), socket.destroy()));
      socket.on('error', reject);
    });
    expect(statusLine).toMatch(/^HTTP\/1\.1 4\d\d/);
  });
});
