import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocsAccess } from '../../../src/http/auth/create-docs-access.ts';
import type { DocsAccess } from '../../../src/http/auth/docs-access.ts';
import { jsonResponse, type HttpRequest } from '../../../src/http/http-types.ts';
import { createRouter } from '../../../src/http/router.ts';
import { startHttpServer, type HttpServer } from '../../../src/http/server.ts';
import { httpRequest } from '../http-request.ts';

const trusted = (proxies: string[]) => createDocsAccess({ http: { host: '0.0.0.0', auth: { trustedHeader: { name: 'X-Forwarded-User', proxies } } } });
const from = (remoteAddress: string, headers: Record<string, string> = {}): HttpRequest => ({ ...httpRequest('GET', '/docs', { headers }), remoteAddress });

describe('trusted header', () => {
  const access = trusted(['10.0.0.0/8', 'fd00::/8']);

  it.each(['10.1.2.3', '::ffff:10.1.2.3', 'fd00::7'])('takes the viewer from the header when the peer %s is a proxy', (address) => {
    expect(access.check(from(address, { 'X-Forwarded-User': ' alice@acme.example ' }))).toEqual({
      viewer: { id: 'alice@acme.example', via: 'trusted-header' },
    });
  });

  it.each(['192.168.1.5', '::ffff:192.168.1.5', 'fe80::1', '2001:db8::1', ''])('ignores the header from %j and refuses with 403', (address) => {
    const gate = access.check(from(address, { 'X-Forwarded-User': 'alice@acme.example' }));
    expect(gate).toEqual({ answer: expect.objectContaining({ status: 403 }) });
    const body = (gate as unknown as { answer: { body: { error: string } } }).answer.body;
    expect(body.error).toContain('http.auth.trustedHeader.proxies');
  });

  it('a proxy request without the header (or an empty one) is 401 saying the proxy must sign in', () => {
    for (const headers of [{}, { 'X-Forwarded-User': '   ' }] as Record<string, string>[]) {
      const gate = access.check(from('10.0.0.1', headers));
      expect(gate).toEqual({ answer: expect.objectContaining({ status: 401 }) });
      expect(JSON.stringify(gate)).toContain('proxy must sign you in and set the X-Forwarded-User header');
    }
  });

  it('answers a browser with a page rather than JSON, and mounts no routes', () => {
    const gate = access.check(from('192.168.1.5', { accept: 'text/html' }));
    expect((gate as { answer: { headers: Record<string, string> } }).answer.headers['content-type']).toContain('text/html');
    expect(access.routes).toEqual([]);
  });
});

describe('trusted header over real HTTP', () => {
  let server: HttpServer;
  const gated = (access: DocsAccess) => async (request: HttpRequest) => {
    const gate = access.check(request);
    return 'viewer' in gate ? jsonResponse(200, { viewer: gate.viewer }) : gate.answer;
  };
  beforeAll(async () => {
    const router = createRouter([
      { method: 'GET', path: '/docs', handler: gated(trusted(['127.0.0.0/8'])) },
      { method: 'GET', path: '/docs/search', handler: gated(trusted(['10.0.0.0/8'])) },
    ]);
    server = await startHttpServer({ router, host: '127.0.0.1', port: 0, log: pino({ level: 'silent' }) });
  });
  afterAll(() => server.close());

  it('believes the header from the proxy range the connection comes from, and from nowhere else', async () => {
    const headers = { 'x-forwarded-user': 'alice' };
    const inside = await fetch(`${server.url}/docs`, { headers });
    expect(await inside.json()).toEqual({ viewer: { id: 'alice', via: 'trusted-header' } });
    const outside = await fetch(`${server.url}/docs/search`, { headers });
    expect(outside.status).toBe(403);
  });
});
