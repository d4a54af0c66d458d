import type { IncomingHttpHeaders } from 'node:http';
import { readCookie, serializeCookie } from './cookies.ts';
import type { DocsViewer } from './docs-access.ts';
import { signValue, verifyValue } from './signed-value.ts';

export const SESSION_COOKIE = 'callboard_session';
/** How long a sign-in lasts; then Slack is asked again (usually without a prompt). */
export const SESSION_SECONDS = 12 * 60 * 60;
// v2 added the session id: a v1 cookie, which sign-out could not revoke, reads as signed out.
const PURPOSE = 'callboard session v2';

export interface SessionSettings {
  /** The HMAC key (src/http/auth/session-key.ts). */
  key: Buffer;
  /** The configured workspace: a session from another one (the config changed) is not accepted. */
  teamId: string;
  /** Set the Secure attribute (http.publicUrl is https). */
  secure: boolean;
  now: () => number;
}

const nowSeconds = (settings: SessionSettings): number => Math.floor(settings.now() / 1000);

/** A valid session cookie: who it signs in, and the id and expiry sign-out revokes it by. */
export interface SignedInSession {
  /** Random, issued with the cookie: what `/auth/sign-out` revokes. */
  id: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  viewer: DocsViewer;
}

/** The Set-Cookie value that signs a Slack user in for SESSION_SECONDS, as the session `sessionId`. */
export const issueSession = (settings: SessionSettings, sessionId: string, viewer: { id: string; name?: string }): string => {
  const data = { s: sessionId, u: viewer.id, ...(viewer.name ? { n: viewer.name } : {}), t: settings.teamId, exp: nowSeconds(settings) + SESSION_SECONDS };
  return serializeCookie(SESSION_COOKIE, signValue(settings.key, PURPOSE, data), { path: '/', maxAge: SESSION_SECONDS, secure: settings.secure });
};

export const clearSession = (settings: Pick<SessionSettings, 'secure'>): string =>
  serializeCookie(SESSION_COOKIE, '', { path: '/', maxAge: 0, secure: settings.secure });

/**
 * The session the cookie carries, or undefined for no cookie and for a tampered, expired, malformed, id-less or
 * other-workspace one. Whether it was signed out is the caller's question (SessionRevocations).
 */
export const readSession = (settings: SessionSettings, headers: IncomingHttpHeaders): SignedInSession | undefined => {
  const value = readCookie(headers, SESSION_COOKIE);
  const data = value ? verifyValue(settings.key, PURPOSE, value) : undefined;
  if (!data || typeof data.s !== 'string' || !data.s || typeof data.u !== 'string' || !data.u || data.t !== settings.teamId) return undefined;
  if (typeof data.exp !== 'number' || data.exp <= nowSeconds(settings)) return undefined;
  const viewer: DocsViewer = { id: data.u, ...(typeof data.n === 'string' ? { name: data.n } : {}), via: 'slack' };
  return { id: data.s, expiresAt: data.exp * 1000, viewer };
};
