import type { Check, Scorecard } from '../core/scorecards/scorecard.ts';
import type { SourcePath } from '../core/scorecards/resolve-source-path.ts';

const filePathsOf = (check: Check, into: SourcePath[]): SourcePath[] => {
  if (check.type === 'file') into.push(check.source);
  if (check.type === 'all' || check.type === 'any') for (const inner of check.checks) filePathsOf(inner, into);
  if (check.type === 'not') filePathsOf(check.check, into);
  return into;
};

const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

/**
 * The folders (`services/a/`, '' for the root) whose catalog files' entities the changed paths between two commits
 * concern: the folder of every changed path (its catalog file may be the one that changed or moved), and the folder
 * a `file` check reads a changed path from. `all` when a file read from the root changed, or a check climbs with
 * `..` (then any folder may read it).
 */
export function foldersTouched(changed: ReadonlySet<string>, scorecards: readonly Scorecard[]): 'all' | string[] {
  const paths = scorecards.flatMap((scorecard) => scorecard.rules.flatMap((rule) => filePathsOf(rule.check, [])));
  if (paths.some((path) => (path.fromRoot && changed.has(path.joined)) || path.climbs)) return 'all';
  const relative = [...new Set(paths.filter((path) => !path.fromRoot).map((path) => path.joined))];
  const folders = new Set<string>();
  for (const path of changed) {
    folders.add(folderOf(path));
    for (const suffix of relative) {
      if (path === suffix) folders.add('');
      else if (path.endsWith(`/${suffix}`)) folders.add(path.slice(0, path.length - suffix.length));
    }
  }
  return [...folders];
}
