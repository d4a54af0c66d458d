import type { DocsWarning } from '../core/docs/docs-site.ts';
import type { DocsProblem } from './docs-store.ts';

/** How a source names its files: `prefix + path`, as the catalog's own problems name them. */
export type DisplayPath = (sourceId: string, path: string) => string;

export const createDisplayPath =
  (prefixes: ReadonlyMap<string, string>): DisplayPath =>
  (sourceId, path) =>
    `${prefixes.get(sourceId) ?? ''}${path}`;

/** Build warnings (broken links, missing images, ignored extensions) as warnings on the entity, with page and line. */
export const warningProblems = (sourceId: string, warnings: readonly DocsWarning[], displayPath: DisplayPath): DocsProblem[] =>
  warnings.map((warning) => ({
    sourceId,
    severity: 'warning',
    message: `docs: ${warning.message}`,
    file: displayPath(sourceId, warning.file),
    ...(warning.line !== undefined ? { line: warning.line } : {}),
  }));

/** A docs build or docs ref that failed, on the file the author should look at. */
export const errorProblem = (sourceId: string, file: string, message: string, servedStill: boolean): DocsProblem => ({
  sourceId,
  severity: 'error',
  message: servedStill ? `docs: ${message}; the last good build is still served` : `docs: ${message}`,
  file,
});
