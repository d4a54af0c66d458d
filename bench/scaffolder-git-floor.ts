// The floor of a whole scaffolder run on the local Git host: the git processes publishing a tree to a new bare
// repository and reading it back for the catalog cannot avoid, run by hand on the same files.
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const git = (...args: string[]) => run('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args]);

/** Milliseconds for init --bare, init, add, commit, push of `tree`, then a shallow clone of what was pushed. */
export const gitFloor = async (tree: string, scratch: string): Promise<number> => {
  mkdirSync(scratch, { recursive: true });
  const bare = join(scratch, 'remote.git');
  const gitDir = join(scratch, 'work.git');
  const work = ['-C', tree, `--git-dir=${gitDir}`, `--work-tree=${tree}`];
  try {
    const started = performance.now();
    await git('init', '--quiet', '--bare', '--template=', '--initial-branch=main', bare);
    await git(...work, 'init', '--quiet', '--template=', '--initial-branch=main');
    await git(...work, 'add', '--all', '--', '.');
    await git(...work, 'commit', '--quiet', '--no-verify', '-m', 'floor');
    await git(...work, 'push', '--quiet', bare, 'HEAD:refs/heads/main');
    await git('clone', '--quiet', '--depth', '1', '--branch', 'main', `file://${bare}`, join(scratch, 'clone'));
    return performance.now() - started;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
};
