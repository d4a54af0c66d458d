import type { KnownBlock } from '@slack/types';
import type { StoredProblem } from '../../core/catalog-reader/catalog-queries.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { contextBlock, headerBlock, Limits, plural, sectionBlock } from './blocks.ts';
import { refCode } from './entity-text.ts';
import { ephemeralMessage, type SlackMessage } from './slack-message.ts';

const MAX_GROUPS = 25;
const MAX_PER_GROUP = 8;
/** Characters the listed groups may use, leaving room for the header and summary within a message. */
const LISTING_CHARS = 9000;

const ICON = { error: ':x:', warning: ':warning:' } as const;

interface ProblemGroup {
  key: string;
  problems: StoredProblem[];
}

const groupKey = (problem: StoredProblem): string => problem.file ?? problem.entityRef ?? problem.sourceId;

const errorsIn = (group: ProblemGroup): number => group.problems.filter((problem) => problem.severity === 'error').length;

/** Files (or entities) with errors first, then the noisiest; inside a group errors first, then by line. */
const groupProblems = (problems: readonly StoredProblem[]): ProblemGroup[] => {
  const groups = new Map<string, StoredProblem[]>();
  for (const problem of problems) {
    const list = groups.get(groupKey(problem)) ?? [];
    list.push(problem);
    groups.set(groupKey(problem), list);
  }
  const bySeverity = (a: StoredProblem, b: StoredProblem) => Number(a.severity !== 'error') - Number(b.severity !== 'error') || (a.line ?? 0) - (b.line ?? 0);
  return [...groups]
    .map(([key, list]) => ({ key, problems: list.sort(bySeverity) }))
    .sort((a, b) => errorsIn(b) - errorsIn(a) || b.problems.length - a.problems.length || a.key.localeCompare(b.key));
};

const problemLine = (problem: StoredProblem): string => {
  const where = problem.line ? `line ${problem.line}${problem.column ? `:${problem.column}` : ''}: ` : '';
  return `${ICON[problem.severity]} ${where}${escapeMrkdwn(truncate(problem.message, 300))}`;
};

const groupText = (group: ProblemGroup): string => {
  const first = group.problems[0]!;
  const entity = first.file && first.entityRef ? `  ${refCode(first.entityRef)}` : '';
  const title = `*${escapeMrkdwn(truncate(group.key, 200))}*${entity}  _${escapeMrkdwn(truncate(first.sourceId, 100))}_`;
  const lines = group.problems.slice(0, MAX_PER_GROUP).map(problemLine);
  const more = group.problems.length - lines.length;
  return [title, ...lines, ...(more > 0 ? [`…and ${plural(more, 'more problem')} here`] : [])].join('\n');
};

const countsText = (problems: readonly StoredProblem[], groups: number): string => {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return `${ICON.error} ${plural(errors, 'error')}  ·  ${ICON.warning} ${plural(problems.length - errors, 'warning')}  ·  in ${plural(groups, 'file')}`;
};

/** Catalog problems for a scope (the whole catalog, a team), grouped by file, summarised when long. */
export const problemsView = (problems: StoredProblem[], scope: string): SlackMessage => {
  const where = escapeMrkdwn(truncate(scope.trim() || 'the catalog', 100));
  if (problems.length === 0) {
    return ephemeralMessage(`No catalog problems in ${where}.`, [
      sectionBlock(`:white_check_mark: No catalog problems in ${where}. Every file parsed and every ref resolves.`, 'problems.none'),
    ]);
  }
  const groups = groupProblems(problems);
  const blocks: KnownBlock[] = [
    headerBlock(`Catalog problems: ${truncate(scope.trim() || 'the catalog', 100)}`, 'problems.header'),
    contextBlock([countsText(problems, groups.length)], 'problems.counts'),
  ];
  let chars = 0;
  let shown = 0;
  for (const group of groups.slice(0, Math.min(MAX_GROUPS, Limits.messageBlocks - 4))) {
    const text = groupText(group);
    if (chars + text.length > LISTING_CHARS) break;
    blocks.push(sectionBlock(text, `problems.group.${shown}`));
    chars += text.length;
    shown += 1;
  }
  const hiddenGroups = groups.slice(shown);
  if (hiddenGroups.length > 0) {
    const hiddenProblems = hiddenGroups.reduce((sum, group) => sum + group.problems.length, 0);
    blocks.push(
      contextBlock(
        [`${plural(hiddenProblems, 'more problem')} in ${plural(hiddenGroups.length, 'more file')} not shown. Run \`callboard errors\` for the full list.`],
        'problems.more',
      ),
    );
  }
  return ephemeralMessage(`Catalog problems in ${where}: ${countsText(problems, groups.length)}`, blocks);
};
