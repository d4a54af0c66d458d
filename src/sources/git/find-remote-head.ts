import { SourceUnavailableError } from '../../core/errors.ts';
import { runGit, type RunGitOptions } from './run-git.ts';

/** The branch a source follows and the commit it points at right now on the remote. */
export interface RemoteHead {
  /** Branch name, or `HEAD` when the remote's HEAD is detached. */
  branch: string;
  commit: string;
}

/**
 * Asks the remote where `branch` (or its default branch) points, without fetching anything. This is the
 * cheap question every sync asks first: an unchanged commit means nothing to do.
 */
export async function findRemoteHead(url: string, branch: string | undefined, options: RunGitOptions): Promise<RemoteHead> {
  const ref = branch === undefined ? 'HEAD' : `refs/heads/${branch}`;
  const args = branch === undefined ? ['ls-remote', '--symref', '--', url, 'HEAD'] : ['ls-remote', '--', url, ref];
  const output = (await runGit(args, options)).toString('utf8');
  const commit = findRefCommit(output, ref);
  if (commit === undefined) {
    const what = branch === undefined ? 'default branch (HEAD)' : `branch "${branch}"`;
    throw new SourceUnavailableError(`the git repository has no ${what}; check the branch name in callboard.yaml`);
  }
  return { branch: branch ?? findSymrefBranch(output) ?? 'HEAD', commit };
}

/** ls-remote matches patterns by suffix, so pick the line whose ref is exactly the one we asked for. */
function findRefCommit(output: string, ref: string): string | undefined {
  for (const line of output.split('\n')) {
    const [commit, name] = line.split('\t');
    if (name === ref && commit && /^[0-9a-f]{40,64}$/.test(commit)) return commit;
  }
  return undefined;
}

function findSymrefBranch(output: string): string | undefined {
  const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(output);
  return match?.[1];
}
