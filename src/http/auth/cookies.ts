import type { IncomingHttpHeaders } from 'node:http';

/** The value of one cookie from the request's Cookie header; the first wins when a name is repeated. */
export const readCookie = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  for (const pair of (headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
};

export interface CookieOptions {
  path: string;
  /** Seconds; 0 clears the cookie. */
  maxAge: number;
  secure: boolean;
}

/** A Set-Cookie value: always HttpOnly and SameSite=Lax (sent on the top-level GET back from Slack, not on cross-site posts). */
export const serializeCookie = (name: string, value: string, options: CookieOptions): string =>
  [`${name}=${value}`, `Path=${options.path}`, `Max-Age=${options.maxAge}`, 'HttpOnly', 'SameSite=Lax', ...(options.secure ? ['Secure'] : [])].join('; ');
