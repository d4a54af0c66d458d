import type { RuleState } from '../diff-results.ts';
import type { ScorecardResult } from '../evaluate-scorecard.ts';
import type { Scorecard } from '../scorecard.ts';
import type { DigestHistoryRow, Mover, RuleMove } from './digest.ts';
import { compareText, rankOf } from './rule-standing.ts';

/** Oldest first; rows of one scoring run keep their order. */
const byTime = (a: DigestHistoryRow, b: DigestHistoryRow): number => a.at.getTime() - b.at.getTime();

const groupByEntity = (history: readonly DigestHistoryRow[]): Map<string, DigestHistoryRow[]> => {
  const rows = new Map<string, DigestHistoryRow[]>();
  for (const row of [...history].sort(byTime)) {
    const list = rows.get(row.entityRef);
    if (list) list.push(row);
    else rows.set(row.entityRef, [row]);
  }
  return rows;
};

/**
 * Each rule's net change over an entity's rows: its state at the previous digest against its state now, where going
 * unknown keeps the state before (an outage is not a change). Rules back where they started are left out.
 */
const netRuleChanges = (rows: readonly DigestHistoryRow[]): Map<string, { level: string; from: RuleState; to: RuleState }> => {
  const states = new Map<string, { level: string; from: RuleState; to: RuleState }>();
  for (const row of rows) {
    for (const change of row.rules) {
      const known = states.get(change.id) ?? { level: change.level, from: change.from, to: change.from };
      states.set(change.id, { level: change.level, from: known.from, to: change.to === 'unknown' ? known.to : change.to });
    }
  }
  for (const [id, state] of states) if (state.from === state.to) states.delete(id);
  return states;
};

/** Why an entity moved: the net rule changes the scoring runs named as causes, else every net change. */
const reasonsOf = (scorecard: Scorecard, rows: readonly DigestHistoryRow[]): RuleMove[] => {
  const net = netRuleChanges(rows);
  const causes = new Set(rows.flatMap((row) => row.causes.map((cause) => cause.id)));
  const named = [...net.keys()].filter((id) => causes.has(id));
  const order = new Map(scorecard.rules.map((rule, index) => [rule.id, index]));
  return (named.length > 0 ? named : [...net.keys()])
    .sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || compareText(a, b))
    .map((id) => {
      const state = net.get(id)!;
      const title = scorecard.rules.find((rule) => rule.id === id)?.title;
      return { id, level: state.level, ...(title ? { title } : {}), from: state.from, to: state.to };
    });
};

/**
 * Entities whose level now differs from their level at the previous digest (the first row's `from` after it), with
 * the rules that moved them. An entity first scored since then is not a mover, and neither is one whose only rule
 * changes were to unknown: unknown keeps the previous result.
 */
export const findMovers = (
  scorecard: Scorecard,
  results: readonly ScorecardResult[],
  history: readonly DigestHistoryRow[],
  owners: ReadonlyMap<string, string>,
): { up: Mover[]; down: Mover[] } => {
  const rows = groupByEntity(history);
  const up: Mover[] = [];
  const down: Mover[] = [];
  for (const result of results) {
    const entityRows = rows.get(result.entityRef);
    if (!entityRows || entityRows[0]!.status === 'added') continue;
    const from = entityRows[0]!.from;
    const delta = rankOf(scorecard.levels, result.level) - rankOf(scorecard.levels, from);
    if (delta === 0) continue;
    const reasons = reasonsOf(scorecard, entityRows);
    if (reasons.length === 0) continue;
    const owner = owners.get(result.entityRef);
    (delta > 0 ? up : down).push({ entityRef: result.entityRef, ...(owner ? { owner } : {}), from, to: result.level, rules: reasons });
  }
  const byRef = (a: Mover, b: Mover) => compareText(a.entityRef, b.entityRef);
  return { up: up.sort(byRef), down: down.sort(byRef) };
};
