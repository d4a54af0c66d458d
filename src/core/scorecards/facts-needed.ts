import { resolveSourcePath, type SourcePath } from './resolve-source-path.ts';
import type { Check, Scorecard } from './scorecard.ts';

/** What an adapter must gather for one entity before evaluating a scorecard on it. */
export interface FactsNeeded {
  /** Source-relative paths to read at the synced commit, sorted, each once. */
  files: string[];
  docs: boolean;
  oncall: boolean;
  dependencies: boolean;
}

const walk = (check: Check, visit: (check: Check) => void): void => {
  visit(check);
  if (check.type === 'all' || check.type === 'any') for (const inner of check.checks) walk(inner, visit);
  if (check.type === 'not') walk(check.check, visit);
};

/** What a scorecard's rules read, whatever the entity: its file checks' paths and which other facts. */
interface ScorecardReads {
  paths: SourcePath[];
  docs: boolean;
  oncall: boolean;
  dependencies: boolean;
}

/** Per Scorecard object: its rules are walked once, not once per entity scored on it. */
const readsOfScorecard = new WeakMap<Scorecard, ScorecardReads>();

const readsOf = (scorecard: Scorecard): ScorecardReads => {
  let reads = readsOfScorecard.get(scorecard);
  if (reads) return reads;
  reads = { paths: [], docs: false, oncall: false, dependencies: false };
  const into = reads;
  for (const rule of scorecard.rules) {
    walk(rule.check, (check) => {
      if (check.type === 'file') into.paths.push(check.source);
      if (check.type === 'docs') into.docs = true;
      if (check.type === 'oncall') into.oncall = true;
      if (check.type === 'noDependencyOn') into.dependencies = true;
    });
  }
  readsOfScorecard.set(scorecard, reads);
  return reads;
};

/**
 * The facts a scorecard's rules read for an entity whose catalog file is `catalogFile` (source-relative). A file path
 * that leaves the source root is left out: the check fails with that reason without reading anything.
 */
export function factsNeeded(scorecard: Scorecard, catalogFile: string): FactsNeeded {
  const reads = readsOf(scorecard);
  const files = new Set<string>();
  for (const path of reads.paths) {
    const resolved = resolveSourcePath(catalogFile, path);
    if (resolved.ok) files.add(resolved.path);
  }
  return { files: [...files].sort(), docs: reads.docs, oncall: reads.oncall, dependencies: reads.dependencies };
}
