import { isGlobTarget } from '../../core/catalog/glob-target.ts';
import type { LocationTarget } from '../../core/catalog/parse-catalog-file.ts';
import type { SourceReadout } from '../../core/ports.ts';
import { errorProblem, warningProblem, type Problem } from '../../core/problems.ts';

/** A Location target as stored with its file, so unchanged files can be followed without re-reading them. */
export interface StoredTarget {
  path: string;
  presence: 'required' | 'optional';
  line: number;
  column: number;
  entityRef: string;
}

/** A path target ending with a separator names a folder, which Backstage rejects as input (URLs, `scheme:…`, are left to the reader). */
const namesAFolder = (target: string): boolean => !/^[a-z][a-z0-9+.-]+:/i.test(target) && /[/\\]$/.test(target);

export const cannotExpandGlob = (target: string, sourceType: string): string =>
  `Location target "${target}" is a glob, which a ${sourceType} source cannot expand; name the files, or match them with the source's patterns`;

/**
 * Resolves the Location targets of the file at `path` inside its source: what can be followed there, and a
 * problem for each target that cannot (a folder, a glob the source cannot expand, a URL elsewhere, a path
 * out of the source).
 */
export const resolveLocationTargets = (
  readout: SourceReadout,
  sourceType: string,
  path: string,
  locationTargets: readonly LocationTarget[],
  displayPath: string,
): { targets: StoredTarget[]; problems: Problem[] } => {
  const targets: StoredTarget[] = [];
  const problems: Problem[] = [];
  for (const target of locationTargets) {
    const where = { file: displayPath, line: target.line, column: target.column, entityRef: target.entityRef };
    if (namesAFolder(target.target)) {
      problems.push(
        errorProblem(
          `Location target "${target.target}" ends with a path separator; a target names a file, such as "${target.target}catalog-info.yaml"`,
          where,
        ),
      );
      continue;
    }
    const resolved = readout.resolve(path, target.target);
    if ('path' in resolved && isGlobTarget(resolved.path) && !readout.findFiles)
      problems.push(errorProblem(cannotExpandGlob(target.target, sourceType), where));
    else if ('path' in resolved)
      targets.push({ path: resolved.path, presence: target.presence, line: target.line, column: target.column, entityRef: target.entityRef });
    else if ('url' in resolved)
      problems.push(
        warningProblem(`Location target ${resolved.url} is outside this source and is not followed; add it to callboard.yaml as a git or github source`, where),
      );
    else problems.push(errorProblem(`Location target "${target.target}": ${resolved.error}`, where));
  }
  return { targets, problems };
};
