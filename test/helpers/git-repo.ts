import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Files to write (string content) or delete (null), by repository path. */
export type FileChanges = Record<string, string | null>;

/** Runs git for a test, with a fixed identity and no dependence on the machine's git config. */
export async function runTestGit(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', ['-c', 'user.name=Callboard Test', '-c', 'user.email=test@callboard.invalid', ...args], {
    cwd,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' },
  });
  return stdout.trim();
}

/**
 * A real git remote for tests: a bare repository (what GitSource fetches from) plus a working clone that
 * commits and pushes to it. Everything lives in one temp folder removed by `cleanup()`.
 */
export class TestGitRemote {
  private constructor(
    readonly root: string,
    readonly bareDir: string,
    readonly workDir: string,
  ) {}

  /** file:// URL of the bare repository. */
  get url(): string {
    return pathToFileURL(this.bareDir).href;
  }

  static async create(defaultBranch = 'main'): Promise<TestGitRemote> {
    const root = await mkdtemp(join(tmpdir(), 'callboard-git-'));
    const remote = new TestGitRemote(root, join(root, 'remote.git'), join(root, 'work'));
    await runTestGit(root, ['init', '--quiet', '--bare', `--initial-branch=${defaultBranch}`, remote.bareDir]);
    await runTestGit(root, ['init', '--quiet', `--initial-branch=${defaultBranch}`, remote.workDir]);
    await runTestGit(remote.workDir, ['remote', 'add', 'origin', remote.bareDir]);
    return remote;
  }

  /** Applies `changes` in the working clone, commits and pushes the current branch; returns the commit. */
  async commit(changes: FileChanges, message = 'change'): Promise<string> {
    await applyChanges(this.workDir, changes);
    await runTestGit(this.workDir, ['add', '-A']);
    await runTestGit(this.workDir, ['commit', '--quiet', '--allow-empty', '-m', message]);
    await runTestGit(this.workDir, ['push', '--quiet', 'origin', 'HEAD']);
    return runTestGit(this.workDir, ['rev-parse', 'HEAD']);
  }

  /** `git mv` then commit, so git records a rename. */
  async rename(from: string, to: string): Promise<string> {
    await mkdir(dirname(join(this.workDir, to)), { recursive: true });
    await runTestGit(this.workDir, ['mv', from, to]);
    return this.commit({}, `rename ${from} to ${to}`);
  }

  /** Creates (from the current commit) or switches to `branch` in the working clone. */
  async switchBranch(branch: string, create = false): Promise<void> {
    await runTestGit(this.workDir, create ? ['switch', '--quiet', '-c', branch] : ['switch', '--quiet', branch]);
  }

  /** Points the remote's HEAD (its default branch) at `branch`. */
  async setDefaultBranch(branch: string): Promise<void> {
    await runTestGit(this.bareDir, ['symbolic-ref', 'HEAD', `refs/heads/${branch}`]);
  }

  /**
   * Rewrites `branch` from a second clone: a fresh root commit holding only `files`, force-pushed. The old
   * history is gone from the branch, as after `git push --force` of a rebased branch.
   */
  async forcePush(branch: string, files: FileChanges): Promise<string> {
    const other = join(this.root, `rewrite-${Date.now()}`);
    await runTestGit(this.root, ['clone', '--quiet', '--branch', branch, this.bareDir, other]);
    await runTestGit(other, ['checkout', '--quiet', '--orphan', 'rewritten']);
    await runTestGit(other, ['rm', '-r', '--quiet', '-f', '.']);
    await applyChanges(other, files);
    await runTestGit(other, ['add', '-A']);
    await runTestGit(other, ['commit', '--quiet', '-m', 'rewritten history']);
    await runTestGit(other, ['push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${branch}`]);
    await runTestGit(this.workDir, ['fetch', '--quiet', 'origin']);
    await runTestGit(this.workDir, ['reset', '--quiet', '--hard', `origin/${branch}`]);
    return runTestGit(other, ['rev-parse', 'HEAD']);
  }

  /** Moves the bare repository away, as if it were deleted; `restore()` brings it back. */
  async hide(): Promise<void> {
    await rename(this.bareDir, `${this.bareDir}.hidden`);
  }

  async restore(): Promise<void> {
    await rename(`${this.bareDir}.hidden`, this.bareDir);
  }

  async cleanup(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}

/** Writes or deletes files under `dir`, creating folders as needed. */
export async function applyChanges(dir: string, changes: FileChanges): Promise<void> {
  const entries = Object.entries(changes);
  // Batches keep big fixtures (20k files) fast without opening every file at once.
  for (let start = 0; start < entries.length; start += 200) {
    await Promise.all(entries.slice(start, start + 200).map(([path, content]) => applyChange(join(dir, path), content)));
  }
}

async function applyChange(file: string, content: string | null): Promise<void> {
  if (content === null) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
}
