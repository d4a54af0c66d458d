import type { IncomingHttpHeaders } from 'node:http';
import { readCookie, serializeCookie } from './cookies.ts';
import type { DocsViewer } from './docs-access.ts';
import { signValue, verifyValue } from './signed-value.ts';

export const SESSION_COOKIE = 'callboard_session';
/** How long a sign-in lasts; then Slack is asked again (usually without a prompt). */
export const SESSION_SECONDS = 12 * 60 * 60;
const PURPOSE = 'callboard session v1';

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

/** The Set-Cookie value that signs a Slack user in for SESSION_SECONDS. */
export const issueSession = (settings: SessionSettings, viewer: { id: string; name?: string }): string => {
  const data = { u: viewer.id, ...(viewer.name ? { n: viewer.name } : {}), t: settings.teamId, exp: nowSeconds(settings) + SESSION_SECONDS };
  return serializeCookie(SESSION_COOKIE, signValue(settings.key, PURPOSE, data), { path: '/', maxAge: SESSION_SECONDS, secure: settings.secure });
};

export const clearSession = (settings: Pick<SessionSettings, 'secure'>): string =>
  serializeCookie(SESSION_COOKIE, '', { path: '/', maxAge: 0, secure: settings.secure });

/** The signed-in viewer, or undefined for no cookie and for a tampered, expired, malformed or other-workspace one. */
export const readSession = (settings: SessionSettings, headers: IncomingHttpHeaders): DocsViewer | undefined => {
  const value = readCookie(headers, SESSION_COOKIE);
  const data = value ? verifyValue(settings.key, PURPOSE, value) : undefined;
  if (!data || typeof data.u !== 'string' || !data.u || data.t !== settings.teamId) return undefined;
  if (typeof data.exp !== 'number' || data.exp <= nowSeconds(settings)) return undefined;
  return { id: data.u, ...(typeof data.n === 'string' ? { name: data.n } : {}), via: 'slack' };
};
