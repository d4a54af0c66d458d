import { randomBytes, timingSafeEqual } from 'node:crypto';
import { DOCS_ROOT } from '../../core/docs/docs-url.ts';
import type { HttpRequest, HttpResponse, Route } from '../http-types.ts';
import { authPage, NO_STORE } from './auth-pages.ts';
import { CALLBACK_PATH, clearPending, issuePending, readPending, type PendingSettings } from './pending-sign-in.ts';
import { safeReturnPath } from './safe-return-path.ts';
import type { SessionRevocations } from './session-revocations.ts';
import type { SlackIdentity, SlackOidcClient } from './slack-oidc-client.ts';
import { clearSession, issueSession, readSession, type SessionSettings, type SignedInSession } from './slack-session.ts';

export const START_PATH = '/auth/slack/start';
export const SIGN_OUT_PATH = '/auth/sign-out';

export interface SignInRouteOptions {
  client: SlackOidcClient;
  clientId: string;
  teamId: string;
  /** `<http.publicUrl>/auth/slack/callback`: sent to Slack and compared by it with the app's redirect_urls. */
  redirectUri: string;
  session: SessionSettings & PendingSettings;
  /** Where sign-out records the session it ends, and the gate looks. */
  revocations: SessionRevocations;
  /** State, nonce and session id values; default 32 random bytes each. */
  randomToken?: () => string;
  log?: { warn: (details: object, message: string) => void };
  /** How long sign-out waits for its record behind other writes (a sync pass) before saying it is queued; default 5 s. */
  signOutWaitMs?: number;
}

const SIGN_OUT_WAIT_MS = 5_000;

export const startLink = (returnPath: string): string => `${START_PATH}?return=${encodeURIComponent(returnPath)}`;

const tryAgain = { href: startLink(DOCS_ROOT), text: 'Sign in with Slack again' };
const redirect = (location: string, cookie: string): HttpResponse => ({ status: 302, headers: { location, 'set-cookie': cookie, ...NO_STORE }, body: '' });
// Lengths compared in bytes: timingSafeEqual throws on buffers of different sizes, and `é` is one character but two bytes.
const sameToken = (a: string, b: string): boolean => {
  const [left, right] = [Buffer.from(a), Buffer.from(b)];
  return left.length === right.length && timingSafeEqual(left, right);
};

const newToken = (options: SignInRouteOptions): string => (options.randomToken ? options.randomToken() : randomBytes(32).toString('base64url'));

/** Sends the browser to Slack's authorize endpoint, remembering state, nonce and the return path in a signed cookie. */
const start =
  (options: SignInRouteOptions) =>
  async (request: HttpRequest): Promise<HttpResponse> => {
    const token = () => newToken(options);
    const pending = { state: token(), nonce: token(), returnPath: safeReturnPath(request.query.get('return')) };
    const authorize = new URL(options.client.authorizeUrl);
    const params = { response_type: 'code', scope: 'openid profile email', client_id: options.clientId, redirect_uri: options.redirectUri };
    for (const [name, value] of Object.entries({ ...params, state: pending.state, nonce: pending.nonce, team: options.teamId }))
      authorize.searchParams.set(name, value);
    return redirect(authorize.href, issuePending(options.session, pending));
  };

/** Each state is accepted once, even though the pending cookie outlives a successful callback (one Set-Cookie per answer). */
const createUsedStates = (now: () => number) => {
  const used = new Map<string, number>();
  return (state: string, expires: number): boolean => {
    // Entries arrive in about the order they expire: stop at the first live one, so a flood of callbacks costs
    // each one a few deletions, not a scan of every state seen in the last 10 minutes.
    for (const [seen, until] of used) {
      if (until > now()) break;
      used.delete(seen);
    }
    if (used.has(state)) return false;
    used.set(state, expires);
    return true;
  };
};

const wrongWorkspace = (identity: SlackIdentity, teamId: string, clear: string): HttpResponse =>
  authPage(
    403,
    {
      title: 'Wrong Slack workspace',
      message: `You signed in to ${identity.teamName ? `"${identity.teamName}" (${identity.teamId})` : identity.teamId}, but these docs are for workspace ${teamId}. Sign in again and choose that workspace.`,
      link: tryAgain,
    },
    { 'set-cookie': clear },
  );

/** Checks Slack's answer against the pending sign-in, exchanges the code, verifies the id_token and signs the person in. */
const callback = (options: SignInRouteOptions) => {
  const firstUse = createUsedStates(options.session.now);
  return async (request: HttpRequest): Promise<HttpResponse> => {
    const clear = clearPending(options.session);
    const refuse = (status: number, title: string, message: string) => authPage(status, { title, message, link: tryAgain }, { 'set-cookie': clear });
    const pending = readPending(options.session, request.headers);
    if (!pending) return refuse(400, 'Sign-in expired', 'This sign-in was not started in this browser, or took longer than 10 minutes. Start again.');
    const state = request.query.get('state') ?? '';
    if (!sameToken(state, pending.state))
      return refuse(400, 'Sign-in refused', 'The answer from Slack does not belong to the sign-in this browser started (state mismatch).');
    if (!firstUse(state, pending.expires)) return refuse(400, 'Sign-in refused', 'This sign-in answer was already used.');
    const slackError = request.query.get('error');
    if (slackError) return refuse(403, 'Not signed in', `Slack did not sign you in (${slackError}).`);
    const code = request.query.get('code');
    if (!code) return refuse(400, 'Sign-in refused', 'Slack sent no authorization code.');
    const outcome = await options.client.signIn(code, options.redirectUri);
    if (!outcome.ok) {
      options.log?.warn({ stage: outcome.stage, error: outcome.error }, 'Sign in with Slack failed');
      if (outcome.stage === 'token') return refuse(502, 'Slack refused the sign-in', `Slack did not accept the sign-in (${outcome.error}).`);
      return refuse(401, 'Sign-in refused', `The identity Slack sent could not be verified (${outcome.error}).`);
    }
    const identity = outcome.value;
    if (!sameToken(identity.nonce, pending.nonce))
      return refuse(401, 'Sign-in refused', 'The identity Slack sent was not issued for this sign-in (nonce mismatch).');
    if (identity.teamId !== options.teamId) return wrongWorkspace(identity, options.teamId, clear);
    const viewer = { id: identity.userId, ...(identity.name ? { name: identity.name } : {}) };
    return redirect(pending.returnPath, issueSession(options.session, newToken(options), viewer));
  };
};

/**
 * GET only offers the sign-out button: a link, a prefetch or another site's redirect must not end anyone's session,
 * and SameSite=Lax sends the cookie on every one of them. `same-origin` (not the pages' `no-referrer`) lets the
 * browser send the button's Origin, which no-referrer would turn into `null`.
 */
const signOutPage = async (): Promise<HttpResponse> =>
  authPage(
    200,
    {
      title: 'Sign out',
      message: 'Sign out of the Callboard docs in this browser? A copy of its session stops working too.',
      form: { action: SIGN_OUT_PATH, button: 'Sign out' },
    },
    { 'referrer-policy': 'same-origin' },
  );

/**
 * Whether a browser says the post came from another site: Sec-Fetch-Site where it sends it, else Origin (`null`
 * for sandboxed frames and data: URLs). A client that names neither (curl holding the cookie) is not a browser
 * another site can drive.
 */
const isCrossSite = (request: HttpRequest, ownOrigin: string): boolean => {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.origin;
  return origin !== undefined && origin !== ownOrigin;
};

/** Whether `work` settled within `ms`; its failure is thrown, as awaiting it would. */
const settlesWithin = async (work: Promise<void>, ms: number): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
};

const signOutAgain = { href: SIGN_OUT_PATH, text: 'Sign out again' };

/** Records the revocation, or the page that says why it is not recorded yet (the cookie is then kept, for a retry). */
const recordRevocation = async (options: SignInRouteOptions, session: SignedInSession): Promise<HttpResponse | undefined> => {
  const recording = options.revocations.revoke(session.id, session.expiresAt);
  // Answered already when it fails late: the log is the only place left to say so.
  recording.catch((error: unknown) => options.log?.warn({ error: (error as Error).message }, 'Sign-out could not be recorded'));
  try {
    if (await settlesWithin(recording, options.signOutWaitMs ?? SIGN_OUT_WAIT_MS)) return undefined;
    const message =
      'The database is busy with another write (a catalog sync), so the sign-out is queued: this server already refuses the session, and the record follows. Sign out again in a minute to confirm it.';
    return authPage(503, { title: 'Sign-out queued', message, link: signOutAgain });
  } catch (error) {
    const message = `Callboard could not record the sign-out (${(error as Error).message}), so a copy of this browser's session could still be used on another Callboard process or after a restart. Sign out again.`;
    return authPage(503, { title: 'Sign-out not recorded', message, link: signOutAgain });
  }
};

/**
 * Revokes the session (a copy of the cookie stops working too), clears the cookie and says so: sending the person
 * back to /docs would sign them straight in again. Answers once the revocation is recorded; if that fails, or waits
 * behind other writes for longer than signOutWaitMs, the cookie is kept so signing out again can retry (this process
 * refuses the session meanwhile).
 */
const signOut = (options: SignInRouteOptions) => {
  const ownOrigin = new URL(options.redirectUri).origin;
  return async (request: HttpRequest): Promise<HttpResponse> => {
    if (isCrossSite(request, ownOrigin)) {
      const message = 'This sign-out was sent by another site, so nothing was changed. To sign out, use the button on the sign-out page.';
      return authPage(403, { title: 'Sign-out refused', message, link: { href: SIGN_OUT_PATH, text: 'Go to the sign-out page' } });
    }
    const session = readSession(options.session, request.headers);
    const notRecorded = session ? await recordRevocation(options, session) : undefined;
    if (notRecorded) return notRecorded;
    return authPage(
      200,
      { title: 'Signed out', message: 'You are signed out of the Callboard docs.', link: tryAgain },
      { 'set-cookie': clearSession(options.session) },
    );
  };
};

/** The routes Sign in with Slack needs mounted. */
export const slackSignInRoutes = (options: SignInRouteOptions): Route[] => [
  { method: 'GET', path: START_PATH, handler: start(options) },
  { method: 'GET', path: CALLBACK_PATH, handler: callback(options) },
  { method: 'GET', path: SIGN_OUT_PATH, handler: signOutPage },
  { method: 'POST', path: SIGN_OUT_PATH, handler: signOut(options) },
];
