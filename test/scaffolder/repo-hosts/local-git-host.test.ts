import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, InvalidInputError } from '../../../src/core/errors.ts';
import { LocalGitHost } from '../../../src/scaffolder/repo-hosts/local-git-host.ts';
import type { CreateRepoRequest } from '../../../src/scaffolder/repo-host.ts';
import { runTestGit } from '../../helpers/git-repo.ts';

let root: string;
let host: LocalGitHost;
let workspace: string;

const request = (repo: string, extra: Partial<CreateRepoRequest> = {}): CreateRepoRequest => ({
  host: 'github.com',
  owner: 'acme',
  repo,
  visibility: 'private',
  defaultBranch: 'main',
  topics: [],
  collaborators: [],
  ...extra,
});

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'callboard-local-host-'));
  host = new LocalGitHost(join(root, 'repos'));
  workspace = join(root, 'workspace');
  mkdirSync(join(workspace, 'src'), { recursive: true });
  writeFileSync(join(workspace, 'catalog-info.yaml'), 'kind: Component\n');
  writeFileSync(join(workspace, 'src/index.ts'), 'export {};\n');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('LocalGitHost', () => {
  it('creates a bare repository under <root>/<owner>/<repo>.git and pushes the first commit there', async () => {
    expect(await host.exists(request('new-service'))).toBe(false);
    const created = await host.create(request('new-service', { description: 'A new service' }));
    const bare = join(root, 'repos/acme/new-service.git');
    expect(created).toEqual({
      remoteUrl: bare,
      htmlUrl: pathToFileURL(bare).href,
      repoContentsUrl: `${pathToFileURL(bare).href}/blob/main`,
    });
    expect(await host.exists(request('new-service'))).toBe(true);
    expect(await runTestGit(bare, ['rev-parse', '--is-bare-repository'])).toBe('true');
    expect(await runTestGit(bare, ['symbolic-ref', 'HEAD'])).toBe('refs/heads/main');

    const author = { name: 'Ada Lovelace', email: 'ada@example.com' };
    const { commitHash } = await host.push({
      sourceDir: workspace,
      remoteUrl: created.remoteUrl,
      defaultBranch: 'main',
      commitMessage: 'initial commit',
      author,
    });
    expect(await runTestGit(bare, ['log', '--format=%H|%an|%ae|%s', 'main'])).toBe(`${commitHash}|Ada Lovelace|ada@example.com|initial commit`);
    expect((await runTestGit(bare, ['ls-tree', '-r', '--name-only', 'main'])).split('\n')).toEqual(['catalog-info.yaml', 'src/index.ts']);
    // The commit is made in a separate git dir: the workspace stays as the steps left it.
    expect(existsSync(join(workspace, '.git'))).toBe(false);
  });

  it('refuses a repository that exists, and names outside one folder level', async () => {
    await host.create(request('taken'));
    await expect(host.create(request('taken'))).rejects.toThrow(ConflictError);
    await expect(host.create(request('..'))).rejects.toThrow(InvalidInputError);
    await expect(host.create(request('a/b'))).rejects.toThrow(InvalidInputError);
    await expect(host.create({ ...request('x'), owner: '../etc' })).rejects.toThrow(/owner "..\/etc"/);
  });

  it('refuses a bad branch name before running git, and reports a push to a missing remote', async () => {
    await expect(
      host.push({ sourceDir: workspace, remoteUrl: join(root, 'nope.git'), defaultBranch: 'a..b', commitMessage: 'm', author: { name: 'a', email: 'b' } }),
    ).rejects.toThrow(/defaultBranch "a..b"/);
    await expect(
      host.push({ sourceDir: workspace, remoteUrl: join(root, 'nope.git'), defaultBranch: 'main', commitMessage: 'm', author: { name: 'a', email: 'b' } }),
    ).rejects.toThrow(/git could not push branch "main"/);
  });
});
