import { stringifyEntityRef } from '../../core/catalog/refs.ts';
import type { DocsSiteSummary } from '../../core/docs/docs-library.ts';
import { docsPagePath } from '../../core/docs/docs-url.ts';
import type { HttpRequest, HttpResponse } from '../http-types.ts';
import type { DocsContext } from './docs-context.ts';
import { buildPageView } from './docs-page-view.ts';
import { readDocsRequestPath } from './docs-request-path.ts';
import { assetResponse, htmlResponse, redirectResponse } from './docs-responses.ts';
import { findEntityHeader } from './entity-header.ts';
import { noSuchPage, noSuchPath, noSuchSite, notFoundResponse } from './not-found-page.ts';

const renderPage = async (context: DocsContext, summary: DocsSiteSummary, pagePath: string): Promise<HttpResponse> => {
  const { library, templates } = context;
  const { entityRef } = summary;
  const page = library.page(entityRef, pagePath);
  if (!page) return notFoundResponse(templates, noSuchPage(library, entityRef, pagePath || '/'), entityRef);
  const header = await findEntityHeader(context, entityRef);
  return htmlResponse(200, templates.render('page', buildPageView(summary, page, header)));
};

/** A path with no trailing slash: a file of the docs folder, else a page written without its slash. */
const serveFileOrRedirect = (context: DocsContext, request: HttpRequest, entityRef: string, rest: string): HttpResponse => {
  const { library, templates } = context;
  const asset = library.asset(entityRef, rest);
  if (asset) return assetResponse(asset, rest.split('/').pop()!);
  if (library.page(entityRef, `${rest}/`)) return redirectResponse(docsPagePath(entityRef, `${rest}/`), request.query);
  return notFoundResponse(templates, noSuchPage(library, entityRef, rest), entityRef);
};

/**
 * `/docs/<namespace>/<kind>/<name>/<page path>` and the files pages refer to. Traversal is refused before any
 * lookup; the entity part is read in any case (refs are canonical lower case); `…/name` and a page written without
 * its trailing slash are redirected to the slash form, as mkdocs' directory URLs are.
 */
export const entityDocsHandler =
  (context: DocsContext) =>
  async (request: HttpRequest): Promise<HttpResponse> => {
    const { library, catalog, templates } = context;
    const path = readDocsRequestPath(request);
    if (!path.ok) return notFoundResponse(templates, noSuchPath());
    const { segments, trailingSlash } = path;
    if (segments.length === 0) return redirectResponse('/docs', request.query);
    const [namespace, kind, name, ...restSegments] = segments;
    // `_static` and any other `_` name are the site's own folders, never an entity's (Backstage namespaces cannot start with `_`).
    if (!namespace || !kind || !name || namespace.startsWith('_')) return notFoundResponse(templates, noSuchPath());
    const entityRef = stringifyEntityRef({ kind, namespace, name });
    const summary = library.site(entityRef);
    if (!summary) return notFoundResponse(templates, noSuchSite(catalog, entityRef));
    const rest = restSegments.join('/');
    if (rest === '' && !trailingSlash) return redirectResponse(docsPagePath(entityRef), request.query);
    if (trailingSlash) return renderPage(context, summary, rest === '' ? '' : `${rest}/`);
    return serveFileOrRedirect(context, request, entityRef, rest);
  };
