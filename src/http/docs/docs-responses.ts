import type { HttpResponse } from '../http-types.ts';

/**
 * The docs site runs no script at all (the page body is rendered Markdown, sanitized, and still not trusted), so
 * scripts are refused outright; styles come only from /docs/_static/, images from the site itself or data: URLs.
 */
export const DOCS_CSP =
  "default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * An asset opened on its own (an SVG or HTML file from the docs folder, in a tab of its own) is sandboxed: no
 * script, no form, nothing fetched except its own inline styles and data: images.
 */
export const DOCS_ASSET_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox";

/** Headers on every docs answer, pages, assets, redirects and 404s alike. */
export const docsHeaders = (csp = DOCS_CSP): Record<string, string> => ({
  'content-security-policy': csp,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
});

export const htmlResponse = (status: number, html: string): HttpResponse => ({
  status,
  headers: { ...docsHeaders(), 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' },
  body: html,
});

export const docsJsonResponse = (status: number, body: Record<string, unknown>): HttpResponse => ({
  status,
  headers: { ...docsHeaders(), 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' },
  body,
});

/** A permanent move to the canonical form of a docs path (the slash form), the query kept. */
export const redirectResponse = (location: string, query: URLSearchParams): HttpResponse => {
  const search = query.toString();
  return { status: 301, headers: { ...docsHeaders(), location: search ? `${location}?${search}` : location } };
};

// Shown in the browser: images, audio and video, plain text. Anything else (HTML, PDF, scripts, archives) is a download.
const SHOWN_INLINE = /^(?:image\/|audio\/|video\/|text\/plain\b)/i;

/** A file from the docs folder, served as stored under the sandboxing asset policy. */
export const assetResponse = (asset: { contentType: string; data: Uint8Array }, fileName: string): HttpResponse => {
  const inline = SHOWN_INLINE.test(asset.contentType);
  const disposition: Record<string, string> = inline ? {} : { 'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"` };
  return {
    status: 200,
    headers: { ...docsHeaders(DOCS_ASSET_CSP), 'content-type': asset.contentType, 'cache-control': 'no-cache', ...disposition },
    body: Buffer.from(asset.data.buffer, asset.data.byteOffset, asset.data.byteLength),
  };
};
