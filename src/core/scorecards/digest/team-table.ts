import type { ScorecardResult } from '../evaluate-scorecard.ts';
import type { Scorecard } from '../scorecard.ts';
import type { FailingRule, TeamRow } from './digest.ts';
import { findNextBestFix } from './next-best-fix.ts';
import { compareText, countLevels, isFailing } from './rule-standing.ts';

/** Rules failing on at least one entity, most failing first, then the lower level, then the scorecard's order. */
export const findMostFailing = (scorecard: Scorecard, results: readonly ScorecardResult[]): FailingRule[] => {
  const failing = new Map<string, number>();
  for (const result of results) for (const rule of result.rules) if (isFailing(rule)) failing.set(rule.id, (failing.get(rule.id) ?? 0) + 1);
  return scorecard.rules
    .map((rule, order) => ({ rule, order, failing: failing.get(rule.id) ?? 0 }))
    .filter((entry) => entry.failing > 0)
    .sort((a, b) => b.failing - a.failing || scorecard.levels.indexOf(a.rule.level) - scorecard.levels.indexOf(b.rule.level) || a.order - b.order)
    .map(({ rule, failing: count }) => ({
      id: rule.id,
      level: rule.level,
      ...(rule.title ? { title: rule.title } : {}),
      ...(rule.fix ? { fix: rule.fix } : {}),
      failing: count,
    }));
};

/** One row per owning team (by ref, unowned entities last): its entities' levels, how many reached one, and its next best fix. */
export const buildTeamTable = (scorecard: Scorecard, results: readonly ScorecardResult[], owners: ReadonlyMap<string, string>): TeamRow[] => {
  const byTeam = new Map<string, ScorecardResult[]>();
  for (const result of results) {
    const team = owners.get(result.entityRef) ?? '';
    const owned = byTeam.get(team);
    if (owned) owned.push(result);
    else byTeam.set(team, [result]);
  }
  const teams = [...byTeam.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : compareText(a, b)));
  return teams.map((team) => {
    const owned = byTeam.get(team)!;
    const reached = owned.filter((result) => result.level !== null).length;
    return {
      ...(team ? { team } : {}),
      entities: owned.length,
      levels: countLevels(
        scorecard.levels,
        owned.map((result) => result.level),
      ),
      reachedPercent: Math.round((100 * reached) / owned.length),
      nextBestFix: findNextBestFix(scorecard, owned),
    };
  });
};
