import type { TeamScorecardSummary } from '../../../src/scorecards/team-scorecard-summary.ts';

/** A team's summary on one scorecard: gold 2, silver 0, bronze 1, none 0, and the runbook lifting one entity. */
export const scorecardSummary = (title = 'Production readiness', overrides: Partial<TeamScorecardSummary> = {}): TeamScorecardSummary => ({
  scorecard: { ref: `scorecard:default/${title.toLowerCase().replace(/\W+/g, '-')}`, name: 'readiness', title },
  entities: 3,
  levels: [
    { level: 'gold', count: 2 },
    { level: 'silver', count: 0 },
    { level: 'bronze', count: 1 },
    { level: null, count: 0 },
  ],
  nextBestFix: { id: 'runbook', level: 'silver', title: 'Has a runbook', lifts: 1, blocking: 1 },
  ...overrides,
});
