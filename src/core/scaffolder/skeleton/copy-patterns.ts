import picomatch from 'picomatch';
import type { SkeletonEntry } from './skeleton-entry.ts';

/**
 * Which skeleton entries `copyWithoutTemplating` names, matched as Backstage's globby call matches them: dotfiles
 * included, `!pattern` excludes, and a pattern that names a folder stands for everything under it.
 */
export function createCopyPatternMatcher(patterns: readonly string[], entries: readonly SkeletonEntry[]): (path: string) => boolean {
  const folders = new Set(entries.filter((entry) => entry.type === 'directory').map((entry) => entry.path.replace(/\/+$/, '')));
  const expand = (pattern: string): string => {
    const clean = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
    return folders.has(clean) ? `${clean}/**` : clean;
  };
  const include = patterns.filter((pattern) => !pattern.startsWith('!')).map(expand);
  const exclude = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => expand(pattern.slice(1)));
  if (include.length === 0) return () => false;
  const isIncluded = picomatch(include, { dot: true });
  const isExcluded = exclude.length > 0 ? picomatch(exclude, { dot: true }) : () => false;
  return (path) => isIncluded(path) && !isExcluded(path);
}
