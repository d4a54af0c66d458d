import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { NotFoundError } from '../../core/errors.ts';
import { GitCommandError, runGit, type RunGitOptions } from '../../sources/git/run-git.ts';
import { runTar } from './run-tar.ts';

/**
 * Parts of one commit of a git mirror, written to a temporary folder as they are asked for (`git archive` of a
 * path, unpacked by tar): a template's folder first, and whatever its `url` inputs name later. Nothing in the
 * mirror changes, so a sync running at the same time is not disturbed.
 */
export class GitCheckout {
  private readonly done = new Set<string>();

  private constructor(
    readonly root: string,
    private readonly gitDir: string,
    private readonly commit: string,
    private readonly options: RunGitOptions,
  ) {}

  /** @throws NotFoundError when the mirror no longer holds the commit (the cache was wiped, or it moved on). */
  static async open(gitDir: string, commit: string, scratchDir: string, options: RunGitOptions): Promise<GitCheckout> {
    try {
      await runGit([`--git-dir=${gitDir}`, 'cat-file', '-e', `${commit}^{commit}`], options);
    } catch {
      throw new NotFoundError(`commit ${commit} is no longer in the local mirror of its git source: run callboard sync, then try again`);
    }
    await mkdir(scratchDir, { recursive: true });
    return new GitCheckout(await mkdtemp(join(scratchDir, 'template-')), gitDir, commit, options);
  }

  /** Writes `path` (a file or folder, source-relative; '' for everything) unless already written; a missing path is left missing. */
  async materialise(path: string): Promise<void> {
    if ([...this.done].some((done) => done === '' || path === done || path.startsWith(`${done}/`))) return;
    const archive = join(this.root, '.archive.tar');
    try {
      await runGit(
        [
          `--git-dir=${this.gitDir}`,
          '--literal-pathspecs',
          'archive',
          '--format=tar',
          `--output=${archive}`,
          this.commit,
          '--',
          ...(path === '' ? [] : [path]),
        ],
        this.options,
      );
    } catch (error) {
      // A path the commit does not have is left missing, for the caller to report; any other failure is real.
      if (error instanceof GitCommandError && /pathspec|did not match/i.test(error.stderr)) return;
      throw error;
    }
    await runTar(['-xf', archive, '-C', this.root]);
    await rm(archive, { force: true });
    this.done.add(path);
  }

  release(): Promise<void> {
    return rm(this.root, { recursive: true, force: true });
  }
}
