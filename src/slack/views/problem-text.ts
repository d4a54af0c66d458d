import type { StoredProblem } from '../../core/catalog-reader/catalog-queries.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { plural } from './blocks.ts';

/**
 * The one wording of catalog problems in Slack: the sync summary, the App Home tab and
 * `/callboard errors` all count and list problems with these, so the same problem reads the same
 * everywhere. All output is escaped mrkdwn.
 */

export interface ProblemCounts {
  errors: number;
  warnings: number;
}

const ICON = { error: ':x:', warning: ':warning:' } as const;

export const countProblems = (problems: readonly StoredProblem[]): ProblemCounts => {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
};

/** ":x: 1 error and 4 warnings", ":warning: 2 warnings", ":white_check_mark: No catalog problems". */
export const problemCountsText = ({ errors, warnings }: ProblemCounts): string => {
  if (errors === 0 && warnings === 0) return ':white_check_mark: No catalog problems';
  const parts = [...(errors > 0 ? [plural(errors, 'error')] : []), ...(warnings > 0 ? [plural(warnings, 'warning')] : [])];
  return `${errors > 0 ? ICON.error : ICON.warning} ${parts.join(' and ')}`;
};

/** The same counts without emoji, for notification text. */
export const problemCountsPlain = (counts: ProblemCounts): string => problemCountsText(counts).replace(/^:[a-z_]+: /, '');

const placeOf = (problem: StoredProblem, withFile: boolean): string => {
  const line = problem.line ? `${problem.line}${problem.column ? `:${problem.column}` : ''}` : undefined;
  if (!withFile) return line ? `line ${line}: ` : '';
  if (problem.file) return `\`${escapeMrkdwn(truncate(problem.file, 150))}${line ? `:${line}` : ''}\` `;
  return `_source ${escapeMrkdwn(truncate(problem.sourceId, 100))}_ `;
};

/**
 * One problem on one line: severity icon, where (the line within its file when listed under the
 * file, else the file or the source), and the message.
 */
export const problemLine = (problem: StoredProblem, options: { withFile?: boolean } = {}): string =>
  `${ICON[problem.severity]} ${placeOf(problem, options.withFile ?? false)}${escapeMrkdwn(truncate(problem.message, 300))}`;
