import type { ResultChange } from '../core/scorecards/diff-results.ts';
import type { ScorecardResult } from '../core/scorecards/evaluate-scorecard.ts';

/** Where an entity was read from, as the runner needs it to decide what to score again and where to read files. */
export interface EntityLocation {
  ref: string;
  etag: string;
  sourceId: string;
  /** Source-relative path of the entity's catalog file. */
  path: string;
  /** The source's content version (the commit for `git`); absent before the source's first read. */
  version?: string;
}

/** One history row: a (scorecard, entity) pair whose state changed, at a time. */
export interface ScorecardHistoryRow extends ResultChange {
  at: Date;
}

/** What one scoring run writes, in one transaction. */
export interface ScorecardWrite {
  at: Date;
  /** Results to store as current (new or different from what is stored). */
  upserts: ScorecardResult[];
  /** Pairs no longer scored (the entity or the scorecard is gone, or the filter no longer matches). */
  removals: { scorecard: string; entityRef: string }[];
  /** diffResults' changes: one history row each. */
  changes: ResultChange[];
  /** Entities scored, with their new stamps; entities gone are listed with `stamp: null`. */
  stamps: { entityRef: string; stamp: string | null }[];
  /** The source versions the scores now read files at. */
  sourceVersions?: { sourceId: string; version: string }[];
}

/** A source's content version now, and the one its entities' scores read files at. */
export interface SourceVersions {
  sourceId: string;
  current?: string;
  scored?: string;
}

/** The scorecard results kept in the catalog database. Reads never wait behind a write. */
export interface ScorecardResultsStore {
  /** Every entity with its etag, catalog file and source version (no bodies): cheap enough after every pass. */
  entityLocations(): EntityLocation[];
  /** Stamps of the last scoring, by entity ref. */
  stamps(): Map<string, string>;
  /**
   * The entities whose stamp is not `etag|scorecardsKey` (compared in SQLite: after a pass that changed little this
   * reads a few rows, not the catalog), each with its stored stamp when it has one.
   */
  changedLocations(scorecardsKey: string): { location: EntityLocation; stamp?: string }[];
  /** Entities scored before that are no longer in the catalog. */
  goneEntities(): string[];
  sourceVersions(): SourceVersions[];
  /** Entities of a source; with `folder` (`services/a/`, or '' for the root) only those whose catalog file is right in it. */
  locationsOfSource(sourceId: string, folder?: string): EntityLocation[];
  /** Current results: of one entity, of one scorecard, or of these entities. */
  resultsOfEntity(entityRef: string): ScorecardResult[];
  resultsOfScorecard(scorecard: string): ScorecardResult[];
  resultsOfEntities(entityRefs: readonly string[]): ScorecardResult[];
  history(scorecard: string, entityRef: string): ScorecardHistoryRow[];
  /** A scorecard's history rows written after `after` (and at or before `until`, when given), oldest first: what a digest reports. */
  historyBetween(scorecard: string, after: Date, until?: Date): ScorecardHistoryRow[];
  write(batch: ScorecardWrite): Promise<void>;
}
