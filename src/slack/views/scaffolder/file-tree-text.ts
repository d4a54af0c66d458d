/**
 * Workspace paths drawn as an indented tree, folders before their files, as the review page shows what the
 * skeleton will produce:
 *
 *     docs/
 *       index.md
 *     catalog-info.yaml
 */
export const fileTreeLines = (paths: readonly string[]): string[] => {
  const lines: string[] = [];
  const printed = new Set<string>();
  for (const path of [...paths].sort(compareTreePaths)) {
    const parts = path.split('/').filter((part) => part.length > 0);
    parts.forEach((part, depth) => {
      const isFile = depth === parts.length - 1;
      const key = parts.slice(0, depth + 1).join('/') + (isFile ? '' : '/');
      if (printed.has(key)) return;
      printed.add(key);
      lines.push(`${'  '.repeat(depth)}${part}${isFile ? '' : '/'}`);
    });
  }
  return lines;
};

/** Folders sort before files at each level, so a folder's files stay under it. */
const compareTreePaths = (a: string, b: string): number => {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] === right[i]) continue;
    const leftIsDir = i < left.length - 1;
    const rightIsDir = i < right.length - 1;
    if (leftIsDir !== rightIsDir) return leftIsDir ? -1 : 1;
    return left[i]! < right[i]! ? -1 : 1;
  }
  return left.length - right.length;
};
