import type { DocsLibrary } from '../../core/docs/docs-library.ts';
import { DOCS_ROOT } from '../../core/docs/docs-url.ts';
import type { CatalogReader } from '../../core/ports.ts';
import type { DocsAccess } from '../auth/docs-access.ts';
import { SIGN_OUT_PATH } from '../auth/slack-sign-in-routes.ts';
import type { HttpHandler, HttpRequest, HttpResponse, Route } from '../http-types.ts';
import type { Router } from '../router.ts';
import type { DocsContext } from './docs-context.ts';
import { docsIndexHandler } from './docs-index-handler.ts';
import { docsHeaders } from './docs-responses.ts';
import { docsSearchHandler } from './docs-search-handler.ts';
import { loadDocsTemplates, type DocsTemplates, type SiteData } from './docs-templates.ts';
import { entityDocsHandler } from './entity-docs-handler.ts';
import type { OnCallLine } from './entity-header.ts';
import { STATIC_ROOT } from './layout-view.ts';
import { staticHandler } from './static-handler.ts';

export interface DocsRoutesDeps {
  library: DocsLibrary;
  catalog: CatalogReader;
  /** The sign-in gate: every docs route asks it first; its own sign-in routes are mounted alongside. */
  access: DocsAccess;
  /** `http.publicUrl`, else the server's listening address. */
  publicUrl: string;
  /** Who is on call for an entity, one line, for the page header; left out when it takes longer than `onCallTimeoutMs`. */
  onCallLine?: OnCallLine;
  /** Default 300 ms. */
  onCallTimeoutMs?: number;
  /** Default: templates/pages/ of the installation. */
  templates?: DocsTemplates;
}

const DEFAULT_ON_CALL_TIMEOUT_MS = 300;

/** Asks the gate first; a refusal is sent as the gate made it, with the docs site's security headers added. */
const gated =
  (access: DocsAccess, handler: (request: HttpRequest) => Promise<HttpResponse>): HttpHandler =>
  async (request) => {
    const checked = access.check(request);
    if ('answer' in checked) return { ...checked.answer, headers: { ...docsHeaders(), ...checked.answer.headers } };
    return handler(request);
  };

/**
 * Mounts the docs site on Callboard's one HTTP server: `/docs` (the index), `/docs/search`, the stylesheet under
 * `/docs/_static/`, every entity's pages and files under `/docs/<namespace>/<kind>/<name>/`, and the gate's
 * sign-in routes. Reads the page templates now, so a broken installation fails at start-up.
 */
export const mountDocsRoutes = (router: Router, deps: DocsRoutesDeps): void => {
  const templates = deps.templates ?? loadDocsTemplates();
  const site: SiteData = deps.access.routes.some((route) => route.path === SIGN_OUT_PATH) ? { signOutHref: SIGN_OUT_PATH } : {};
  const context: DocsContext = {
    library: deps.library,
    catalog: deps.catalog,
    templates: { css: templates.css, render: (name, view) => templates.render(name, view, site) },
    publicUrl: deps.publicUrl,
    ...(deps.onCallLine ? { onCallLine: deps.onCallLine } : {}),
    onCallTimeoutMs: deps.onCallTimeoutMs ?? DEFAULT_ON_CALL_TIMEOUT_MS,
  };
  const routes: Route[] = [
    { method: 'GET', path: DOCS_ROOT, handler: gated(deps.access, docsIndexHandler(context)) },
    { method: 'GET', path: `${DOCS_ROOT}/search`, handler: gated(deps.access, docsSearchHandler(context)) },
    { method: 'GET', path: `${STATIC_ROOT}*`, handler: gated(deps.access, staticHandler(context)) },
    { method: 'GET', path: `${DOCS_ROOT}/*`, handler: gated(deps.access, entityDocsHandler(context)) },
  ];
  for (const route of [...routes, ...deps.access.routes]) router.mount(route);
};
