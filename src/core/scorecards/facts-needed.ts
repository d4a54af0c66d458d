import { resolveSourcePath } from './resolve-source-path.ts';
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

/**
 * The facts a scorecard's rules read for an entity whose catalog file is `catalogFile` (source-relative). A file path
 * that leaves the source root is left out: the check fails with that reason without reading anything.
 */
export function factsNeeded(scorecard: Scorecard, catalogFile: string): FactsNeeded {
  const files = new Set<string>();
  const needed: FactsNeeded = { files: [], docs: false, oncall: false, dependencies: false };
  for (const rule of scorecard.rules) {
    walk(rule.check, (check) => {
      if (check.type === 'file') {
        const resolved = resolveSourcePath(catalogFile, check.source);
        if (resolved.ok) files.add(resolved.path);
      }
      if (check.type === 'docs') needed.docs = true;
      if (check.type === 'oncall') needed.oncall = true;
      if (check.type === 'noDependencyOn') needed.dependencies = true;
    });
  }
  needed.files = [...files].sort();
  return needed;
}
