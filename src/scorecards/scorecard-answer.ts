import type { ScorecardResult } from '../core/scorecards/evaluate-scorecard.ts';
import { readScorecard } from '../core/scorecards/read-scorecard.ts';
import type { Scorecard } from '../core/scorecards/scorecard.ts';
import type { CatalogReader } from '../core/ports.ts';
import type { ScorecardResultsStore } from './results-store.ts';

/** One entity's stored results, each with the scorecard that produced it (titles, rule titles and fixes). */
export interface EntityScorecards {
  kind: 'entity';
  entityRef: string;
  results: { scorecard: Scorecard; result: ScorecardResult }[];
}

/** A team's entities on one scorecard, best first. */
export interface TeamScorecard {
  scorecard: Scorecard;
  ranked: ScorecardResult[];
}

export interface TeamScorecards {
  kind: 'team';
  teamRef: string;
  /** Entities the team (and the groups below it) owns. */
  owned: number;
  scorecards: TeamScorecard[];
}

/** How many entities sit at each level: highest first, then `null` (below the lowest level). */
export interface LevelDistribution {
  kind: 'scorecard';
  scorecard: Scorecard;
  scored: number;
  levels: { level: string | null; count: number }[];
}

export type ScorecardAnswer = EntityScorecards | TeamScorecards | LevelDistribution;

export interface ScorecardAnswerDeps {
  catalog: Pick<CatalogReader, 'entityEnvelope' | 'ownedBy'>;
  results: Pick<ScorecardResultsStore, 'resultsOfEntity' | 'resultsOfEntities' | 'resultsOfScorecard'>;
}

const kindOfRef = (ref: string): string => ref.slice(0, ref.indexOf(':')).toLowerCase();

/** The scorecard definition behind a ref, when it is (still) a valid Scorecard in the catalog. */
const scorecardOf = (catalog: ScorecardAnswerDeps['catalog'], ref: string): Scorecard | undefined => {
  const entity = catalog.entityEnvelope(ref);
  if (!entity) return undefined;
  const read = readScorecard(entity);
  return read.ok ? read.scorecard : undefined;
};

const levelRank = (scorecard: Scorecard, level: string | null): number => (level === null ? -1 : scorecard.levels.indexOf(level));

/** Best first: a higher level, then more rules passing, then the ref. */
export const rankResults = (scorecard: Scorecard, results: readonly ScorecardResult[]): ScorecardResult[] =>
  [...results].sort((a, b) => levelRank(scorecard, b.level) - levelRank(scorecard, a.level) || b.passed - a.passed || a.entityRef.localeCompare(b.entityRef));

const withScorecards = (catalog: ScorecardAnswerDeps['catalog'], results: readonly ScorecardResult[]): { scorecard: Scorecard; result: ScorecardResult }[] => {
  const cache = new Map<string, Scorecard | undefined>();
  return results.flatMap((result) => {
    if (!cache.has(result.scorecard)) cache.set(result.scorecard, scorecardOf(catalog, result.scorecard));
    const scorecard = cache.get(result.scorecard);
    return scorecard ? [{ scorecard, result }] : [];
  });
};

/**
 * `/scorecard <ref>` and `callboard scorecard <ref>` from stored results (nothing is evaluated while someone waits):
 * an entity's results, a team's entities ranked per scorecard, or a scorecard's level distribution.
 */
export function answerScorecard(deps: ScorecardAnswerDeps, ref: string): ScorecardAnswer {
  const kind = kindOfRef(ref);
  if (kind === 'scorecard') {
    const scorecard = scorecardOf(deps.catalog, ref);
    if (scorecard) return distributionOf(scorecard, deps.results.resultsOfScorecard(scorecard.ref));
  }
  if (kind === 'group') {
    const owned = deps.catalog.ownedBy(ref, { includeChildGroups: true }).map((entity) => entity.ref);
    const byScorecard = new Map<string, ScorecardResult[]>();
    for (const result of deps.results.resultsOfEntities(owned)) byScorecard.set(result.scorecard, [...(byScorecard.get(result.scorecard) ?? []), result]);
    const scorecards = [...byScorecard].flatMap(([scorecardRef, results]) => {
      const scorecard = scorecardOf(deps.catalog, scorecardRef);
      return scorecard ? [{ scorecard, ranked: rankResults(scorecard, results) }] : [];
    });
    return { kind: 'team', teamRef: ref, owned: owned.length, scorecards: scorecards.sort((a, b) => a.scorecard.ref.localeCompare(b.scorecard.ref)) };
  }
  return { kind: 'entity', entityRef: ref, results: withScorecards(deps.catalog, deps.results.resultsOfEntity(ref)) };
}

export function distributionOf(scorecard: Scorecard, results: readonly ScorecardResult[]): LevelDistribution {
  const counts = new Map<string | null, number>();
  for (const result of results) counts.set(result.level, (counts.get(result.level) ?? 0) + 1);
  const levels = [...[...scorecard.levels].reverse(), null].map((level) => ({ level, count: counts.get(level) ?? 0 }));
  return { kind: 'scorecard', scorecard, scored: results.length, levels };
}
