import type { SlackDeps } from '../../slack-deps.ts';
import { SEARCH_PAGE_SIZE, searchResultsView } from '../../views/search-results-view.ts';
import type { SlackMessage } from '../../views/slack-message.ts';

/**
 * `/find`: one page of the ranked matches, with their true number. A page past the end (the catalog
 * shrank since the button was drawn) shows the last page rather than nothing.
 */
export const answerSearch = (deps: Pick<SlackDeps, 'store'>, query: string, page = 1): SlackMessage => {
  const pageOf = (n: number) => deps.store.search(query, { limit: SEARCH_PAGE_SIZE, offset: (n - 1) * SEARCH_PAGE_SIZE });
  const result = pageOf(page);
  const lastPage = Math.max(1, Math.ceil(result.total / SEARCH_PAGE_SIZE));
  if (result.hits.length === 0 && page > lastPage) return searchResultsView(pageOf(lastPage), { page: lastPage });
  return searchResultsView(result, { page });
};
