import type { StoredProblem } from '../../core/catalog-reader/catalog-queries.ts';
import type { OwnedKind, OwnedSummary } from '../../usecases/find-team.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { plural } from './blocks.ts';
import { shortRef } from './entity-text.ts';

/** Texts of the team and person cards: what a team owns and what is wrong with it. All escaped mrkdwn. */

/** `API` → `APIs`, `Component` → `Components`: every catalog kind takes a plain `s`. */
const kindPlural = (kind: string, count: number): string => (count === 1 ? kind : `${kind}s`);

const nameCode = (ref: string): string => `\`${escapeMrkdwn(truncate(shortRef(ref), 80))}\``;

/** `*Components (3)*  \`cart-service\`, \`checkout-service\` and 1 more`: the exact count, the first names. */
export const ownedKindLine = (entry: OwnedKind): string => {
  const more = entry.count - entry.first.length;
  const names = entry.first.map((entity) => nameCode(entity.ref)).join(', ');
  return `*${escapeMrkdwn(kindPlural(entry.kind, entry.count))} (${entry.count.toLocaleString('en-US')})*  ${names}${more > 0 ? ` and ${more.toLocaleString('en-US')} more` : ''}`;
};

/** What a team owns, kind by kind, with counts; says so when it owns nothing. */
export const ownedText = (owned: OwnedSummary, heading = 'Owns'): string => {
  if (owned.total === 0) return `*${heading}* nothing in the catalog yet.`;
  const through = owned.throughChildTeams > 0 ? ` (${owned.throughChildTeams.toLocaleString('en-US')} through its child teams)` : '';
  const title = `*${heading} ${plural(owned.total, 'entity', 'entities')}*${through}`;
  return [title, ...owned.byKind.map(ownedKindLine)].join('\n');
};

const problemLine = (problem: StoredProblem): string => {
  const icon = problem.severity === 'error' ? ':x:' : ':warning:';
  const where = problem.entityRef ? `${nameCode(problem.entityRef)}  ` : '';
  return `${icon} ${where}${escapeMrkdwn(truncate(problem.message, 200))}`;
};

/** Open catalog problems: the count, the first few, and where the rest are listed. */
export const problemsText = (problems: { count: number; first: readonly StoredProblem[] }, teamName: string): string => {
  if (problems.count === 0) return ':white_check_mark: No open catalog problems.';
  const more = problems.count - problems.first.length;
  const lines = [`*Open catalog problems (${problems.count.toLocaleString('en-US')})*`, ...problems.first.map(problemLine)];
  if (more > 0) lines.push(`and ${more.toLocaleString('en-US')} more: \`/callboard errors ${escapeMrkdwn(teamName)}\` lists them all.`);
  return lines.join('\n');
};
