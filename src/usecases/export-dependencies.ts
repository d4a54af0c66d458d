import type { CatalogReader } from '../core/ports.ts';
import { findDependencies, type DependencyQuestion } from './find-dependencies.ts';
import { fileNamePart, toCsv, type CsvExport } from './export-csv.ts';

const HEADER = ['depth', 'ref', 'kind', 'name', 'title', 'owner', 'lifecycle', 'type', 'via', 'in_catalog'];

const nameOf = (ref: string): string => ref.slice(ref.indexOf('/') + 1);

/**
 * The whole list behind a dependency answer, every page of it, as CSV: one row per entity, nearest
 * first, with the ref one hop closer through which it was reached (`via`), so the path can be traced.
 */
export const exportDependencies = (store: CatalogReader, ref: string, question: DependencyQuestion): CsvExport => {
  const answer = findDependencies(store, ref, question);
  const rows = answer.nodes.map((node) => [
    node.depth,
    node.ref,
    node.kind,
    nameOf(node.ref),
    node.title,
    node.ownerRef,
    node.lifecycle,
    node.type,
    node.via,
    node.exists ? 'yes' : 'no',
  ]);
  const what = answer.direction === 'forward' ? 'dependencies' : 'blast-radius';
  const hops = answer.depth === undefined ? 'all hops' : `within ${answer.depth} hop${answer.depth === 1 ? '' : 's'}`;
  const cut = answer.budgetReached && answer.beyondDepth === 0;
  return {
    filename: `${what}-${fileNamePart(nameOf(answer.ref))}.csv`,
    title: `${answer.direction === 'forward' ? 'What' : 'What depends on'} ${nameOf(answer.ref)}${answer.direction === 'forward' ? ' depends on' : ''} (${hops})`,
    csv: toCsv(HEADER, rows),
    rows: rows.length,
    ...(cut ? { note: `The walk stopped after ${answer.budget.toLocaleString('en-US')} entities; there are more.` } : {}),
  };
};
