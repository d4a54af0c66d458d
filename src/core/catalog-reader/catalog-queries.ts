/**
 * What the catalog answers to read queries, as the use cases and adapters speak of it: plain data,
 * independent of how the store keeps it.
 */
import type { Problem, Severity } from '../problems.ts';

/** Enough of an entity to name it in a list or a choice. */
export interface EntitySummary {
  ref: string;
  kind: string;
  name: string;
  title?: string;
}

/** An entity a group or user owns, with the owner whose relation was followed (a child group's, for a parent). */
export interface OwnedEntitySummary extends EntitySummary {
  ownerRef: string;
}

/** A catalog problem as the last pass left it, with the source that reported it and why. */
export interface StoredProblem extends Problem {
  sourceId: string;
  /** `file` (parse/validation), `conflict`, `source` (unreachable), `target` (a missing Location target), `dangling`. */
  origin: string;
}

export interface ProblemFilter {
  severity?: Severity;
  /** Only problems about these entities (canonical refs, any case). */
  entityRefs?: readonly string[];
  sourceId?: string;
}

export interface SearchHit {
  ref: string;
  kind: string;
  name: string;
  title?: string;
  description?: string;
  ownerRef?: string;
  /** Lower is better: the exact name, then names starting with the query, then bm25 order. */
  score: number;
}

export interface SearchResult {
  query: string;
  /** The page asked for (`offset`, `limit`), best match first. */
  hits: SearchHit[];
  /** How many entities match in all, however few `hits` holds (of the corrected query with `didYouMean`). */
  total: number;
  /** Set when the query as typed found nothing and a corrected one did ("did you mean"). */
  didYouMean?: string;
}

export interface SearchOptions {
  kind?: string;
  limit?: number;
  /** Matches to skip, best first (for pages past the first); default 0. */
  offset?: number;
}

/** When the newest recorded sync pass ran (ISO 8601 timestamps). */
export interface SyncPassTimes {
  startedAt: string;
  finishedAt: string;
}
