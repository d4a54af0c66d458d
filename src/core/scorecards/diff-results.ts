import type { RuleResult, ScorecardResult } from './evaluate-scorecard.ts';

/** A rule's state as history and digests name it; `absent` when the rule was not on the scorecard. */
export type RuleState = 'passed' | 'failed' | 'unknown' | 'absent';

export interface RuleChange {
  id: string;
  level: string;
  from: RuleState;
  to: RuleState;
}

/** One (scorecard, entity) pair whose stored result changed. */
export interface ResultChange {
  scorecard: string;
  entityRef: string;
  /** added: newly scored (new entity, or the filter now matches); removed: no longer scored. */
  status: 'added' | 'removed' | 'changed';
  /** Levels before and after (null: no level); for added, `from` is null; for removed, `to` is. */
  from: string | null;
  to: string | null;
  /** For a changed pair whose level moved; added and removed pairs are not movers. */
  move: 'up' | 'down' | null;
  /** Every rule whose state changed (unknown ↔ known included: history shows outages). */
  rules: RuleChange[];
  /** For a move, the rule changes that moved it: those that changed what the level computation counts. */
  causes: RuleChange[];
}

export interface ResultsDiff {
  /** Sorted by scorecard, then entity ref. Empty: nothing to store. */
  changes: ResultChange[];
  up: ResultChange[];
  down: ResultChange[];
}

const keyOf = (result: ScorecardResult): string => `${result.scorecard}\u0000${result.entityRef}`;

const stateOf = (rule: RuleResult | undefined): RuleState =>
  rule === undefined ? 'absent' : rule.passed === null ? 'unknown' : rule.passed ? 'passed' : 'failed';

/**
 * Whether a rule holds its level back: it is on the scorecard and does not count as passing (its result, or the last
 * known one while it is unknown). Only a change of this can move a level: a passing rule removed never does.
 */
const blocks = (rule: RuleResult | undefined): boolean => rule !== undefined && (rule.passed ?? rule.lastKnown) !== true;

/** Rank of a level in the result's own order (-1 for no level). */
const rankOf = (result: ScorecardResult): number => (result.level === null ? -1 : result.levels.findIndex((count) => count.level === result.level));

interface RulePair {
  id: string;
  before?: RuleResult;
  after?: RuleResult;
}

/** Rules of both results paired by id, rules of `before` first, in their order. */
const pairRulesById = (before: readonly RuleResult[], after: readonly RuleResult[]): RulePair[] => {
  const pairs = new Map<string, RulePair>();
  for (const rule of before) pairs.set(rule.id, { id: rule.id, before: rule });
  for (const rule of after) {
    const pair = pairs.get(rule.id);
    if (pair) pair.after = rule;
    else pairs.set(rule.id, { id: rule.id, after: rule });
  }
  return [...pairs.values()];
};

const sameRuleIds = (before: readonly RuleResult[], after: readonly RuleResult[]): boolean => {
  if (before.length !== after.length) return false;
  for (let index = 0; index < before.length; index++) if (before[index]!.id !== after[index]!.id) return false;
  return true;
};

/** Adds the change of one rule, if any, to `into`. */
const addRuleChange = (id: string, was: RuleResult | undefined, is: RuleResult | undefined, into: { rules: RuleChange[]; causes: RuleChange[] }): void => {
  const from = stateOf(was);
  const to = stateOf(is);
  if (from === to && was?.lastKnown === is?.lastKnown && was?.level === is?.level) return;
  const change = { id, level: (is ?? was)!.level, from, to };
  into.rules.push(change);
  if (blocks(was) !== blocks(is) || (blocks(was) && blocks(is) && was!.level !== is!.level)) into.causes.push(change);
};

/**
 * State changes are what history keeps; a message alone (docs now 41 days old, not 40) is not a change. The usual
 * cases (same rules in the same order, or one side absent: a first scoring) pair rules by position, without a map:
 * a first scoring of every entity diffs thousands of results.
 */
const changesBetween = (before: ScorecardResult | undefined, after: ScorecardResult | undefined): { rules: RuleChange[]; causes: RuleChange[] } => {
  const changes = { rules: [] as RuleChange[], causes: [] as RuleChange[] };
  const was = before?.rules ?? [];
  const is = after?.rules ?? [];
  if (was.length === 0 || is.length === 0 || sameRuleIds(was, is)) {
    for (let index = 0; index < Math.max(was.length, is.length); index++) {
      const rule = (is[index] ?? was[index])!;
      addRuleChange(rule.id, was[index], is[index], changes);
    }
    return changes;
  }
  for (const pair of pairRulesById(was, is)) addRuleChange(pair.id, pair.before, pair.after, changes);
  return changes;
};

const compareChanges = (a: ResultChange, b: ResultChange): number =>
  a.scorecard < b.scorecard ? -1 : a.scorecard > b.scorecard ? 1 : a.entityRef < b.entityRef ? -1 : a.entityRef > b.entityRef ? 1 : 0;

const changeOf = (before: ScorecardResult | undefined, after: ScorecardResult | undefined): ResultChange | undefined => {
  const { rules, causes } = changesBetween(before, after);
  const from = before?.level ?? null;
  const to = after?.level ?? null;
  const { scorecard, entityRef } = (after ?? before)!;
  if (!before || !after) return { scorecard, entityRef, status: before ? 'removed' : 'added', from, to, move: null, rules, causes: [] };
  if (from === to && rules.length === 0) return undefined;
  const move = from === to ? null : rankOf(after) > rankOf(before) ? 'up' : 'down';
  return { scorecard, entityRef, status: 'changed', from, to, move, rules, causes: move ? causes : [] };
};

/**
 * What changed between two sets of results (any scorecards, any entities): which entities moved a level up or down
 * and the rule changes that moved them (for digests), and every pair whose state changed (store a history row only
 * for those). An outage cannot make a mover: unknown rules keep their last known result in both.
 */
export function diffResults(previous: readonly ScorecardResult[], current: readonly ScorecardResult[]): ResultsDiff {
  const before = new Map(previous.map((result) => [keyOf(result), result]));
  const after = new Map(current.map((result) => [keyOf(result), result]));
  const changes: ResultChange[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const change = changeOf(before.get(key), after.get(key));
    if (change) changes.push(change);
  }
  changes.sort(compareChanges);
  return { changes, up: changes.filter((change) => change.move === 'up'), down: changes.filter((change) => change.move === 'down') };
}
