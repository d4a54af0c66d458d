import type { HttpResponse } from '../http-types.ts';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** Sign-in answers are never cached: they depend on cookies and carry one-time values. */
export const NO_STORE = { 'cache-control': 'no-store' };

export interface AuthPage {
  title: string;
  message: string;
  /** A link to offer next, e.g. sign in again. */
  link?: { href: string; text: string };
  /** A button that posts an empty form to `action` (same origin), e.g. sign out. */
  form?: { action: string; button: string };
}

/** A small self-contained HTML page (no script, no outside resources) for sign-in outcomes a person reads. */
export const authPage = (status: number, page: AuthPage, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'",
    'referrer-policy': 'no-referrer',
    ...NO_STORE,
    ...headers,
  },
  body: [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)} · Callboard</title></head>`,
    `<body><main><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.message)}</p>`,
    page.form ? `<form method="post" action="${escapeHtml(page.form.action)}"><button type="submit">${escapeHtml(page.form.button)}</button></form>` : '',
    page.link ? `<p><a href="${escapeHtml(page.link.href)}">${escapeHtml(page.link.text)}</a></p>` : '',
    '</main></body></html>',
  ].join('\n'),
});

/** Whether the client is a browser asking for a page (it gets pages and redirects; anything else gets JSON). */
export const wantsHtml = (accept: string | undefined): boolean => /\btext\/html\b/i.test(accept ?? '');
