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
export async function listGitTree(gitDir: string, commit: string, paths: readonly string[], options: RunGitOptions): Promise<GitTreeFile[]> {
  const args = [`--git-dir=${gitDir}`, 'ls-tree', '-r', '-z', '--full-tree', commit, '--', ...paths];
  const output = await runGit(args, options);
  const files: GitTreeFile[] = [];
  // Entries are decoded one by one from the bytes: strings split from one big string are slices that
  // keep all of it alive (10 MB for 100k files) for as long as any path is kept.
  for (let start = 0; start < output.length;) {
    const end = output.indexOf(0, start);
    const file = parseTreeEntry(output, start, end < 0 ? output.length : end);
    if (file) files.push(file);
    start = end < 0 ? output.length : end + 1;
  }
  return files;
}

const TAB = 0x09;
const SPACE = 0x20;

/** `<mode> SP <type> SP <object> TAB <path>`, paths unquoted thanks to -z. */
function parseTreeEntry(output: Buffer, start: number, end: number): GitTreeFile | undefined {
  const tab = output.indexOf(TAB, start);
  const typeStart = output.indexOf(SPACE, start) + 1;
  const blobStart = output.indexOf(SPACE, typeStart) + 1;
  if (tab < 0 || tab >= end || typeStart === 0 || blobStart === 0 || blobStart > tab) return undefined;
  const mode = output.toString('latin1', start, typeStart - 1);
  const type = output.toString('latin1', typeStart, blobStart - 1);
  if (type !== 'blob' || (mode !== '100644' && mode !== '100755')) return undefined;
  return { path: output.toString('utf8', tab + 1, end), blob: output.toString('latin1', blobStart, tab) };
}
