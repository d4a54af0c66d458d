import type { Problem } from '../../core/problems.ts';
import { displayFile } from '../cli-context.ts';

/** Compiler-style lines: `file:line:col: severity: message [entity]`. */
export const formatProblemLine = (problem: Problem, cwd: string): string => {
  const place = [displayFile(problem.file, cwd) || '(source)', problem.line, problem.column].filter((part) => part !== undefined).join(':');
  return `${place}: ${problem.severity}: ${problem.message}${problem.entityRef ? ` [${problem.entityRef}]` : ''}`;
};

/** The JSON shape documented for `validate --format json` and `errors --json`. */
export const toProblemJson = (problem: Problem, cwd: string) => ({
  file: displayFile(problem.file, cwd) || null,
  line: problem.line ?? null,
  column: problem.column ?? null,
  severity: problem.severity,
  message: problem.message,
  entityRef: problem.entityRef ?? null,
});
