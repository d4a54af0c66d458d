import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocsAccess } from '../../../src/http/auth/create-docs-access.ts';
import { issueSession, readSession, SESSION_SECONDS } from '../../../src/http/auth/slack-session.ts';
import type { HttpResponse } from '../../../src/http/http-types.ts';
import { createRouter } from '../../../src/http/router.ts';
import { httpRequest } from '../http-request.ts';
import { Browser, openRevokedSessions, signIn, startSignInWorld, TEAM_ID, USER, type SignInWorld } from './sign-in-harness.ts';

let world: SignInWorld;
let session: string;
const revocations = openRevokedSessions(':memory:');
afterAll(() => revocations.close());
beforeAll(async () => {
  world = await startSignInWorld();
  const browser = new Browser();
  await signIn(world, browser);
  session = browser.cookies.get('callboard_session')!.value;
});
afterAll(() => world.close());

/** The status of a gated page requested with this session cookie value (302 = sent to sign in). */
const statusWith = async (value: string): Promise<number> =>
  (await fetch(`${world.server.url}/docs`, { redirect: 'manual', headers: { accept: 'text/html', cookie: `callboard_session=${value}` } })).status;

const flipLast = (text: string): string => text.slice(0, -1) + (text.endsWith('A') ? 'B' : 'A');
const reencode = (data: Record<string, unknown>): string => Buffer.from(JSON.stringify(data)).toString('base64url');

describe('the session cookie', () => {
  it('is accepted as issued', async () => {
    expect(await statusWith(session)).toBe(200);
  });

  it('tampered, malformed or signed with another key: treated as signed out', async () => {
    const [payload, mac] = session.split('.') as [string, string];
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const otherKeyMac = createHmac('sha256', Buffer.alloc(32, 9)).update(`callboard session v2\n${payload}`).digest('base64url');
    const attempts = {
      'mac changed': `${payload}.${flipLast(mac)}`,
      'payload changed': `${flipLast(payload)}.${mac}`,
      'another user, old mac': `${reencode({ ...data, u: 'U0MALLORY' })}.${mac}`,
      'longer expiry, old mac': `${reencode({ ...data, exp: (data.exp as number) + 86_400 })}.${mac}`,
      'no mac': payload,
      'extra part': `${session}.x`,
      'not base64url': `${payload}!.${mac}`,
      empty: '',
      'another key': `${payload}.${otherKeyMac}`,
      'another session id, old mac': `${reencode({ ...data, s: 'someone-elses-session' })}.${mac}`,
      'mac of the sign-in cookie': `${payload}.${createHmac('sha256', Buffer.alloc(32, 7)).update(`callboard sign-in v1\n${payload}`).digest('base64url')}`,
    };
    for (const [name, value] of Object.entries(attempts)) expect(await statusWith(value), name).toBe(302);
  });

  it('from before sessions had ids (v1, which sign-out could not revoke): treated as signed out', async () => {
    const [payload] = session.split('.') as [string, string];
    const { s: _id, ...v1 } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const v1Payload = reencode(v1);
    const v1Mac = createHmac('sha256', Buffer.alloc(32, 7)).update(`callboard session v1\n${v1Payload}`).digest('base64url');
    expect(await statusWith(`${v1Payload}.${v1Mac}`)).toBe(302);
  });

  it('expires after 12 hours', async () => {
    const signedInAt = world.clock.now;
    try {
      world.clock.now = signedInAt + (SESSION_SECONDS - 60) * 1000;
      expect(await statusWith(session)).toBe(200);
      world.clock.now = signedInAt + (SESSION_SECONDS + 1) * 1000;
      expect(await statusWith(session)).toBe(302);
    } finally {
      world.clock.now = signedInAt;
    }
  });
});

describe('issueSession / readSession', () => {
  const settings = { key: Buffer.alloc(32, 1), teamId: TEAM_ID, secure: true, now: () => 1_800_000_000_000 };
  const cookieHeader = (setCookie: string) => ({ cookie: setCookie.split(';')[0]! });

  it('is Secure when the public URL is https, as is the sign-in cookie', async () => {
    expect(issueSession(settings, 'session-1', { id: USER.userId })).toMatch(/; Secure$/);
    const access = createDocsAccess(
      { http: { host: '0.0.0.0', publicUrl: 'https://docs.acme.example', auth: { slack: { clientId: '1.2', teamId: TEAM_ID } } } },
      { clientSecret: 's', sessionKey: Buffer.alloc(32), revocations: revocations.store },
    );
    const start = (await createRouter(access.routes).request(httpRequest('GET', '/auth/slack/start'))) as HttpResponse;
    expect(start.headers?.['set-cookie']).toMatch(/^callboard_signin=.*; Secure$/);
    expect(new URL(start.headers!.location!).searchParams.get('redirect_uri')).toBe('https://docs.acme.example/auth/slack/callback');
  });

  it('is Secure for a public URL written with an upper-case scheme (HTTPS://), which the config accepts', async () => {
    const access = createDocsAccess(
      { http: { host: '0.0.0.0', publicUrl: 'HTTPS://docs.acme.example', auth: { slack: { clientId: '1.2', teamId: TEAM_ID } } } },
      { clientSecret: 's', sessionKey: Buffer.alloc(32), revocations: revocations.store },
    );
    const start = (await createRouter(access.routes).request(httpRequest('GET', '/auth/slack/start'))) as HttpResponse;
    expect(start.headers?.['set-cookie']).toMatch(/^callboard_signin=.*; Secure$/);
  });

  it('is not accepted for another workspace (the configured team changed)', () => {
    const issued = issueSession(settings, 'session-1', { id: USER.userId, name: USER.name });
    expect(readSession(settings, cookieHeader(issued))).toEqual({
      id: 'session-1',
      expiresAt: settings.now() + SESSION_SECONDS * 1000,
      viewer: { id: USER.userId, name: USER.name, via: 'slack' },
    });
    expect(readSession({ ...settings, teamId: 'T0OTHER' }, cookieHeader(issued))).toBeUndefined();
  });

  it('reads the session among other cookies and ignores a missing one', () => {
    const issued = issueSession(settings, 'session-1', { id: USER.userId });
    expect(readSession(settings, { cookie: `theme=dark; ${cookieHeader(issued).cookie}; x=1` })?.viewer.id).toBe(USER.userId);
    expect(readSession(settings, { cookie: 'theme=dark' })).toBeUndefined();
    expect(readSession(settings, {})).toBeUndefined();
  });
});
