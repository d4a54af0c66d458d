import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError, SourceUnavailableError } from '../../core/errors.ts';
import { GitCommandError, runGit, type GitAuth } from '../../sources/git/run-git.ts';
import { redactSecrets, summariseStderr } from '../../sources/git/describe-git-failure.ts';
import { redactUrl } from '../../sources/git/git-remote-url.ts';
import type { PushRequest } from '../repo-host.ts';

export interface PushOptions {
  /** Sent as an http extraheader for this origin only (never in the URL, argv or logs). */
  auth?: GitAuth;
  timeoutMs?: number;
}

const BRANCH_NAME = /^(?!-)(?!.*\.\.)(?!.*\/\/)(?!.*@\{)[^\s~^:?*[\\]+(?<![/.]|\.lock)$/;

const checkRequest = (request: PushRequest): void => {
  if (!BRANCH_NAME.test(request.defaultBranch)) throw new InvalidInputError(`defaultBranch "${request.defaultBranch}" is not a valid Git branch name`);
  if (request.remoteUrl.trim() === '' || request.remoteUrl.startsWith('-'))
    throw new InvalidInputError(`remote "${request.remoteUrl}" is not a Git URL or path`);
  if (request.commitMessage.trim() === '') throw new InvalidInputError('gitCommitMessage is empty; give the first commit a message');
};

/**
 * Makes `sourceDir`'s files the first commit on `defaultBranch` and pushes it, with the real git binary. The
 * repository lives in a temporary git dir, so the workspace gets no `.git` folder and a Retry starts clean.
 * Hooks are off: a skeleton or the machine's config must not run code on the bot's host.
 */
export const pushFirstCommit = async (request: PushRequest, options: PushOptions = {}): Promise<{ commitHash: string }> => {
  checkRequest(request);
  const timeoutMs = options.timeoutMs ?? 120_000;
  const gitDir = await mkdtemp(join(tmpdir(), 'callboard-push-'));
  const base = ['-C', request.sourceDir, `--git-dir=${gitDir}`, `--work-tree=${request.sourceDir}`, '-c', 'core.hooksPath=/dev/null'];
  const identity = ['-c', `user.name=${request.author.name}`, '-c', `user.email=${request.author.email}`, '-c', 'commit.gpgsign=false'];
  let step = 'create the repository';
  try {
    await runGit([...base, 'init', '--quiet', '--template=', `--initial-branch=${request.defaultBranch}`], { timeoutMs });
    step = 'add the files';
    await runGit([...base, 'add', '--all', '--', '.'], { timeoutMs });
    step = 'commit';
    // --author wins over GIT_AUTHOR_* in the bot's environment: the template's gitAuthorName/Email is who wrote it.
    const author = `--author=${request.author.name} <${request.author.email}>`;
    await runGit([...base, ...identity, 'commit', '--quiet', '--no-verify', '--allow-empty', author, '-m', request.commitMessage], { timeoutMs });
    const commitHash = (await runGit([...base, 'rev-parse', 'HEAD'], { timeoutMs })).toString('utf8').trim();
    step = `push branch "${request.defaultBranch}" to ${redactUrl(request.remoteUrl)}`;
    await runGit([...base, 'push', '--quiet', '--no-verify', request.remoteUrl, `HEAD:refs/heads/${request.defaultBranch}`], {
      timeoutMs,
      ...(options.auth ? { auth: options.auth } : {}),
    });
    return { commitHash };
  } catch (error) {
    throw describePushFailure(error, step, options.auth?.token, timeoutMs);
  } finally {
    await rm(gitDir, { recursive: true, force: true });
  }
};

const describePushFailure = (error: unknown, step: string, token: string | undefined, timeoutMs: number): Error => {
  if (!(error instanceof GitCommandError)) return error instanceof Error ? error : new Error(String(error));
  if (error.timedOut) return new SourceUnavailableError(`git could not ${step}: no answer within ${timeoutMs} ms; check the network and the remote`);
  return new SourceUnavailableError(`git could not ${step}: ${summariseStderr(redactSecrets(error.stderr, token))}`);
};
