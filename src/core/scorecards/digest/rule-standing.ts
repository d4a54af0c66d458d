import type { RuleResult } from '../evaluate-scorecard.ts';
import type { LevelCount } from './digest.ts';

/**
 * Whether a rule fails for the digest: it failed, or it is unknown now and failed when last known (unknown keeps the
 * previous result). Unknown with nothing known is neither failing nor passing.
 */
export const isFailing = (rule: RuleResult): boolean => (rule.passed ?? rule.lastKnown) === false;

/** Rank of a level on the scorecard (-1: no level, or a level the scorecard no longer has). */
export const rankOf = (levels: readonly string[], level: string | null): number => (level === null ? -1 : levels.indexOf(level));

/** How many of `levels` (the scorecard's, lowest first) each result reached: highest first, then null. */
export const countLevels = (levels: readonly string[], reached: readonly (string | null)[]): LevelCount[] => {
  const counts = new Map<string | null, number>();
  for (const level of reached) counts.set(level, (counts.get(level) ?? 0) + 1);
  return [...[...levels].reverse(), null].map((level) => ({ level, count: counts.get(level) ?? 0 }));
};

/** Code-unit order: the same on every machine, whatever its locale. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
