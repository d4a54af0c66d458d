import type { Severity } from '../../core/problems.ts';
import { openCatalogForQuery, type CliIo } from '../cli-context.ts';
import { formatProblemLine, toProblemJson } from '../format/format-problems.ts';

/** `callboard errors`: every recorded catalog problem, errors and warnings (dangling refs included). */
export const errorsCommand = (io: CliIo) => async (options: { config?: string; json?: boolean; severity?: Severity }) => {
  const runtime = await openCatalogForQuery(io, options.config);
  try {
    const problems = runtime.store.problems(options.severity ? { severity: options.severity } : {});
    if (options.json)
      return io.out(
        JSON.stringify(
          problems.map((problem) => ({ ...toProblemJson(problem, io.cwd), source: problem.sourceId })),
          null,
          2,
        ),
      );
    if (problems.length === 0) return io.out('No catalog problems.');
    for (const problem of problems) io.out(formatProblemLine(problem, io.cwd));
  } finally {
    runtime.close();
  }
};
