import type { ResultChange, RuleState } from '../diff-results.ts';
import type { ScorecardResult } from '../evaluate-scorecard.ts';
import type { Scorecard } from '../scorecard.ts';

/** One stored history row (a pair whose state changed at `at`), as the results store keeps it. */
export interface DigestHistoryRow extends ResultChange {
  at: Date;
}

export interface DigestInput {
  scorecard: Scorecard;
  /** The scorecard's current results (any order; other scorecards' results are ignored). */
  results: readonly ScorecardResult[];
  /** History rows of this scorecard written after the previous digest (any order). Ignored for a first digest. */
  history: readonly DigestHistoryRow[];
  /** Owner (team) ref of each entity, by entity ref in lower case; an entity missing here is unowned. */
  owners: ReadonlyMap<string, string>;
  /** Only these entities (a team's, and its child groups'): the schedule's `team`. */
  team?: { ref: string; entities: ReadonlySet<string> };
  /** When the previous digest to this channel was made; absent for the first one. */
  previousAt?: Date;
}

/** A rule whose result changed between two digests: what it was, and what it is now. */
export interface RuleMove {
  id: string;
  level: string;
  title?: string;
  from: RuleState;
  to: RuleState;
}

/** An entity whose level differs from the previous digest's, with the rule changes that moved it. */
export interface Mover {
  entityRef: string;
  owner?: string;
  from: string | null;
  to: string | null;
  rules: RuleMove[];
}

/** A rule failing on at least one entity of the digest. */
export interface FailingRule {
  id: string;
  level: string;
  title?: string;
  fix?: string;
  failing: number;
}

/** The failing rule that lifts the most of a team's entities to their next level. */
export interface NextBestFix {
  id: string;
  level: string;
  title?: string;
  fix?: string;
  /** Entities for which this is the only rule their next level lacks: fixing it lifts them. */
  lifts: number;
  /** Entities whose next level lacks this rule (among others, maybe). */
  blocking: number;
}

export interface LevelCount {
  /** null: below the lowest level. */
  level: string | null;
  count: number;
}

export interface TeamRow {
  /** Owner ref; absent for entities without an owner. */
  team?: string;
  entities: number;
  /** The scorecard's levels, highest first, then null. */
  levels: LevelCount[];
  /** Entities at or above the first level, as a whole percentage. */
  reachedPercent: number;
  nextBestFix: NextBestFix | null;
}

export interface Digest {
  scorecard: { ref: string; name: string; title?: string; levels: readonly string[] };
  team?: string;
  entities: number;
  /** The previous digest's time; absent when this is the first to the channel. */
  since?: Date;
  /** Highest level first, then null (no level). */
  distribution: LevelCount[];
  /** Absent for a first digest: there is nothing to compare with. */
  movers?: { up: Mover[]; down: Mover[] };
  /** Most failing first. */
  mostFailing: FailingRule[];
  /** By team ref; unowned entities last. */
  teams: TeamRow[];
}
