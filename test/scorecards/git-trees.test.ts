import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitTrees } from '../../src/scorecards/git-trees.ts';
import { GitObjectReader } from '../../src/sources/git/git-object-reader.ts';

let repo: string;
let reader: GitObjectReader;

const git = (...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@callboard.invalid', ...args], { cwd: repo, encoding: 'utf8' }).trim();

const write = (path: string, text: string): void => {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
};

const commit = (): string => {
  git('add', '-A');
  git('commit', '--quiet', '--allow-empty', '-m', 'change');
  return git('rev-parse', 'HEAD');
};

/** What `git diff --name-only --no-renames` says, the answer changedPaths must give. */
const gitDiff = (from: string, to: string): string[] => git('diff', '--name-only', '--no-renames', '-z', from, to).split('\u0000').filter(Boolean).sort();

const changedPaths = async (from: string, to: string): Promise<string[]> =>
  [...(await createGitTrees((name) => reader.read(name)).changedPaths(from, to))].sort();

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'callboard-git-trees-'));
  git('init', '--quiet', '--initial-branch=main');
  reader = new GitObjectReader(join(repo, '.git'));
  for (let i = 0; i < 30; i++) write(`services/svc-${i}/README.md`, `# ${i}\n`);
  write('foo.txt', 'a file sorted after the folder foo in git’s order\n');
  write('foo/bar.md', 'in a folder\n');
  write('foo-bar', 'dash\n');
  write('café/menu.md', 'unicode\n');
  write('script.sh', 'echo\n');
  write('root.md', 'root\n');
});

afterEach(async () => {
  await reader.close();
  rmSync(repo, { recursive: true, force: true });
});

describe('changedPaths through cat-file', () => {
  it('gives the paths git diff gives for edits, additions and removals in a big folder', async () => {
    const from = commit();
    write('services/svc-7/README.md', '# seven, edited\n');
    write('services/svc-30/README.md', '# new\n');
    rmSync(join(repo, 'services/svc-3'), { recursive: true });
    write('café/menu.md', 'unicode, edited\n');
    const to = commit();
    expect(await changedPaths(from, to)).toEqual(gitDiff(from, to));
    expect(await changedPaths(from, to)).toEqual(['café/menu.md', 'services/svc-3/README.md', 'services/svc-30/README.md', 'services/svc-7/README.md']);
    expect(await changedPaths(to, from)).toEqual(gitDiff(to, from));
  });

  it('follows a file replaced by a folder (and back), a mode change and a symlink, names that sort around a folder included', async () => {
    const from = commit();
    rmSync(join(repo, 'root.md'));
    write('root.md/inside.md', 'now a folder\n');
    chmodSync(join(repo, 'script.sh'), 0o755);
    symlinkSync('foo.txt', join(repo, 'link'));
    write('foo.txt', 'edited\n');
    write('foo.a', 'sorts before foo/ but after foo\n');
    const to = commit();
    expect(await changedPaths(from, to)).toEqual(gitDiff(from, to));
    expect(await changedPaths(to, from)).toEqual(gitDiff(to, from));
  });

  it('gives nothing for the same commit, and fails for a commit the repository lacks (which hasCommit says)', async () => {
    const head = commit();
    expect(await changedPaths(head, head)).toEqual([]);
    await expect(changedPaths(head, 'f'.repeat(40))).rejects.toThrow(/no commit/);
    const trees = createGitTrees((name) => reader.read(name));
    expect(await trees.hasCommit(head)).toBe(true);
    expect(await trees.hasCommit('f'.repeat(40))).toBe(false);
    expect(await trees.hasCommit(git('rev-parse', `${head}^{tree}`))).toBe(false);
  });
});

describe('entryAt', () => {
  it('finds files and folders at a commit, and nothing where there is none', async () => {
    const head = commit();
    const trees = createGitTrees((name) => reader.read(name));
    const readme = await trees.entryAt(head, 'services/svc-12/README.md');
    expect(readme).toEqual({ mode: '100644', id: git('rev-parse', `${head}:services/svc-12/README.md`) });
    expect(await trees.entryAt(head, 'café/menu.md')).toMatchObject({ mode: '100644' });
    expect(await trees.entryAt(head, 'services/svc-12')).toMatchObject({ mode: '40000' });
    expect(await trees.entryAt(head, 'services/svc-12/LICENSE')).toBeUndefined();
    expect(await trees.entryAt(head, 'nowhere/README.md')).toBeUndefined();
    expect(await trees.entryAt(head, 'root.md/README.md')).toBeUndefined();
  });
});
