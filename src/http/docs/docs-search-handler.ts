import { canonicalEntityRef } from '../../core/catalog/refs.ts';
import { snippetMark, type DocsHit } from '../../core/docs/docs-library.ts';
import { docsPagePath, docsPageUrl } from '../../core/docs/docs-url.ts';
import type { HttpRequest, HttpResponse } from '../http-types.ts';
import type { DocsContext } from './docs-context.ts';
import { entityDisplayName } from './docs-owner.ts';
import { docsJsonResponse, htmlResponse } from './docs-responses.ts';
import { cssHref, searchBox } from './layout-view.ts';

const MAX_HITS = 50;
const MAX_QUERY = 200;

interface SearchQuery {
  words: string;
  entityRef?: string;
  /** Why there is nothing to search for, when there is not. */
  problem?: string;
}

const readSearchQuery = (query: URLSearchParams): SearchQuery => {
  const words = (query.get('q') ?? '').trim().slice(0, MAX_QUERY);
  const entity = query.get('entity')?.trim();
  const entityRef = entity ? canonicalEntityRef(entity, { defaultKind: 'component' }) : undefined;
  if (entity && !entityRef)
    return { words, problem: `entity=${entity} is not an entity ref; write it as kind:namespace/name, e.g. component:default/checkout` };
  if (!words) return { words, ...(entityRef ? { entityRef } : {}), problem: 'Type some words to search for.' };
  return { words, ...(entityRef ? { entityRef } : {}) };
};

/** The snippet in plain text, and as parts with the matched words marked (the template escapes each part). */
const snippetParts = (snippet: string): { text: string; mark: boolean }[] =>
  snippet
    .split(snippetMark.start)
    .flatMap((chunk, index) => {
      if (index === 0) return [{ text: chunk, mark: false }];
      const [marked = '', after = ''] = chunk.split(snippetMark.end, 2);
      return [
        { text: marked, mark: true },
        { text: after, mark: false },
      ];
    })
    .filter((part) => part.text !== '');

const plainSnippet = (snippet: string): string => snippet.split(snippetMark.start).join('').split(snippetMark.end).join('');

const hitJson = (context: DocsContext, hit: DocsHit) => ({
  entityRef: hit.entityRef,
  pageTitle: hit.pageTitle,
  heading: hit.heading,
  path: docsPagePath(hit.entityRef, hit.pagePath, hit.anchor),
  url: docsPageUrl(context.publicUrl, hit.entityRef, hit.pagePath, hit.anchor),
  snippet: plainSnippet(hit.snippet),
});

const hitView = (context: DocsContext, hit: DocsHit) => ({
  href: docsPagePath(hit.entityRef, hit.pagePath, hit.anchor),
  pageTitle: hit.pageTitle,
  heading: hit.heading,
  entityName: entityDisplayName(context.catalog, hit.entityRef),
  parts: snippetParts(hit.snippet),
});

const wantsJson = (request: HttpRequest): boolean => {
  const accept = String(request.headers.accept ?? '');
  return accept.includes('application/json') && !accept.includes('text/html');
};

const searchPage = (context: DocsContext, search: SearchQuery, hits: DocsHit[]): string => {
  const scopeName = search.entityRef ? entityDisplayName(context.catalog, search.entityRef) : undefined;
  const none = search.problem ?? (hits.length === 0 ? `Nothing matches “${search.words}”. Try fewer or different words.` : undefined);
  return context.templates.render('search', {
    title: search.words ? `${search.words} · Search · Callboard docs` : 'Search · Callboard docs',
    cssHref,
    search: searchBox({ q: search.words, ...(search.entityRef ? { entityRef: search.entityRef, label: `Search ${scopeName}` } : {}) }),
    ...(scopeName ? { scopeName, allHref: `/docs/search?${new URLSearchParams({ q: search.words })}` } : {}),
    ...(none ? { message: none } : {}),
    hits: hits.map((hit) => hitView(context, hit)),
    countText: hits.length >= MAX_HITS ? `The first ${MAX_HITS} matches` : hits.length === 1 ? '1 match' : `${hits.length} matches`,
  });
};

/** `/docs/search?q=…[&entity=…]`: sections of pages, as HTML, or as JSON for `Accept: application/json`. */
export const docsSearchHandler =
  (context: DocsContext) =>
  async (request: HttpRequest): Promise<HttpResponse> => {
    const search = readSearchQuery(request.query);
    const hits = search.problem ? [] : context.library.search(search.words, { limit: MAX_HITS, ...(search.entityRef ? { entityRef: search.entityRef } : {}) });
    if (wantsJson(request)) {
      if (search.problem) return docsJsonResponse(400, { error: search.problem });
      return docsJsonResponse(200, {
        query: search.words,
        ...(search.entityRef ? { entityRef: search.entityRef } : {}),
        hits: hits.map((hit) => hitJson(context, hit)),
      });
    }
    return htmlResponse(search.problem && search.words ? 400 : 200, searchPage(context, search, hits));
  };
