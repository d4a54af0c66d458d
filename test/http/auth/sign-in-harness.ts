import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createDocsAccess, type DocsAccessDeps } from '../../../src/http/auth/create-docs-access.ts';
import type { DocsAccess } from '../../../src/http/auth/docs-access.ts';
import { jsonResponse, type HttpRequest } from '../../../src/http/http-types.ts';
import { createRouter } from '../../../src/http/router.ts';
import { startHttpServer, type HttpServer } from '../../../src/http/server.ts';
import { openDatabase } from '../../../src/store/open-database.ts';
import { SqliteRevokedSessions } from '../../../src/store/sqlite-revoked-sessions.ts';
import { WriteQueue } from '../../../src/store/write-queue.ts';
import { SlackOidcServer, type SlackOidcUser } from '../../fakes/slack-oidc-server.ts';

export const CLIENT_ID = '1234567890.0987654321';
export const CLIENT_SECRET = 'fake-client-secret';
export const TEAM_ID = 'T0CALLBOARD';
export const USER: SlackOidcUser = { userId: 'U0ALICE', teamId: TEAM_ID, teamName: 'Acme', name: 'Alice Doe', email: 'alice@acme.example' };
/** Docs paths the gate must guard: a page, an asset and search (exact routes here; the docs helper mounts the real ones). */
export const PROTECTED = ['/docs', '/docs/default/component/checkout/', '/docs/default/component/checkout/img/arch.png', '/docs/search'];

/** A fresh database file in its own folder, as a restart test reopens it. */
export const tempDatabasePath = (): string => join(mkdtempSync(join(tmpdir(), 'callboard-sign-in-')), 'callboard.db');

/** The real revoked-sessions store on the database at `path`, with its own writer, reader and write queue, as a process has. */
export const openRevokedSessions = (path: string, now: () => number = Date.now) => {
  const writer = openDatabase(path).$client;
  const reader = path === ':memory:' ? writer : openDatabase(path, { migrate: false }).$client;
  const queue = new WriteQueue(writer);
  const store = new SqliteRevokedSessions({ queue, writer, reader, clock: { now: () => new Date(now()) } });
  return {
    store,
    queue,
    reader,
    close: () => {
      reader.close();
      if (reader !== writer) writer.close();
    },
  };
};

export interface SignInWorld {
  server: HttpServer;
  slack: SlackOidcServer;
  access: DocsAccess;
  /** The clock the gate reads, in milliseconds; tests move it. */
  clock: { now: number };
  /** Bodies the stand-in Slack events route received: it is mounted beside the gate, never behind it. */
  slackEvents: string[];
  /** The database file the world's revoked sessions are kept in: another world on it is a restarted process. */
  databasePath: string;
  close(): Promise<void>;
}

const protectedHandler = (access: DocsAccess) => async (request: HttpRequest) => {
  const gate = access.check(request);
  return 'viewer' in gate ? jsonResponse(200, { viewer: gate.viewer }) : gate.answer;
};

/**
 * A real Callboard HTTP server with the Sign in with Slack routes, a few gated docs routes and an ungated
 * `/slack/events`, against the strict Slack OIDC fake. http.publicUrl is the server's own address.
 */
export const startSignInWorld = async (
  options: { user?: SlackOidcUser; clientSecret?: string; databasePath?: string; deps?: Partial<DocsAccessDeps> } = {},
): Promise<SignInWorld> => {
  const router = createRouter();
  const server = await startHttpServer({ router, host: '127.0.0.1', port: 0, log: pino({ level: 'silent' }) });
  const slack = await SlackOidcServer.start({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUrls: [`${server.url}/auth/slack/callback`],
    user: options.user ?? USER,
  });
  const clock = { now: Date.now() };
  const databasePath = options.databasePath ?? tempDatabasePath();
  const database = openRevokedSessions(databasePath, () => clock.now);
  const access = createDocsAccess(
    { http: { host: '0.0.0.0', publicUrl: server.url, auth: { slack: { clientId: CLIENT_ID, teamId: TEAM_ID } } } },
    {
      clientSecret: options.clientSecret ?? CLIENT_SECRET,
      sessionKey: Buffer.alloc(32, 7),
      revocations: database.store,
      slackBaseUrl: slack.url,
      now: () => clock.now,
      ...options.deps,
    },
  );
  const slackEvents: string[] = [];
  for (const route of access.routes) router.mount(route);
  for (const path of PROTECTED) router.mount({ method: 'GET', path, handler: protectedHandler(access) });
  router.mount({ method: 'POST', path: '/slack/events', handler: async (request) => (slackEvents.push(request.body.toString()), jsonResponse(200, {})) });
  const close = async () => {
    await Promise.all([server.close(), slack.close()]);
    database.close();
  };
  return { server, slack, access, clock, slackEvents, databasePath, close };
};

interface StoredCookie {
  value: string;
  path: string;
}

/** A browser, as far as sign-in needs one: cookies by name and path, no redirects followed, asks for HTML. */
export class Browser {
  readonly cookies = new Map<string, StoredCookie>();

  async get(url: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.send('GET', url, headers);
  }

  /** An empty form post; `headers` say where it comes from as a browser would (Origin, Sec-Fetch-Site). */
  async post(url: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.send('POST', url, { 'content-type': 'application/x-www-form-urlencoded', ...headers });
  }

  private async send(method: string, url: string, headers: Record<string, string>): Promise<Response> {
    const path = new URL(url).pathname;
    const cookie = [...this.cookies].filter(([, stored]) => path.startsWith(stored.path)).map(([name, stored]) => `${name}=${stored.value}`);
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: { accept: 'text/html', ...(cookie.length ? { cookie: cookie.join('; ') } : {}), ...headers },
    });
    for (const line of response.headers.getSetCookie()) this.store(line);
    return response;
  }

  private store(line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const at = pair.indexOf('=');
    const name = pair.slice(0, at);
    const path = attributes.find((attribute) => attribute.startsWith('Path='))?.slice(5) ?? '/';
    if (attributes.includes('Max-Age=0')) this.cookies.delete(name);
    else this.cookies.set(name, { value: pair.slice(at + 1), path });
  }
}

/** Follows one redirect: a relative Location resolved against the URL that sent it. */
export const locationOf = (response: Response, from: string): string => new URL(response.headers.get('location') ?? '', from).href;

/**
 * Start → Slack's authorize → back at the callback: returns the callback's answer, and the URLs on the way so a
 * test can replay or alter them.
 */
export const signIn = async (world: SignInWorld, browser: Browser, returnPath = '/docs') => {
  const startUrl = `${world.server.url}/auth/slack/start?return=${encodeURIComponent(returnPath)}`;
  const toSlack = await browser.get(startUrl);
  const authorizeUrl = locationOf(toSlack, startUrl);
  const back = await browser.get(authorizeUrl);
  const callbackUrl = locationOf(back, authorizeUrl);
  const answer = await browser.get(callbackUrl);
  return { toSlack, authorizeUrl, back, callbackUrl, answer };
};
