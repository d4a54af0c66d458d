import type { ScorecardResult } from '../evaluate-scorecard.ts';
import type { Scorecard } from '../scorecard.ts';
import type { NextBestFix } from './digest.ts';
import { isFailing } from './rule-standing.ts';

interface Tally {
  lifts: number;
  blocking: number;
}

/** Per failing rule of the entities' next levels: how many entities it alone holds back, and how many it holds back at all. */
const tallyNextLevelRules = (results: readonly ScorecardResult[]): Map<string, Tally> => {
  const tallies = new Map<string, Tally>();
  for (const result of results) {
    if (!result.next) continue;
    const failing = result.next.failing.filter((id) => {
      const rule = result.rules.find((candidate) => candidate.id === id);
      return rule !== undefined && isFailing(rule);
    });
    // An unknown rule with nothing known also holds the level back: fixing another rule alone lifts nothing then.
    const alone = result.next.failing.length === 1 && failing.length === 1;
    for (const id of failing) {
      const tally = tallies.get(id) ?? { lifts: 0, blocking: 0 };
      tallies.set(id, { lifts: tally.lifts + (alone ? 1 : 0), blocking: tally.blocking + 1 });
    }
  }
  return tallies;
};

/**
 * The failing rule that lifts the most of these entities to their next level (an entity is lifted when the rule is the
 * only one its next level lacks); ties go to the rule holding back more entities, then the lower level, then the
 * scorecard's order. Null when no entity's next level lacks a failing rule.
 */
export const findNextBestFix = (scorecard: Scorecard, results: readonly ScorecardResult[]): NextBestFix | null => {
  const tallies = tallyNextLevelRules(results);
  const candidates = scorecard.rules
    .map((rule, order) => ({ rule, order, tally: tallies.get(rule.id) }))
    .filter((candidate): candidate is typeof candidate & { tally: Tally } => candidate.tally !== undefined);
  candidates.sort(
    (a, b) =>
      b.tally.lifts - a.tally.lifts ||
      b.tally.blocking - a.tally.blocking ||
      scorecard.levels.indexOf(a.rule.level) - scorecard.levels.indexOf(b.rule.level) ||
      a.order - b.order,
  );
  const best = candidates[0];
  if (!best) return null;
  const { rule, tally } = best;
  return { id: rule.id, level: rule.level, ...(rule.title ? { title: rule.title } : {}), ...(rule.fix ? { fix: rule.fix } : {}), ...tally };
};
