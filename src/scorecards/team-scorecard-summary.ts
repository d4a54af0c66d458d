import type { CatalogReader } from '../core/ports.ts';
import type { LevelCount, NextBestFix } from '../core/scorecards/digest/digest.ts';
import { findNextBestFix } from '../core/scorecards/digest/next-best-fix.ts';
import { countLevels } from '../core/scorecards/digest/rule-standing.ts';
import type { ScorecardResult } from '../core/scorecards/evaluate-scorecard.ts';
import { readScorecard } from '../core/scorecards/read-scorecard.ts';
import type { Scorecard } from '../core/scorecards/scorecard.ts';
import type { ScorecardResultsStore } from './results-store.ts';

/** A team's entities on one scorecard, as a card shows it: how many sit at each level, and the fix that lifts the most. */
export interface TeamScorecardSummary {
  scorecard: Pick<Scorecard, 'ref' | 'name' | 'title'>;
  entities: number;
  /** Highest level first, then null (no level). */
  levels: LevelCount[];
  nextBestFix: NextBestFix | null;
}

export interface TeamScorecardDeps {
  catalog: Pick<CatalogReader, 'entityEnvelope' | 'ownedBy'>;
  results: Pick<ScorecardResultsStore, 'resultsOfEntities'>;
}

const scorecardOf = (catalog: TeamScorecardDeps['catalog'], ref: string): Scorecard | undefined => {
  const entity = catalog.entityEnvelope(ref);
  if (!entity) return undefined;
  const read = readScorecard(entity);
  return read.ok ? read.scorecard : undefined;
};

/**
 * Per scorecard, the levels of the entities a team owns (its child groups' included) and its next best fix, from stored
 * results only: a card never scores. Scorecards by ref; one no longer valid in the catalog is left out.
 */
export function summarizeTeamScorecards(deps: TeamScorecardDeps, teamRef: string): TeamScorecardSummary[] {
  const owned = deps.catalog.ownedBy(teamRef, { includeChildGroups: true }).map((entity) => entity.ref);
  if (owned.length === 0) return [];
  const byScorecard = new Map<string, ScorecardResult[]>();
  for (const result of deps.results.resultsOfEntities(owned)) {
    const list = byScorecard.get(result.scorecard);
    if (list) list.push(result);
    else byScorecard.set(result.scorecard, [result]);
  }
  return [...byScorecard.keys()].sort().flatMap((ref) => {
    const scorecard = scorecardOf(deps.catalog, ref);
    if (!scorecard) return [];
    const results = byScorecard.get(ref)!;
    return [
      {
        scorecard: { ref: scorecard.ref, name: scorecard.name, ...(scorecard.title ? { title: scorecard.title } : {}) },
        entities: results.length,
        levels: countLevels(
          scorecard.levels,
          results.map((result) => result.level),
        ),
        nextBestFix: findNextBestFix(scorecard, results),
      },
    ];
  });
}
