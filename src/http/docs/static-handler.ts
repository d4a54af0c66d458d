import type { HttpRequest, HttpResponse } from '../http-types.ts';
import type { DocsContext } from './docs-context.ts';
import { readDocsRequestPath } from './docs-request-path.ts';
import { docsHeaders } from './docs-responses.ts';
import { noSuchPath, notFoundResponse } from './not-found-page.ts';

/** `/docs/_static/docs.css`: the site's one stylesheet, from templates/pages/ (read at start-up). */
export const staticHandler =
  ({ templates }: DocsContext) =>
  async (request: HttpRequest): Promise<HttpResponse> => {
    const path = readDocsRequestPath(request);
    if (!path.ok || path.trailingSlash || path.segments.join('/') !== '_static/docs.css') return notFoundResponse(templates, noSuchPath());
    return {
      status: 200,
      headers: { ...docsHeaders(), 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=300' },
      body: templates.css,
    };
  };
