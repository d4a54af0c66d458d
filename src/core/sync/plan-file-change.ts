/**
 * Last-good-state rules for one re-read catalog file (see README.md beside this file).
 * Pure: the sync use case feeds it what the file held and what the fresh parse produced.
 */

export interface FreshFileResult {
  /** Canonical refs of the valid entities the file now yields, in file order. */
  validRefs: readonly string[];
  /** Some document failed before its ref was known: every previously held entity must stay. */
  unidentified: boolean;
  /** Identified but invalid documents: those entities keep their last good version. */
  rejectedRefs: readonly string[];
}

export interface FileChangePlan {
  /** Refs to write from the fresh parse (new or updated). */
  write: string[];
  /** Refs the file no longer yields: removed from the catalog. */
  remove: string[];
  /** Refs left exactly as they were because their new version is broken. */
  keep: string[];
}

/** Decides what a re-read file does to the entities it held. */
export const planFileChange = (heldRefs: readonly string[], fresh: FreshFileResult): FileChangePlan => {
  const valid = new Set(fresh.validRefs);
  const rejected = new Set(fresh.rejectedRefs);
  const keep: string[] = [];
  const remove: string[] = [];
  for (const ref of heldRefs) {
    if (valid.has(ref)) continue;
    if (fresh.unidentified || rejected.has(ref)) keep.push(ref);
    else remove.push(ref);
  }
  return { write: [...valid], remove, keep };
};

/** A file gone from its source takes its entities with it (Callboard differs from Backstage here on purpose). */
export const planFileRemoval = (heldRefs: readonly string[]): FileChangePlan => ({ write: [], remove: [...heldRefs], keep: [] });
