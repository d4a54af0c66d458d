import { dependencyNodeBudget } from '../core/graph/dependency-edges.ts';
import type { CatalogReader } from '../core/ports.ts';
import { fileNamePart, toCsv, type CsvExport } from './export-csv.ts';

const HEADER = ['rank', 'ref', 'kind', 'name', 'title', 'owner', 'description'];

/** The most matches one export holds: the same budget as a dependency walk, for the same reason (one request's work). */
export const SEARCH_EXPORT_BUDGET = dependencyNodeBudget;

/** Every match of a search, best first (up to the budget), as CSV. */
export const exportSearch = (store: CatalogReader, query: string): CsvExport => {
  const result = store.search(query, { limit: SEARCH_EXPORT_BUDGET });
  const rows = result.hits.map((hit, index) => [index + 1, hit.ref, hit.kind, hit.name, hit.title, hit.ownerRef, hit.description]);
  const searched = result.didYouMean ?? query;
  const total = Math.max(result.total, rows.length);
  return {
    filename: `search-${fileNamePart(searched)}.csv`,
    title: `Search: ${searched}`,
    csv: toCsv(HEADER, rows),
    rows: rows.length,
    ...(total > rows.length ? { note: `The first ${rows.length.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} matches, best first.` } : {}),
  };
};
