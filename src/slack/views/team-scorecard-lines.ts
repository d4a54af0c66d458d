import type { TeamScorecardSummary } from '../../scorecards/team-scorecard-summary.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';

/** At most this many scorecards on a card; `/scorecard <team>` has the rest. */
const MAX_ON_CARD = 5;
const LINE_LIMIT = 400;

const levelsText = (summary: TeamScorecardSummary): string =>
  summary.levels.map((count) => `${escapeMrkdwn(count.level ?? 'no level')} ${count.count}`).join(' · ');

const fixText = (summary: TeamScorecardSummary): string => {
  const fix = summary.nextBestFix;
  if (!fix) return '';
  const rule = escapeMrkdwn(truncate(fix.title ?? fix.id, 80));
  return fix.lifts > 0 ? ` · next best fix: ${rule} (lifts ${fix.lifts})` : ` · most missing: ${rule} (${fix.blocking})`;
};

/** One scorecard in one line: its title, the level counts and the next best fix. */
export const teamScorecardLine = (summary: TeamScorecardSummary): string =>
  truncate(`${escapeMrkdwn(truncate(summary.scorecard.title ?? summary.scorecard.name, 80))}: ${levelsText(summary)}${fixText(summary)}`, LINE_LIMIT);

/**
 * The team's scorecards in a few lines (stored results only), with a pointer to `/scorecard <team>` for each entity.
 * Undefined when no entity of the team is on a scorecard.
 */
export const teamScorecardText = (summaries: readonly TeamScorecardSummary[], teamName: string): string | undefined => {
  if (summaries.length === 0) return undefined;
  const lines = summaries.slice(0, MAX_ON_CARD).map((summary) => `:bar_chart: ${teamScorecardLine(summary)}`);
  const more = summaries.length > MAX_ON_CARD ? `And ${summaries.length - MAX_ON_CARD} more scorecards. ` : '';
  return `${lines.join('\n')}\n${more}\`/scorecard ${escapeMrkdwn(teamName)}\` ranks its entities.`;
};
