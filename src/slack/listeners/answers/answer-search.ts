import { linkDocsHit } from '../../../usecases/docs/docs-ports.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { FIND_DOCS_HITS } from '../../views/docs-hits-group.ts';
import { SEARCH_PAGE_SIZE, searchResultsView } from '../../views/search-results-view.ts';
import type { SlackMessage } from '../../views/slack-message.ts';

/** Docs sections for the query, on the first page only: Next and Previous page through entities. */
const docsHitsFor = (deps: Pick<SlackDeps, 'docs'>, query: string, page: number) => {
  const access = deps.docs;
  if (!access || page !== 1) return [];
  return access.library.search(query, { limit: FIND_DOCS_HITS }).map((hit) => linkDocsHit(access, hit));
};

/**
 * `/find`: one page of the ranked matches, with their true number, and on the first page the best docs
 * sections. A page past the end (the catalog shrank since the button was drawn) shows the last page rather than nothing.
 */
export const answerSearch = (deps: Pick<SlackDeps, 'store' | 'docs'>, query: string, page = 1): SlackMessage => {
  const pageOf = (n: number) => deps.store.search(query, { limit: SEARCH_PAGE_SIZE, offset: (n - 1) * SEARCH_PAGE_SIZE });
  const result = pageOf(page);
  const lastPage = Math.max(1, Math.ceil(result.total / SEARCH_PAGE_SIZE));
  if (result.hits.length === 0 && page > lastPage) return searchResultsView(pageOf(lastPage), { page: lastPage, docs: docsHitsFor(deps, query, lastPage) });
  return searchResultsView(result, { page, docs: docsHitsFor(deps, query, page) });
};
