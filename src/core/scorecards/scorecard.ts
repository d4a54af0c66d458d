import type { FieldPathSegment } from './parse-field-path.ts';
import type { SourcePath } from './resolve-source-path.ts';

/**
 * A scorecard as the evaluator uses it: read from a valid Scorecard entity by readScorecard, with every path parsed
 * and every pattern compiled, so evaluation never fails on the definition.
 */

/** A field path as written (for messages) and as parsed (for reading). */
export interface FieldPath {
  text: string;
  segments: readonly FieldPathSegment[];
}

/** One rule's check; combinators nest. Field checks read the entity, the others read facts (see facts.ts). */
export type Check =
  | { type: 'exists'; path: FieldPath }
  | { type: 'equals'; path: FieldPath; value: unknown }
  | { type: 'matches'; path: FieldPath; pattern: RegExp }
  | { type: 'in'; path: FieldPath; values: readonly unknown[] }
  | { type: 'relation'; relation: string; targetKind?: string; min: number }
  /** `path` as written: relative to the entity's catalog file folder, or to the source root when it starts with `/`. */
  | { type: 'file'; path: string; source: SourcePath; contains?: RegExp }
  | { type: 'docs'; maxAgeDays: number }
  | { type: 'oncall' }
  | { type: 'noDependencyOn'; lifecycles: readonly string[] }
  | { type: 'all'; checks: readonly Check[] }
  | { type: 'any'; checks: readonly Check[] }
  | { type: 'not'; check: Check };

export type CheckType = Check['type'];

export interface ScorecardRule {
  id: string;
  /** One of the scorecard's levels. */
  level: string;
  title?: string;
  description?: string;
  /** How to make the rule pass, shown next to a failing rule. */
  fix?: string;
  check: Check;
}

/** One filter key: the entity's value at `path` must be one of `values` (exact compare). */
export interface FilterClause {
  path: FieldPath;
  values: readonly string[];
}

export interface Scorecard {
  /** Canonical ref of the Scorecard entity: `scorecard:default/production-readiness`. */
  ref: string;
  name: string;
  title?: string;
  /** Canonical ref of the owner (a Group unless written otherwise). */
  owner: string;
  /** Every clause must match (AND). */
  filter: readonly FilterClause[];
  /** Lowest first. */
  levels: readonly string[];
  rules: readonly ScorecardRule[];
}
