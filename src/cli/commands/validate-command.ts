import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { defaultAllowedUrlHosts } from '../../config/schema.ts';
import { createBuiltinKindRegistry } from '../../core/catalog/kind-registry.ts';
import type { CatalogSource } from '../../core/ports.ts';
import { DirSource } from '../../sources/dir-source.ts';
import { HttpUrlReader } from '../../sources/http-url-reader.ts';
import { openDatabase } from '../../store/open-database.ts';
import { SqliteCatalogStore } from '../../store/sqlite-catalog-store.ts';
import { SqliteCatalogWriter } from '../../store/sqlite-catalog-writer.ts';
import type { SyncSummary } from '../../core/sync/sync-summary.ts';
import { runSyncPass } from '../../usecases/sync/run-sync-pass.ts';
import { CliExit, loadCliConfig, type CliIo } from '../cli-context.ts';
import { formatProblemLine, toProblemJson } from '../format/format-problems.ts';

export interface ValidateOptions {
  config?: string;
  format: 'text' | 'json';
  pattern?: string[];
  dangling?: boolean;
}

const defaultPatterns = ['**/catalog-info.yaml', '**/catalog-info.yml'];

/** What one path argument became: its source, and for a folder the patterns it was searched with. */
interface ValidatedPath {
  path: string;
  source: CatalogSource;
  folderPatterns?: string[];
}

/** A file is its own source (its folder, that one name); a folder is a source with the catalog patterns. */
const sourceFor = (path: string, index: number, io: CliIo, patterns: string[] | undefined): ValidatedPath => {
  const absolute = resolve(io.cwd, path);
  let isFile: boolean;
  try {
    isFile = statSync(absolute).isFile();
  } catch {
    throw new CliExit(2, `${path} does not exist`);
  }
  const id = `validate-${index}`;
  if (isFile) return { path, source: new DirSource({ id, root: dirname(absolute), patterns: [basename(absolute)] }) };
  const folderPatterns = patterns ?? defaultPatterns;
  return { path, source: new DirSource({ id, root: absolute, patterns: folderPatterns }), folderPatterns };
};

/**
 * Folders in which no file matched: a typo in a CI job's path or pattern must fail, not pass
 * silently. (A folder that could not be read at all is already reported as a problem.)
 */
const reportEmptyFolders = (paths: ValidatedPath[], summary: SyncSummary, io: CliIo): boolean => {
  let found = false;
  paths.forEach(({ path, source, folderPatterns }) => {
    const result = summary.sources.find((item) => item.id === source.id);
    if (!folderPatterns || result?.outcome !== 'synced' || result.filesRead > 0) return;
    io.err(`no catalog files found under ${path} matching ${folderPatterns.join(', ')}; check the path, or name the files with --pattern`);
    found = true;
  });
  return found;
};

/**
 * `callboard validate`: lints catalog files exactly as a sync would read them (Locations followed,
 * placeholders resolved, duplicate refs caught), using a throwaway in-memory catalog.
 */
export const validateCommand = (io: CliIo) => async (paths: string[], options: ValidateOptions) => {
  const validated = paths.map((path, index) => sourceFor(path, index, io, options.pattern));
  // Only for catalog.yamlFastPath: validate reads files the way the configured catalog would.
  const { yamlFastPath } = loadCliConfig(io, options.config).catalog;
  const db = openDatabase(':memory:');
  try {
    const deps = {
      writer: new SqliteCatalogWriter(db.$client),
      registry: createBuiltinKindRegistry(),
      urlReader: new HttpUrlReader({ allowedHosts: defaultAllowedUrlHosts }),
      clock: { now: () => new Date() },
      danglingRefs: options.dangling ?? false,
      yamlFastPath,
    };
    const summary = await runSyncPass(
      validated.map(({ source }) => source),
      deps,
    );
    const problems = new SqliteCatalogStore(db).problems();
    if (options.format === 'json')
      io.out(
        JSON.stringify(
          problems.map((problem) => toProblemJson(problem, io.cwd)),
          null,
          2,
        ),
      );
    else for (const problem of problems) io.out(formatProblemLine(problem, io.cwd));
    const noFiles = reportEmptyFolders(validated, summary, io);
    if (noFiles || problems.some((problem) => problem.severity === 'error')) throw new CliExit(1);
  } finally {
    db.$client.close();
  }
};
