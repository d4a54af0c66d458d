import { factsNeeded } from '../core/scorecards/facts-needed.ts';
import type { Check, Scorecard } from '../core/scorecards/scorecard.ts';
import type { SourcePath } from '../core/scorecards/resolve-source-path.ts';

const filePathsOf = (check: Check, into: SourcePath[]): SourcePath[] => {
  if (check.type === 'file') into.push(check.source);
  if (check.type === 'all' || check.type === 'any') for (const inner of check.checks) filePathsOf(inner, into);
  if (check.type === 'not') filePathsOf(check.check, into);
  return into;
};

/** A catalog file path that needs normalising before its folder can be sliced off (as resolve-source-path.ts says). */
const UNTIDY = /(^|\/)\.{1,2}(\/|$)|\/\/|^\//;

/**
 * Whether the changed paths between two commits concern an entity read from `catalogFile`: its catalog file, or a
 * file one of the scorecards' `file` checks reads for it. The common case (paths from the root, or below the catalog
 * file's folder) is a few set lookups per entity; a path that climbs with `..` asks factsNeeded.
 */
export function touchedByChange(changed: ReadonlySet<string>, scorecards: readonly Scorecard[]): (catalogFile: string) => boolean {
  const paths = scorecards.flatMap((scorecard) => scorecard.rules.flatMap((rule) => filePathsOf(rule.check, [])));
  // A file every entity reads from the root changed: every entity is concerned.
  if (paths.some((path) => path.fromRoot && changed.has(path.joined))) return () => true;
  const relative = [...new Set(paths.filter((path) => !path.fromRoot && !path.climbs).map((path) => path.joined))];
  const climbs = paths.some((path) => path.climbs);
  return (catalogFile) => {
    if (changed.has(catalogFile)) return true;
    if (climbs || UNTIDY.test(catalogFile)) {
      return scorecards.some((scorecard) => factsNeeded(scorecard, catalogFile).files.some((path) => changed.has(path)));
    }
    const folder = catalogFile.slice(0, catalogFile.lastIndexOf('/') + 1);
    return relative.some((path) => changed.has(folder + path));
  };
}
