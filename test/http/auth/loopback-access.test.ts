import { afterAll, describe, expect, it } from 'vitest';
import { createDocsAccess } from '../../../src/http/auth/create-docs-access.ts';
import type { HttpRequest } from '../../../src/http/http-types.ts';
import { httpRequest } from '../http-request.ts';
import { openRevokedSessions } from './sign-in-harness.ts';

const request = (remoteAddress: string): HttpRequest => ({ ...httpRequest('GET', '/docs', { headers: { accept: 'text/html' } }), remoteAddress });

const revocations = openRevokedSessions(':memory:');
afterAll(() => revocations.close());

describe('a loopback-only server', () => {
  it.each(['127.0.0.1', '::1', 'localhost'])('lets everyone in as local on %s, with no sign-in routes', (host) => {
    const access = createDocsAccess({ http: { host } });
    expect(access.check(request('127.0.0.1'))).toEqual({ viewer: { id: 'local', via: 'loopback' } });
    expect(access.routes).toEqual([]);
  });

  it('still applies a configured sign-in: a local reverse proxy may expose it', () => {
    const access = createDocsAccess({ http: { host: '127.0.0.1', auth: { trustedHeader: { name: 'X-User', proxies: ['10.0.0.0/8'] } } } });
    expect(access.check(request('127.0.0.1'))).toEqual({ answer: expect.objectContaining({ status: 403 }) });
    const slack = createDocsAccess(
      { http: { host: '127.0.0.1', publicUrl: 'https://docs.acme.example', auth: { slack: { clientId: '1.2', teamId: 'T0ACME' } } } },
      { clientSecret: 's', sessionKey: Buffer.alloc(32), revocations: revocations.store },
    );
    expect(slack.check(request('127.0.0.1'))).toEqual({ answer: expect.objectContaining({ status: 302 }) });
  });
});
