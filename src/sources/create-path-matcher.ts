import picomatch from 'picomatch';

/**
 * A test for source-relative paths against catalog globs. `!`-patterns exclude, as in .gitignore, so that
 * `['**\/catalog-info.yaml', '!archive/**']` works the same for folders and git repositories. Dotfiles and
 * dot-folders match, since `.backstage/catalog-info.yaml` is a common layout.
 */
export function createPathMatcher(patterns: readonly string[]): (path: string) => boolean {
  const clean = patterns.map((pattern) => pattern.replace(/^\.\//, ''));
  const include = clean.filter((pattern) => !pattern.startsWith('!'));
  const exclude = clean.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1).replace(/^\.\//, ''));
  const isIncluded = include.length > 0 ? picomatch(include, { dot: true }) : () => false;
  const isExcluded = exclude.length > 0 ? picomatch(exclude, { dot: true }) : () => false;
  return (path) => isIncluded(path) && !isExcluded(path);
}
