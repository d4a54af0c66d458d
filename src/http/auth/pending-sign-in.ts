import type { IncomingHttpHeaders } from 'node:http';
import { readCookie, serializeCookie } from './cookies.ts';
import { signValue, verifyValue } from './signed-value.ts';

/** A sign-in on its way through Slack: what the callback checks the answer against. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  returnPath: string;
}

const COOKIE = 'callboard_signin';
/** Sent only to the callback, and only for as long as a person plausibly spends on Slack's consent screen. */
export const CALLBACK_PATH = '/auth/slack/callback';
const PENDING_SECONDS = 10 * 60;
const PURPOSE = 'callboard sign-in v1';

export interface PendingSettings {
  key: Buffer;
  secure: boolean;
  now: () => number;
}

export const issuePending = (settings: PendingSettings, pending: PendingSignIn): string => {
  const data = { s: pending.state, n: pending.nonce, r: pending.returnPath, exp: Math.floor(settings.now() / 1000) + PENDING_SECONDS };
  return serializeCookie(COOKIE, signValue(settings.key, PURPOSE, data), { path: CALLBACK_PATH, maxAge: PENDING_SECONDS, secure: settings.secure });
};

export const clearPending = (settings: Pick<PendingSettings, 'secure'>): string =>
  serializeCookie(COOKIE, '', { path: CALLBACK_PATH, maxAge: 0, secure: settings.secure });

/** The pending sign-in this browser started, or undefined when there is none, it expired, or it was tampered with. */
export const readPending = (settings: PendingSettings, headers: IncomingHttpHeaders): (PendingSignIn & { expires: number }) | undefined => {
  const value = readCookie(headers, COOKIE);
  const data = value ? verifyValue(settings.key, PURPOSE, value) : undefined;
  if (!data || typeof data.s !== 'string' || typeof data.n !== 'string' || typeof data.r !== 'string' || typeof data.exp !== 'number') return undefined;
  if (data.exp * 1000 <= settings.now()) return undefined;
  return { state: data.s, nonce: data.n, returnPath: data.r, expires: data.exp * 1000 };
};
