import { runGit, type RunGitOptions } from './run-git.ts';

/** A regular file in a commit: its path and blob id (the blob id is a content fingerprint). */
export interface GitTreeFile {
  path: string;
  blob: string;
}

/**
 * Lists every regular file of `commit`, optionally only under `paths`. Symlinks and submodules are left out:
 * their "content" is a link target or another repository.
 */
export async function listGitTree(
  gitDir: string,
  commit: string,
  paths: readonly string[],
  options: RunGitOptions,
): Promise<GitTreeFile[]> {
  const args = [`--git-dir=${gitDir}`, 'ls-tree', '-r', '-z', '--full-tree', commit, '--', ...paths];
  const output = (await runGit(args, options)).toString('utf8');
  const files: GitTreeFile[] = [];
  for (const entry of output.split('\0')) {
    const file = parseTreeEntry(entry);
    if (file) files.push(file);
  }
  return files;
}

/** `<mode> SP <type> SP <object> TAB <path>`, paths unquoted thanks to -z. */
function parseTreeEntry(entry: string): GitTreeFile | undefined {
  const tab = entry.indexOf('\t');
  if (tab < 0) return undefined;
  const [mode, type, blob] = entry.slice(0, tab).split(' ');
  if (type !== 'blob' || blob === undefined || (mode !== '100644' && mode !== '100755')) return undefined;
  return { path: entry.slice(tab + 1), blob };
}
