import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpServer } from '../../../src/http/server.ts';
import { fakeAccess, rawRequest, startDocsServer } from './docs-test-site.ts';

let server: HttpServer;
const gate = fakeAccess(false);
beforeAll(async () => {
  server = await startDocsServer(gate.access);
});
afterAll(() => server.close());

describe('the sign-in gate', () => {
  it.each([
    ['the index', '/docs'],
    ['a page', '/docs/default/component/checkout/'],
    ['a redirect', '/docs/default/component/checkout'],
    ['an asset', '/docs/default/component/checkout/images/flow.png'],
    ['search', '/docs/search?q=rollback'],
    ['search as JSON', '/docs/search?q=rollback'],
    ['the stylesheet', '/docs/_static/docs.css'],
    ['a missing page', '/docs/default/component/nobody/'],
    ['a traversal', '/docs/default/component/checkout/guides/../'],
  ])('refuses %s with its own answer, before anything is served', async (_name, path) => {
    const before = gate.checked.length;
    const { status, headers, text } = await rawRequest(server, path, { headers: { accept: 'application/json' } });
    expect(status).toBe(401);
    expect(text).toBe('Sign in first');
    expect(headers['x-gate']).toBe('refused');
    expect(headers['content-security-policy']).toContain("default-src 'none'");
    expect(gate.checked.length).toBe(before + 1);
    expect(gate.checked.at(-1)!.path).toBe(new URL(path, 'http://x').pathname);
  });

  it("mounts the gate's sign-in routes, and leaves /healthz outside it", async () => {
    expect(await rawRequest(server, '/auth/test-sign-in')).toMatchObject({ status: 200, text: 'sign-in page' });
    const before = gate.checked.length;
    expect((await rawRequest(server, '/healthz')).status).toBe(200);
    expect(gate.checked.length).toBe(before);
  });

  it('lets a signed-in reader through', async () => {
    const open = await startDocsServer(fakeAccess(true).access);
    const statuses = await Promise.all(
      ['/docs', '/docs/default/component/checkout/', '/docs/search?q=x', '/docs/_static/docs.css'].map((path) => rawRequest(open, path)),
    );
    await open.close();
    expect(statuses.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
  });
});
