import type { ScorecardResult } from '../evaluate-scorecard.ts';
import type { Digest, DigestInput } from './digest.ts';
import { findMovers } from './find-movers.ts';
import { compareText, countLevels } from './rule-standing.ts';
import { buildTeamTable, findMostFailing } from './team-table.ts';

/** The results the digest covers: this scorecard's, of the team's entities when it has one, by entity ref. */
const resultsInScope = (input: DigestInput): ScorecardResult[] =>
  input.results
    .filter((result) => result.scorecard === input.scorecard.ref && (!input.team || input.team.entities.has(result.entityRef)))
    .sort((a, b) => compareText(a.entityRef, b.entityRef));

/**
 * A scorecard digest from stored results and history: the level distribution, what moved up or down since the previous
 * digest and which rules moved it (none on a first digest), the most failing rules, and a row per team with its next
 * best fix. Pure and deterministic: the same input gives the same digest, in the same order.
 */
export function buildDigest(input: DigestInput): Digest {
  const { scorecard, owners } = input;
  const results = resultsInScope(input);
  const inScope = new Set(results.map((result) => result.entityRef));
  const history = input.history.filter((row) => row.scorecard === scorecard.ref && inScope.has(row.entityRef));
  return {
    scorecard: { ref: scorecard.ref, name: scorecard.name, ...(scorecard.title ? { title: scorecard.title } : {}), levels: scorecard.levels },
    ...(input.team ? { team: input.team.ref } : {}),
    entities: results.length,
    ...(input.previousAt ? { since: input.previousAt } : {}),
    distribution: countLevels(
      scorecard.levels,
      results.map((result) => result.level),
    ),
    ...(input.previousAt ? { movers: findMovers(scorecard, results, history, owners) } : {}),
    mostFailing: findMostFailing(scorecard, results),
    teams: buildTeamTable(scorecard, results, owners),
  };
}
