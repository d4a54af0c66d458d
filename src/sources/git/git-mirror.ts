import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runGit, type RunGitOptions } from './run-git.ts';

/**
 * A local bare repository that holds shallow copies of the branches a source follows. Fetched commits land
 * under `refs/callboard/<branch>`; the `+` refspec accepts force-pushes.
 */
export class GitMirror {
  constructor(
    readonly gitDir: string,
    private readonly url: string,
    private readonly options: RunGitOptions,
  ) {}

  /** Fetches the tip of `branch` (depth 1) and returns the commit that arrived. */
  async fetchBranch(branch: string): Promise<string> {
    await this.ensureInitialised();
    const source = branch === 'HEAD' ? 'HEAD' : `refs/heads/${branch}`;
    const local = `refs/callboard/${branch}`;
    await this.git([
      // Keep automatic gc in the foreground so nothing runs on after we return (and races a delete).
      '-c',
      'gc.autoDetach=false',
      '-c',
      'maintenance.autoDetach=false',
      'fetch',
      '--quiet',
      '--no-tags',
      '--no-write-fetch-head',
      '--depth',
      '1',
      '--',
      this.url,
      `+${source}:${local}`,
    ]);
    return (await this.git(['rev-parse', '--verify', '--end-of-options', `${local}^{commit}`])).toString('utf8').trim();
  }

  /** Whether `commit` is already here, so a source re-opened at the same commit can skip the network. */
  async hasCommit(commit: string): Promise<boolean> {
    try {
      await access(join(this.gitDir, 'HEAD'));
      await this.git(['cat-file', '-e', `${commit}^{commit}`]);
      return true;
    } catch {
      return false;
    }
  }

  private async ensureInitialised(): Promise<void> {
    try {
      await access(join(this.gitDir, 'HEAD'));
    } catch {
      await mkdir(this.gitDir, { recursive: true });
      await runGit(['init', '--bare', '--quiet', this.gitDir], this.options);
    }
  }

  private git(args: readonly string[]): Promise<Buffer> {
    return runGit([`--git-dir=${this.gitDir}`, ...args], this.options);
  }
}
