import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalPathKind } from './source-config-for-url.ts';

/** A bare repository (HEAD and objects/ at its top, as the local Git host makes them) or a working copy. */
const isGitRepository = (path: string): boolean =>
  existsSync(join(path, '.git')) || (existsSync(join(path, 'HEAD')) && existsSync(join(path, 'objects')) && existsSync(join(path, 'refs')));

/** What a registered local path is: a Git repository, a plain folder, a file, or nothing. */
export const inspectLocalPath = (path: string): LocalPathKind => {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 'missing';
  }
  if (stats.isFile()) return 'file';
  return isGitRepository(path) ? 'git' : 'dir';
};
