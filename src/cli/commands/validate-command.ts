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
import { runSyncPass } from '../../usecases/sync/run-sync-pass.ts';
import { CliExit, type CliIo } from '../cli-context.ts';
import { formatProblemLine, toProblemJson } from '../format/format-problems.ts';

export interface ValidateOptions {
  format: 'text' | 'json';
  pattern?: string[];
  dangling?: boolean;
}

const defaultPatterns = ['**/catalog-info.yaml', '**/catalog-info.yml'];

/** A file is its own source (its folder, that one name); a folder is a source with the catalog patterns. */
const sourceFor = (path: string, index: number, io: CliIo, patterns: string[] | undefined): CatalogSource => {
  const absolute = resolve(io.cwd, path);
  let isFile: boolean;
  try {
    isFile = statSync(absolute).isFile();
  } catch {
    throw new CliExit(2, `${path} does not exist`);
  }
  const root = isFile ? dirname(absolute) : absolute;
  return new DirSource({ id: `validate-${index}`, root, patterns: isFile ? [basename(absolute)] : (patterns ?? defaultPatterns) });
};

/**
 * `callboard validate`: lints catalog files exactly as a sync would read them (Locations followed,
 * placeholders resolved, duplicate refs caught), using a throwaway in-memory catalog.
 */
export const validateCommand = (io: CliIo) => async (paths: string[], options: ValidateOptions) => {
  const sources = paths.map((path, index) => sourceFor(path, index, io, options.pattern));
  const db = openDatabase(':memory:');
  try {
    const deps = {
      writer: new SqliteCatalogWriter(db.$client),
      registry: createBuiltinKindRegistry(),
      urlReader: new HttpUrlReader({ allowedHosts: defaultAllowedUrlHosts }),
      clock: { now: () => new Date() },
      danglingRefs: options.dangling ?? false,
    };
    await runSyncPass(sources, deps);
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
    if (problems.some((problem) => problem.severity === 'error')) throw new CliExit(1);
  } finally {
    db.$client.close();
  }
};
