import type { KnownBlock, SectionBlock } from '@slack/types';
import type { StoredProblem } from '../../core/catalog-reader/catalog-queries.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { contextBlock, fitLines, headerBlock, Limits, plural, sectionBlock } from './blocks.ts';
import { allowListText } from './allow-list-text.ts';
import { refCode } from './entity-text.ts';
import { countProblems, problemCountsPlain, problemCountsText, problemLine } from './problem-text.ts';
import { askerOnlyMessage, ephemeralMessage, type SlackMessage } from './slack-message.ts';

const MAX_GROUPS = 25;
const MAX_PER_GROUP = 8;
/** Characters the listed groups may use, leaving room for the header and summary within a message. */
const LISTING_CHARS = 9000;
const MAX_UNOWNED = 15;
const UNOWNED_CHARS = 2500;

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

const groupText = (group: ProblemGroup): string => {
  const first = group.problems[0]!;
  const entity = first.file && first.entityRef ? `  ${refCode(first.entityRef)}` : '';
  const title = `*${escapeMrkdwn(truncate(group.key, 200))}*${entity}  _${escapeMrkdwn(truncate(first.sourceId, 100))}_`;
  const lines = group.problems.slice(0, MAX_PER_GROUP).map((problem) => problemLine(problem));
  const more = group.problems.length - lines.length;
  return [title, ...lines, ...(more > 0 ? [`…and ${plural(more, 'more problem')} here`] : [])].join('\n');
};

const countsText = (problems: readonly StoredProblem[], groups: number): string => `${problemCountsText(countProblems(problems))} in ${plural(groups, 'file')}`;

/** Problems no team answers for, listed first when the whole catalog is shown: nobody else will fix them. */
const unownedBlock = (unowned: readonly StoredProblem[]): SectionBlock => {
  const lines = unowned.slice(0, MAX_UNOWNED).map((problem) => problemLine(problem, { withFile: true }));
  const { shown } = fitLines(lines, UNOWNED_CHARS);
  const more = unowned.length - shown.length;
  const heading = `*No team owns ${unowned.length.toLocaleString('en-US')} of these* (no owner, an owner that is not in the catalog, or an unreachable source)`;
  return sectionBlock([heading, ...shown, ...(more > 0 ? [`…and ${plural(more, 'more')}`] : [])].join('\n'), 'problems.unowned');
};

export interface ProblemsViewOptions {
  /** Among `problems`, those no team owns: listed first, under their own heading. */
  unowned?: readonly StoredProblem[];
}

/**
 * Catalog problems for a scope (the whole catalog, a team), grouped by file, summarised when long:
 * the counts are always the true totals, and what is not listed is counted.
 */
export const problemsView = (problems: StoredProblem[], scope: string, options: ProblemsViewOptions = {}): SlackMessage => {
  const where = escapeMrkdwn(truncate(scope.trim() || 'the catalog', 100));
  if (problems.length === 0) {
    return ephemeralMessage(`No catalog problems in ${where}.`, [
      sectionBlock(`:white_check_mark: No catalog problems in ${where}. Every file parsed and every ref resolves.`, 'problems.none'),
    ]);
  }
  const fileCount = groupProblems(problems).length;
  // Problems listed under "No team owns" are not listed again under their files.
  const unownedSet = new Set(options.unowned ?? []);
  const groups = groupProblems(problems.filter((problem) => !unownedSet.has(problem)));
  const blocks: KnownBlock[] = [
    headerBlock(`Catalog problems: ${truncate(scope.trim() || 'the catalog', 100)}`, 'problems.header'),
    contextBlock([countsText(problems, fileCount)], 'problems.counts'),
  ];
  // The unowned list shares the message's character budget with the files listed below it.
  let chars = 0;
  if (options.unowned && options.unowned.length > 0) {
    const unowned = unownedBlock(options.unowned);
    blocks.push(unowned);
    chars += unowned.text?.text.length ?? 0;
  }
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
        [`${plural(hiddenProblems, 'more problem')} in ${plural(hiddenGroups.length, 'more file')} not shown (files with errors come first).`],
        'problems.more',
      ),
    );
  }
  return ephemeralMessage(`Catalog problems in ${where}: ${problemCountsPlain(countProblems(problems))} in ${plural(fileCount, 'file')}`, blocks);
};

/**
 * `/callboard errors all` from someone who is not a Callboard admin: one line saying who can (the
 * `slack.admins` entries), and what they can ask instead.
 */
export const allProblemsRefusedView = (admins: readonly string[]): SlackMessage => {
  const line = `:lock: Only Callboard admins can list every team's problems: ${allowListText(admins, 'slack.admins')}. \`/callboard errors\` lists your teams'.`;
  return askerOnlyMessage(line, [sectionBlock(line, 'problems.refused')]);
};
