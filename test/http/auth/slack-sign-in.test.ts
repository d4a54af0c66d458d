import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Browser, CLIENT_ID, CLIENT_SECRET, locationOf, PROTECTED, signIn, startSignInWorld, TEAM_ID, USER, type SignInWorld } from './sign-in-harness.ts';

let world: SignInWorld;
beforeAll(async () => {
  world = await startSignInWorld();
});
afterAll(() => world.close());
beforeEach(() => {
  world.slack.tampering = {};
  world.clock.now = Date.now();
});

const url = (path: string) => `${world.server.url}${path}`;

describe('Sign in with Slack, through real HTTP against the Slack OIDC fake', () => {
  it('start → Slack → callback → cookie → the page asked for', async () => {
    const browser = new Browser();
    const refused = await browser.get(url('/docs/default/component/checkout/?q=retry'));
    expect(refused.status).toBe(302);
    const start = locationOf(refused, url('/'));
    expect(start).toBe(url(`/auth/slack/start?return=${encodeURIComponent('/docs/default/component/checkout/?q=retry')}`));

    const toSlack = await browser.get(start);
    expect(toSlack.status).toBe(302);
    const authorize = new URL(locationOf(toSlack, start));
    expect(authorize.origin + authorize.pathname).toBe(`${world.slack.url}/openid/connect/authorize`);
    const params = Object.fromEntries(authorize.searchParams);
    expect(params).toMatchObject({
      response_type: 'code',
      scope: 'openid profile email',
      client_id: CLIENT_ID,
      redirect_uri: url('/auth/slack/callback'),
      team: TEAM_ID,
    });
    expect(params.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.state).not.toBe(params.nonce);
    const pending = toSlack.headers.getSetCookie()[0]!;
    expect(pending).toMatch(/^callboard_signin=[^;]+; Path=\/auth\/slack\/callback; Max-Age=600; HttpOnly; SameSite=Lax$/);

    const back = await browser.get(authorize.href);
    const callback = locationOf(back, authorize.href);
    const answer = await browser.get(callback);
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/docs/default/component/checkout/?q=retry');
    const session = answer.headers.getSetCookie()[0]!;
    expect(session).toMatch(/^callboard_session=[^;]+; Path=\/; Max-Age=43200; HttpOnly; SameSite=Lax$/);

    const page = await browser.get(url('/docs/default/component/checkout/'));
    expect(page.status).toBe(200);
    expect(await page.json()).toEqual({ viewer: { id: USER.userId, name: USER.name, via: 'slack' } });
  });

  it('exchanges the code as a form with the client id, secret, code and the same redirect_uri', async () => {
    await signIn(world, new Browser());
    const token = world.slack.requests.filter((request) => request.path === '/api/openid.connect.token').at(-1)!;
    expect(token.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.keys(token.form!).sort()).toEqual(['client_id', 'client_secret', 'code', 'redirect_uri']);
    expect(token.form).toMatchObject({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uri: url('/auth/slack/callback') });
  });

  it('every docs route refuses a request without a session: pages and assets redirect a browser, anything else gets 401 JSON', async () => {
    for (const path of PROTECTED) {
      const page = await fetch(url(path), { redirect: 'manual', headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(page.status, path).toBe(302);
      expect(page.headers.get('location')).toBe(`/auth/slack/start?return=${encodeURIComponent(path)}`);
      const api = await fetch(url(path), { redirect: 'manual' });
      expect(api.status, path).toBe(401);
      expect(((await api.json()) as { error: string }).error).toContain('/auth/slack/start');
    }
  });

  it('refuses an answer whose state is not the one this browser sent, and a callback with no sign-in started', async () => {
    const browser = new Browser();
    const start = url('/auth/slack/start?return=%2Fdocs');
    const authorize = locationOf(await browser.get(start), start);
    const callback = new URL(locationOf(await browser.get(authorize), authorize));
    callback.searchParams.set('state', 'A'.repeat(43));
    const mismatch = await browser.get(callback.href);
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('state mismatch');
    expect(mismatch.headers.getSetCookie().some((line) => line.startsWith('callboard_session='))).toBe(false);

    const stranger = await new Browser().get(callback.href);
    expect(stranger.status).toBe(400);
    expect(await stranger.text()).toContain('not started in this browser');
  });

  it('refuses a state of the right length in characters but not in bytes (é) as a mismatch, not a 500', async () => {
    const browser = new Browser();
    const start = url('/auth/slack/start?return=%2Fdocs');
    const authorize = locationOf(await browser.get(start), start);
    const callback = new URL(locationOf(await browser.get(authorize), authorize));
    callback.searchParams.set('state', `é${'A'.repeat(42)}`);
    const mismatch = await browser.get(callback.href);
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('state mismatch');
  });

  it('accepts an answer once: replaying the callback is refused', async () => {
    const browser = new Browser();
    const { callbackUrl, answer } = await signIn(world, browser);
    expect(answer.status).toBe(302);
    // The pending cookie outlives the answer (one Set-Cookie per response), so the same browser can try again.
    expect(browser.cookies.has('callboard_signin')).toBe(true);
    const replay = await browser.get(callbackUrl);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('already used');
  });

  it("refuses an id_token whose nonce is not this sign-in's", async () => {
    world.slack.tampering = { claims: { nonce: 'someone-elses-nonce' } };
    const { answer } = await signIn(world, new Browser());
    expect(answer.status).toBe(401);
    expect(await answer.text()).toContain('nonce mismatch');
  });

  it('refuses an id_token for another app (audience), from another issuer, or expired', async () => {
    for (const claims of [{ aud: 'another-app' }, { iss: 'https://evil.example' }, { exp: Math.floor(Date.now() / 1000) - 600 }]) {
      world.slack.tampering = { claims };
      const browser = new Browser();
      const { answer } = await signIn(world, browser);
      expect(answer.status, JSON.stringify(claims)).toBe(401);
      expect(await answer.text()).toContain('could not be verified');
      expect(browser.cookies.has('callboard_session')).toBe(false);
    }
  });

  it("refuses an id_token signed with a key that is not in Slack's JWKS", async () => {
    for (const signWith of ['foreign-key-same-kid', 'foreign-key-unknown-kid'] as const) {
      world.slack.tampering = { signWith };
      const browser = new Browser();
      const { answer } = await signIn(world, browser);
      expect(answer.status, signWith).toBe(401);
      expect(browser.cookies.has('callboard_session')).toBe(false);
    }
  });

  it('refuses an unsigned id_token (alg none) and one signed HS256 with the public key (algorithm confusion)', async () => {
    for (const alg of ['none', 'HS256-public-key'] as const) {
      world.slack.tampering = { alg };
      const browser = new Browser();
      const { answer } = await signIn(world, browser);
      expect(answer.status, alg).toBe(401);
      expect(await answer.text()).toContain('could not be verified');
      expect(browser.cookies.has('callboard_session')).toBe(false);
    }
  });

  it('refuses an id_token without a workspace claim, rather than skipping the workspace check', async () => {
    world.slack.tampering = { claims: { 'https://slack.com/team_id': undefined } };
    const browser = new Browser();
    const { answer } = await signIn(world, browser);
    expect(answer.status).toBe(401);
    expect(await answer.text()).toContain('lacks a user, a team or a nonce');
    expect(browser.cookies.has('callboard_session')).toBe(false);
  });

  it('never sends the person elsewhere after sign-in: other origins and protocol-relative paths become /docs', async () => {
    for (const attempt of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/%5Cevil', 'javascript:alert(1)']) {
      const { answer } = await signIn(world, new Browser(), attempt);
      const location = answer.headers.get('location')!;
      expect(new URL(location, url('/')).origin, attempt).toBe(world.server.url);
      if (attempt !== '/%5Cevil') expect(location).toBe('/docs');
    }
    const { answer } = await signIn(world, new Browser(), '/docs/default/api/orders/#errors');
    expect(answer.headers.get('location')).toBe('/docs/default/api/orders/#errors');
  });

  it('the Slack events endpoint is not behind the gate: no cookie needed, no sign-in route on its path', async () => {
    const response = await fetch(url('/slack/events'), { method: 'POST', body: '{"type":"url_verification"}' });
    expect(response.status).toBe(200);
    expect(world.slackEvents).toContain('{"type":"url_verification"}');
    expect(world.access.routes.map((route) => route.path).every((path) => path.startsWith('/auth/'))).toBe(true);
  });
});

describe('Sign in with Slack: refusals that need another world', () => {
  it('refuses a person signed in to another workspace, with a page saying which', async () => {
    const other = await startSignInWorld({ user: { ...USER, teamId: 'T0ELSEWHERE', teamName: 'Elsewhere Inc' } });
    try {
      const browser = new Browser();
      const { answer } = await signIn(other, browser);
      expect(answer.status).toBe(403);
      expect(answer.headers.get('content-type')).toContain('text/html');
      const page = await answer.text();
      expect(page).toContain('Wrong Slack workspace');
      expect(page).toContain('T0ELSEWHERE');
      expect(page).toContain(TEAM_ID);
      expect(browser.cookies.has('callboard_session')).toBe(false);
    } finally {
      await other.close();
    }
  });

  it('says so when Slack refuses the code exchange (a wrong client secret)', async () => {
    const wrong = await startSignInWorld({ clientSecret: 'not-the-secret' });
    try {
      const { answer } = await signIn(wrong, new Browser());
      expect(answer.status).toBe(502);
      expect(await answer.text()).toContain('bad_client_secret');
    } finally {
      await wrong.close();
    }
  });
});
