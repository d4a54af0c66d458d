import { jsonResponse } from '../http-types.ts';
import { NO_STORE, wantsHtml } from './auth-pages.ts';
import { checkDocsAccessConfig, docsAccessMode, type DocsHttpConfig } from './check-docs-access-config.ts';
import type { DocsAccess } from './docs-access.ts';
import { CALLBACK_PATH } from './pending-sign-in.ts';
import { requestedPath } from './refuse-request.ts';
import type { SessionRevocations } from './session-revocations.ts';
import { createSlackOidcClient, SLACK_OIDC_BASE_URL } from './slack-oidc-client.ts';
import { readSession } from './slack-session.ts';
import { slackSignInRoutes, startLink, type SignInRouteOptions } from './slack-sign-in-routes.ts';
import { trustedHeaderAccess } from './trusted-header-access.ts';

export interface DocsAccessDeps {
  /** SLACK_CLIENT_SECRET: required with http.auth.slack. */
  clientSecret?: string;
  /** The session cookies' HMAC key (loadSessionKey): required with http.auth.slack. */
  sessionKey?: Buffer;
  /** Signed-out sessions (SqliteRevokedSessions): required with http.auth.slack. */
  revocations?: SessionRevocations;
  /** Where Slack's OpenID Connect endpoints live; default https://slack.com (tests: the local fake). */
  slackBaseUrl?: string;
  /** Milliseconds since the epoch; default Date.now. */
  now?: () => number;
  fetch?: typeof fetch;
  /** State, nonce and session id values; default 32 random bytes each. */
  randomToken?: () => string;
  log?: SignInRouteOptions['log'];
  /** How long sign-out waits for its record behind other writes; default 5 s (tests: a few ms). */
  signOutWaitMs?: number;
}

const loopbackAccess: DocsAccess = { routes: [], check: () => ({ viewer: { id: 'local', via: 'loopback' } }) };

const slackAccess = (http: DocsHttpConfig & { publicUrl: string }, slack: { clientId: string; teamId: string }, deps: DocsAccessDeps): DocsAccess => {
  if (!deps.sessionKey || !deps.clientSecret || !deps.revocations)
    throw new Error('Sign in with Slack needs deps.sessionKey, deps.clientSecret and deps.revocations');
  const revocations = deps.revocations;
  const now = deps.now ?? Date.now;
  // Parsed, not prefix-matched: the config accepts `HTTPS://…`, and its cookies must still be Secure.
  const session = { key: deps.sessionKey, teamId: slack.teamId, secure: new URL(http.publicUrl).protocol === 'https:', now };
  const client = createSlackOidcClient({
    baseUrl: deps.slackBaseUrl ?? SLACK_OIDC_BASE_URL,
    clientId: slack.clientId,
    clientSecret: deps.clientSecret,
    now,
    fetch: deps.fetch ?? fetch,
  });
  const redirectUri = `${http.publicUrl.replace(/\/+$/, '')}${CALLBACK_PATH}`;
  const routes = slackSignInRoutes({
    client,
    ...slack,
    redirectUri,
    session,
    revocations,
    ...(deps.randomToken ? { randomToken: deps.randomToken } : {}),
    ...(deps.log ? { log: deps.log } : {}),
    ...(deps.signOutWaitMs !== undefined ? { signOutWaitMs: deps.signOutWaitMs } : {}),
  });
  return {
    routes,
    check: (request) => {
      const signedIn = readSession(session, request.headers);
      // A signed-out session (a copied cookie, or one sent again after sign-out) is treated like no session.
      if (signedIn && !revocations.isRevoked(signedIn.id)) return { viewer: signedIn.viewer };
      // A browser asking for a page goes to sign-in and comes back; anything else (fetch, curl) is told plainly.
      const isPageLoad = (request.method === 'GET' || request.method === 'HEAD') && wantsHtml(request.headers.accept);
      if (isPageLoad) return { answer: { status: 302, headers: { location: startLink(requestedPath(request)), ...NO_STORE }, body: '' } };
      return { answer: jsonResponse(401, { error: `Sign in first: open ${http.publicUrl.replace(/\/+$/, '')}${startLink('/docs')} in a browser` }, NO_STORE) };
    },
  };
};

/**
 * The docs site's sign-in gate, from http config. Sign-in, when configured, always applies (a loopback server
 * behind a local reverse proxy still wants it); without it only a loopback-only server is allowed, and lets everyone in.
 * Throws InvalidInputError for a configuration checkDocsAccessConfig refuses.
 */
export const createDocsAccess = (config: { http: DocsHttpConfig }, deps: DocsAccessDeps = {}): DocsAccess => {
  checkDocsAccessConfig(config, deps.clientSecret ? { SLACK_CLIENT_SECRET: deps.clientSecret } : {});
  const { http } = config;
  const mode = docsAccessMode(http);
  if (mode === 'slack') return slackAccess({ ...http, publicUrl: http.publicUrl! }, http.auth!.slack!, deps);
  if (mode === 'trusted-header') return trustedHeaderAccess(http.auth!.trustedHeader!);
  return loopbackAccess;
};
