import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { InvalidInputError, SourceUnavailableError } from '../core/errors.ts';
import type { CatalogSource, PreviousSourceState, SourceReadout } from '../core/ports.ts';
import { describeGitFailure } from './git/describe-git-failure.ts';
import { findGithubWebBase, findHttpsOrigin, redactUrl } from './git/git-remote-url.ts';
import { GitMirror } from './git/git-mirror.ts';
import { GitReadout } from './git/git-readout.ts';
import { findRemoteHead, type RemoteHead } from './git/find-remote-head.ts';
import type { RunGitOptions } from './git/run-git.ts';

/** Options of {@link GitSource}. */
export interface GitSourceOptions {
  id: string;
  /** Any URL git understands: https://, ssh://, git@host:path, file://, or a local path. */
  url: string;
  /** Branch to follow; default: the remote's default branch (its HEAD). */
  branch?: string;
  /** Globs over repository paths; default `['**\/catalog-info.yaml']`. */
  patterns?: readonly string[];
  /** Only list files under these folders (sparse listing of big monorepos). */
  paths?: readonly string[];
  /** Folder for the local bare mirror; one subfolder per source. */
  cacheDir: string;
  /** Token for https remotes, sent as HTTP basic auth through git's environment, never in argv or on disk. */
  token?: string;
  /** Limit for each git command; default 120000. */
  timeoutMs?: number;
}

const defaultPatterns = ['**/catalog-info.yaml'];

/** A catalog in a git repository, fetched shallowly into a local mirror and read with the real git binary. */
export class GitSource implements CatalogSource {
  readonly id: string;
  readonly type = 'git';
  private readonly options: GitSourceOptions;
  private readonly gitOptions: RunGitOptions;
  private readonly mirror: GitMirror;
  private readonly displayUrl: string;
  /** Opens run one at a time: two fetches into one mirror would fight over git's lock files. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: GitSourceOptions) {
    checkGitSourceOptions(options);
    this.id = options.id;
    this.options = options;
    const origin = findHttpsOrigin(options.url);
    const auth = options.token && origin ? { origin, token: options.token } : undefined;
    this.gitOptions = { timeoutMs: options.timeoutMs ?? 120_000, auth };
    this.displayUrl = redactUrl(options.url);
    this.mirror = new GitMirror(join(resolve(options.cacheDir), mirrorFolderName(options)), options.url, this.gitOptions);
  }

  open(previous: PreviousSourceState): Promise<SourceReadout> {
    const opened = this.queue.then(() => this.openNow(previous));
    this.queue = opened.catch(() => undefined);
    return opened;
  }

  private async openNow(previous: PreviousSourceState): Promise<GitReadout> {
    const head = await this.guard('ask the remote for the branch tip', () => findRemoteHead(this.options.url, this.options.branch, this.gitOptions));
    if (head.commit === previous.version) return this.createReadout(head, false);
    const commit = await this.guard(`fetch branch "${head.branch}"`, () => this.mirror.fetchBranch(head.branch));
    return this.createReadout({ branch: head.branch, commit }, true);
  }

  private createReadout(head: RemoteHead, fetched: boolean): GitReadout {
    return new GitReadout({
      ...head,
      displayUrl: this.displayUrl,
      webBase: findGithubWebBase(this.displayUrl),
      gitDir: this.mirror.gitDir,
      patterns: this.options.patterns?.length ? this.options.patterns : defaultPatterns,
      paths: (this.options.paths ?? []).map((path) => path.replace(/^\/+|\/+$/g, '')).filter((path) => path !== ''),
      fetched,
      ensureCommit: () => this.ensureCommit(head),
      gitOptions: this.gitOptions,
    });
  }

  /** An unchanged commit is normally still in the mirror; fetch again only if the cache was wiped. */
  private async ensureCommit(head: RemoteHead): Promise<void> {
    if (await this.mirror.hasCommit(head.commit)) return;
    await this.guard(`fetch branch "${head.branch}"`, () => this.mirror.fetchBranch(head.branch));
    if (await this.mirror.hasCommit(head.commit)) return;
    throw new SourceUnavailableError(`commit ${head.commit} is no longer the tip of branch "${head.branch}" of ${this.displayUrl}; sync again`);
  }

  private async guard<T>(action: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof SourceUnavailableError) {
        throw new SourceUnavailableError(`git source "${this.id}" (${this.displayUrl}): ${error.message}`);
      }
      throw describeGitFailure(error, {
        subject: `git source "${this.id}" (${this.displayUrl})`,
        action,
        token: this.options.token,
        timeoutMs: this.gitOptions.timeoutMs,
      });
    }
  }
}

/** One mirror per source and URL, so changing the URL of a source never reuses a foreign mirror. */
export function mirrorFolderName(options: Pick<GitSourceOptions, 'id' | 'url'>): string {
  const slug = options.id.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60);
  const digest = createHash('sha1').update(options.url).digest('hex').slice(0, 12);
  return `${slug}-${digest}.git`;
}

/** Rejects values git would read as options or that cannot name a branch, before any command runs. */
function checkGitSourceOptions(options: GitSourceOptions): void {
  const problem = findOptionProblem(options);
  if (problem) throw new InvalidInputError(`git source "${options.id}": ${problem}`);
}

function findOptionProblem(options: GitSourceOptions): string | undefined {
  if (options.url.trim() === '' || options.url.startsWith('-')) return `url "${redactUrl(options.url)}" is not a repository URL`;
  const branch = options.branch;
  if (branch !== undefined && !/^(?!-)(?!.*\.\.)(?!.*\/\/)[^\s~^:?*[\\]+(?<![/.])$/.test(branch)) {
    return `branch "${branch}" is not a valid branch name`;
  }
  if (options.paths?.some((path) => path.split('/').includes('..'))) return 'paths must stay inside the repository (no "..")';
  if (options.cacheDir.trim() === '') return 'cacheDir must be a folder';
  return undefined;
}
