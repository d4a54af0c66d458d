import { diffResults, type ResultsDiff } from '../core/scorecards/diff-results.ts';
import type { ScorecardResult } from '../core/scorecards/evaluate-scorecard.ts';
import { sameAsStored } from './same-as-stored.ts';

/** One (scorecard, entity) pair as a map key. */
export const pairKey = (scorecard: string, entityRef: string): string => `${scorecard}\u0000${entityRef}`;

/**
 * What to write for a batch: the results that differ from the stored ones (compared as stored, so an unchanged
 * result is neither rewritten nor diffed), the pairs no longer scored, and the history of both (diffResults of the
 * pairs that differ: an identical pair has no change to record).
 */
export const compareWithStored = (
  previous: readonly ScorecardResult[],
  previousByPair: ReadonlyMap<string, ScorecardResult>,
  current: readonly ScorecardResult[],
): { upserts: ScorecardResult[]; removals: { scorecard: string; entityRef: string }[]; diff: ResultsDiff } => {
  const currentKeys = new Set(current.map((result) => pairKey(result.scorecard, result.entityRef)));
  const removed = previous.filter((result) => !currentKeys.has(pairKey(result.scorecard, result.entityRef)));
  const upserts: ScorecardResult[] = [];
  const replaced: ScorecardResult[] = [];
  for (const result of current) {
    const before = previousByPair.get(pairKey(result.scorecard, result.entityRef));
    if (before && sameAsStored(before, result)) continue;
    upserts.push(result);
    if (before) replaced.push(before);
  }
  return {
    upserts,
    removals: removed.map(({ scorecard, entityRef }) => ({ scorecard, entityRef })),
    diff: diffResults([...replaced, ...removed], upserts),
  };
};
