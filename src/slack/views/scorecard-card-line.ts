import type { ScorecardResult } from '../../core/scorecards/evaluate-scorecard.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';

/** One scorecard as a card shows it: its title (or ref) and the entity's stored result on it. */
export interface ScorecardCardEntry {
  title: string;
  result: Pick<ScorecardResult, 'level' | 'passed' | 'total' | 'next'>;
}

/** At most this many scorecards on a card; `/scorecard` has the rest. */
const MAX_ON_CARD = 5;

const entryText = ({ title, result }: ScorecardCardEntry): string => {
  const level = result.level ? `*${escapeMrkdwn(result.level)}*` : '*no level yet*';
  const next = result.next ? ` · next: ${escapeMrkdwn(result.next.level)} needs ${result.next.failing.length}` : '';
  return `${escapeMrkdwn(truncate(title, 80))}: ${level} (${result.passed}/${result.total})${next}`;
};

/**
 * The card's scorecard line: each scorecard's level, rules passing and what the next level needs, and a pointer to
 * `/scorecard` for the rules. Undefined when the entity is on no scorecard.
 */
export const scorecardCardLine = (entries: readonly ScorecardCardEntry[], entityName: string): string | undefined => {
  if (entries.length === 0) return undefined;
  const shown = entries.slice(0, MAX_ON_CARD).map(entryText);
  const more = entries.length > MAX_ON_CARD ? ` · and ${entries.length - MAX_ON_CARD} more` : '';
  return `:bar_chart: ${shown.join(' · ')}${more} · \`/scorecard ${escapeMrkdwn(entityName)}\` for the rules`;
};
