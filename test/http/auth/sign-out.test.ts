import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_SECONDS } from '../../../src/http/auth/slack-session.ts';
import { Browser, openRevokedSessions, signIn, startSignInWorld, tempDatabasePath, type SignInWorld } from './sign-in-harness.ts';

let world: SignInWorld;
beforeAll(async () => {
  world = await startSignInWorld();
});
afterAll(() => world.close());

/** A signed-in browser and a copy of its session cookie, as someone who copied it would hold it. */
const signedIn = async (on: SignInWorld) => {
  const browser = new Browser();
  await signIn(on, browser);
  return { browser, copied: browser.cookies.get('callboard_session')!.value };
};

/** The status of a gated page requested with only this session cookie (302 = sent to sign in). */
const statusWith = async (on: SignInWorld, cookie: string): Promise<number> =>
  (await fetch(`${on.server.url}/docs`, { redirect: 'manual', headers: { accept: 'text/html', cookie: `callboard_session=${cookie}` } })).status;

/** The sign-out button pressed on the sign-out page: a same-origin form post. */
const signOut = (on: SignInWorld, browser: Browser) =>
  browser.post(`${on.server.url}/auth/sign-out`, { origin: new URL(on.server.url).origin, 'sec-fetch-site': 'same-origin' });

describe('sign-out, through real HTTP against the Slack OIDC fake', () => {
  it('clears the cookie and revokes the session: a copy of the cookie is sent to sign in from the next request', async () => {
    const { browser, copied } = await signedIn(world);
    expect(await statusWith(world, copied)).toBe(200);

    const out = await signOut(world, browser);
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie()[0]).toMatch(/^callboard_session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax$/);
    expect((await browser.get(`${world.server.url}/docs`)).status).toBe(302);

    const copy = await fetch(`${world.server.url}/docs/default/component/checkout/`, {
      redirect: 'manual',
      headers: { accept: 'text/html', cookie: `callboard_session=${copied}` },
    });
    expect(copy.status).toBe(302);
    expect(copy.headers.get('location')).toBe(`/auth/slack/start?return=${encodeURIComponent('/docs/default/component/checkout/')}`);
    // Not a browser: told to sign in, as with no cookie at all.
    const api = await fetch(`${world.server.url}/docs/search`, { redirect: 'manual', headers: { cookie: `callboard_session=${copied}` } });
    expect(api.status).toBe(401);
  });

  it('revokes only the session signed out: the same person signed in elsewhere stays signed in', async () => {
    const laptop = await signedIn(world);
    const phone = await signedIn(world);
    expect(laptop.copied).not.toBe(phone.copied);
    expect((await signOut(world, laptop.browser)).status).toBe(200);
    expect(await statusWith(world, laptop.copied)).toBe(302);
    expect(await statusWith(world, phone.copied)).toBe(200);
  });

  it('works for a client that names no origin (curl with the cookie), and without a session just clears the cookie', async () => {
    const { copied } = await signedIn(world);
    const out = await fetch(`${world.server.url}/auth/sign-out`, { method: 'POST', headers: { cookie: `callboard_session=${copied}` } });
    expect(out.status).toBe(200);
    expect(await statusWith(world, copied)).toBe(302);

    const anonymous = await fetch(`${world.server.url}/auth/sign-out`, { method: 'POST' });
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.getSetCookie()[0]).toMatch(/^callboard_session=; /);
  });

  it('keeps refusing the copy until the session would have expired anyway', async () => {
    const { browser, copied } = await signedIn(world);
    const signedInAt = world.clock.now;
    expect((await signOut(world, browser)).status).toBe(200);
    try {
      world.clock.now = signedInAt + (SESSION_SECONDS - 60) * 1000;
      expect(await statusWith(world, copied)).toBe(302);
    } finally {
      world.clock.now = signedInAt;
    }
  });
});

describe('sign-out cannot be set off by another site or a followed link', () => {
  it('GET (a link, a prefetch, a redirect from elsewhere) only shows the sign-out button: nothing is revoked or cleared', async () => {
    const { browser, copied } = await signedIn(world);
    for (const method of ['GET', 'HEAD']) {
      const page = await fetch(`${world.server.url}/auth/sign-out`, {
        method,
        redirect: 'manual',
        headers: { accept: 'text/html', cookie: `callboard_session=${copied}`, 'sec-fetch-site': 'cross-site' },
      });
      expect(page.status, method).toBe(200);
      expect(page.headers.getSetCookie(), method).toEqual([]);
      expect(page.headers.get('cache-control'), method).toBe('no-store');
      if (method === 'GET') expect(await page.text()).toContain('<form method="post" action="/auth/sign-out"><button type="submit">Sign out</button></form>');
    }
    expect(await statusWith(world, copied)).toBe(200);
    expect(browser.cookies.get('callboard_session')?.value).toBe(copied);
  });

  it("the sign-out page lets the browser name its origin on the button's post (no-referrer would send Origin: null)", async () => {
    const page = await fetch(`${world.server.url}/auth/sign-out`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
  });

  it.each([
    ['a cross-site form (Sec-Fetch-Site)', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
    ['a sibling subdomain (same-site, not same-origin)', { origin: 'https://wiki.acme.example', 'sec-fetch-site': 'same-site' }],
    ['another origin, from a browser without Sec-Fetch-Site', { origin: 'https://evil.example' }],
    ['an opaque origin (sandboxed frame, data: URL)', { origin: 'null' }],
  ])('a POST from %s is refused: nothing revoked, the cookie kept', async (_, headers) => {
    const { browser, copied } = await signedIn(world);
    const out = await browser.post(`${world.server.url}/auth/sign-out`, headers);
    expect(out.status).toBe(403);
    expect(out.headers.getSetCookie()).toEqual([]);
    expect(await out.text()).toContain('another site');
    expect(await statusWith(world, copied)).toBe(200);
    expect(browser.cookies.get('callboard_session')?.value).toBe(copied);
  });
});

describe('sign-out across a restart', () => {
  it('a restarted process on the same database still refuses the copied cookie, and accepts a session never signed out', async () => {
    const before = await startSignInWorld();
    const { browser, copied } = await signedIn(before);
    const kept = await signedIn(before);
    expect((await signOut(before, browser)).status).toBe(200);
    await before.close();

    const after = await startSignInWorld({ databasePath: before.databasePath });
    try {
      expect(await statusWith(after, kept.copied)).toBe(200);
      expect(await statusWith(after, copied)).toBe(302);
    } finally {
      await after.close();
    }
  });
});

describe('sign-out when the revocation cannot be recorded', () => {
  it('answers 503, keeps the cookie so signing out again can retry, and says why', async () => {
    let failing = true;
    const databasePath = tempDatabasePath();
    const real = openRevokedSessions(databasePath);
    const revocations = {
      isRevoked: (id: string) => real.store.isRevoked(id),
      revoke: (id: string, expiresAt: number) => (failing ? Promise.reject(new Error('disk I/O error')) : real.store.revoke(id, expiresAt)),
    };
    const shaky = await startSignInWorld({ databasePath, deps: { revocations } });
    try {
      const { browser, copied } = await signedIn(shaky);
      const out = await signOut(shaky, browser);
      expect(out.status).toBe(503);
      expect(await out.text()).toContain('disk I/O error');
      expect(browser.cookies.get('callboard_session')?.value).toBe(copied);

      failing = false;
      expect((await signOut(shaky, browser)).status).toBe(200);
      expect(await statusWith(shaky, copied)).toBe(302);
    } finally {
      await shaky.close();
      real.close();
    }
  });
});

describe('sign-out while the database is busy with another write (a sync pass)', () => {
  it('answers after a short wait that the record is still queued, keeps the cookie, and refuses the copy here at once', async () => {
    const databasePath = tempDatabasePath();
    const real = openRevokedSessions(databasePath);
    const busy = await startSignInWorld({ databasePath, deps: { revocations: real.store, signOutWaitMs: 20 } });
    let release = () => {};
    const blocker = new Promise<void>((resolve) => (release = resolve));
    const syncPass = real.queue.run(() => blocker);
    try {
      const { browser, copied } = await signedIn(busy);
      const out = await signOut(busy, browser);
      expect(out.status).toBe(503);
      expect(await out.text()).toContain('queued');
      expect(out.headers.getSetCookie()).toEqual([]);
      expect(await statusWith(busy, copied)).toBe(302);

      release();
      await syncPass;
      const again = await signOut(busy, browser);
      expect(again.status).toBe(200);
      expect(browser.cookies.has('callboard_session')).toBe(false);
      expect(await statusWith(busy, copied)).toBe(302);
    } finally {
      release();
      await busy.close();
      real.close();
    }
  });
});
