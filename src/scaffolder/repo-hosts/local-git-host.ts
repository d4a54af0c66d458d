import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConflictError, InvalidInputError } from '../../core/errors.ts';
import { runGit } from '../../sources/git/run-git.ts';
import type { CreatedRepo, CreateRepoRequest, PushRequest, RepoCoordinates, RepoHost } from '../repo-host.ts';
import { pushFirstCommit } from './push-first-commit.ts';

/** GitHub's own rule for owner and repository names, which also keeps them single safe path segments. */
const NAME = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$/;

/**
 * The local Git host of a laptop without GITHUB_TOKEN: bare repositories at `<root>/<owner>/<repo>.git`, made
 * with `git init --bare`. The `host` of a repoUrl is not used (github.com?owner=acme&repo=x lands here too).
 *
 * URLs: remoteUrl is the bare repository's path (what `git clone` takes); htmlUrl its file:// URL; repoContentsUrl
 * `<file URL>/blob/<branch>`, GitHub's shape, so `catalog:register` with `repoContentsUrl` + `/catalog-info.yaml`
 * gives `file:///…/<repo>.git/blob/<branch>/catalog-info.yaml`, which the registrar reads as that file on that
 * branch of the bare repository.
 */
export class LocalGitHost implements RepoHost {
  readonly kind = 'local';

  constructor(
    /** config.scaffolder.localGitHost (absolute). */
    private readonly root: string,
    private readonly gitTimeoutMs = 60_000,
  ) {}

  repositoryPath(repo: RepoCoordinates): string {
    for (const [field, value] of [
      ['owner', repo.owner],
      ['repo', repo.repo],
    ] as const) {
      if (!NAME.test(value)) throw new InvalidInputError(`repoUrl ${field} "${value}" is not a repository name (letters, digits, ".", "-", "_")`);
    }
    return join(this.root, repo.owner, `${repo.repo}.git`);
  }

  exists(repo: RepoCoordinates): Promise<boolean> {
    return Promise.resolve(existsSync(this.repositoryPath(repo)));
  }

  /** Creating the folder claims the name: of two runs creating one repository at once, one gets ConflictError. */
  async create(request: CreateRepoRequest): Promise<CreatedRepo> {
    const path = this.repositoryPath(request);
    await mkdir(dirname(path), { recursive: true });
    try {
      await mkdir(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST')
        throw new ConflictError(`${request.owner}/${request.repo} already exists on the local Git host (${path}); choose another name`);
      throw error;
    }
    try {
      // HEAD names the default branch, so a clone (and a git source without `branch`) follows it.
      await runGit(['init', '--quiet', '--bare', '--template=', `--initial-branch=${request.defaultBranch}`, path], { timeoutMs: this.gitTimeoutMs });
      if (request.description) await writeFile(join(path, 'description'), `${request.description}\n`);
    } catch (error) {
      await rm(path, { recursive: true, force: true });
      throw error;
    }
    const htmlUrl = pathToFileURL(path).href;
    return { remoteUrl: path, htmlUrl, repoContentsUrl: `${htmlUrl}/blob/${request.defaultBranch}` };
  }

  push(request: PushRequest): Promise<{ commitHash: string }> {
    return pushFirstCommit(request, { timeoutMs: this.gitTimeoutMs });
  }
}
