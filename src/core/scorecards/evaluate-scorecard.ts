import type { EntityWithRelations } from '../catalog/entity.ts';
import { entityRefOf } from '../catalog/refs.ts';
import { evaluateCheck } from './evaluate-check.ts';
import type { EntityFacts } from './facts.ts';
import type { Scorecard, ScorecardRule } from './scorecard.ts';

/** One rule's result, as `callboard scorecard --json` shows it. */
export interface RuleResult {
  id: string;
  level: string;
  /** null: unknown (a fact could not be obtained). */
  passed: boolean | null;
  /** Why it failed or is unknown. */
  message?: string;
  /**
   * On an unknown rule, the last result that was known (carried from evaluation to evaluation while the outage lasts):
   * the level counts it, so an outage never demotes. Absent when no result was ever known.
   */
  lastKnown?: boolean;
}

export interface LevelCount {
  level: string;
  /** Rules of this level that passed (unknown ones are not counted as passed). */
  passed: number;
  total: number;
}

/** One entity on one scorecard: the JSON shape, plus the counts per level. */
export interface ScorecardResult {
  /** Ref of the Scorecard entity. */
  scorecard: string;
  entityRef: string;
  /** The highest level reached; null when a rule of the lowest level fails. */
  level: string | null;
  passed: number;
  total: number;
  levels: LevelCount[];
  rules: RuleResult[];
  /** What the level above needs: its rules that do not pass (failing, or unknown with nothing known). Null at the top. */
  next: { level: string; failing: string[] } | null;
}

export interface EvaluateScorecardInput {
  scorecard: Scorecard;
  /** An entity the scorecard's filter matched (see matchFilter). */
  entity: EntityWithRelations;
  /** Source-relative path of the entity's catalog file. */
  catalogFile: string;
  facts: EntityFacts;
  now: Date;
  /** This entity's previous result on this scorecard, whose known results unknown rules keep. */
  previous?: ScorecardResult;
}

/** The result an unknown rule keeps: the previous one, or what that one kept in turn. */
const lastKnownOf = (previous: RuleResult | undefined): boolean | undefined => (typeof previous?.passed === 'boolean' ? previous.passed : previous?.lastKnown);

const evaluateRule = (rule: ScorecardRule, input: EvaluateScorecardInput, previous: RuleResult | undefined): RuleResult => {
  const outcome = evaluateCheck(rule.check, input);
  if (outcome.passed === true) return { id: rule.id, level: rule.level, passed: true };
  if (outcome.passed === false) return { id: rule.id, level: rule.level, passed: false, message: outcome.message };
  const lastKnown = lastKnownOf(previous);
  return { id: rule.id, level: rule.level, passed: null, message: outcome.message, ...(lastKnown === undefined ? {} : { lastKnown }) };
};

/** What the level computation counts: the result, or for an unknown rule the last known one (nothing known: not passing). */
const counts = (result: RuleResult): boolean => (result.passed ?? result.lastKnown) === true;

/** The highest level whose rules, and every lower level's, all count as passing; -1 when the lowest does not. */
const reachedLevelIndex = (levels: readonly string[], results: readonly RuleResult[]): number => {
  let reached = -1;
  for (const [index, level] of levels.entries()) {
    if (!results.every((result) => result.level !== level || counts(result))) break;
    reached = index;
  }
  return reached;
};

/**
 * Scores one entity on one scorecard: each rule passed, failed or unknown (with why), the level (ladder semantics,
 * as Port and Tech Insights' maturity ranks define it), counts per level and overall, and what the next level needs.
 */
export function evaluateScorecard(input: EvaluateScorecardInput): ScorecardResult {
  const { scorecard, previous } = input;
  const previousRules = new Map((previous?.rules ?? []).map((rule) => [rule.id, rule]));
  const rules = scorecard.rules.map((rule) => evaluateRule(rule, input, previousRules.get(rule.id)));
  const reached = reachedLevelIndex(scorecard.levels, rules);
  const nextLevel = scorecard.levels[reached + 1];
  const levels = scorecard.levels.map((level) => {
    const ofLevel = rules.filter((rule) => rule.level === level);
    return { level, passed: ofLevel.filter((rule) => rule.passed === true).length, total: ofLevel.length };
  });
  return {
    scorecard: scorecard.ref,
    entityRef: entityRefOf(input.entity),
    level: reached < 0 ? null : scorecard.levels[reached]!,
    passed: rules.filter((rule) => rule.passed === true).length,
    total: rules.length,
    levels,
    rules,
    next:
      nextLevel === undefined ? null : { level: nextLevel, failing: rules.filter((rule) => rule.level === nextLevel && !counts(rule)).map((rule) => rule.id) },
  };
}
