import type { HttpRequest, HttpResponse, Route } from '../http-types.ts';

/** Who is reading the docs site. */
export interface DocsViewer {
  /** A Slack user id (Sign in with Slack), the trusted header's value, or 'local' on a loopback-only server. */
  id: string;
  name?: string;
  via: 'loopback' | 'slack' | 'trusted-header';
}

/**
 * The sign-in gate in front of every docs route (pages, assets, search, the index). On a loopback-only server
 * everyone local is let in; on any other address a viewer must be signed in, else the answer is a redirect to
 * sign-in (pages) or 401 (anything else). The Slack events endpoint never goes through this gate.
 */
export interface DocsAccess {
  check(request: HttpRequest): { viewer: DocsViewer } | { answer: HttpResponse };
  /** The sign-in routes it needs mounted (e.g. `/auth/slack/start`, `/auth/slack/callback`, `/auth/sign-out`). */
  routes: Route[];
}
