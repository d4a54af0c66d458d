import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listGitTree } from '../../src/sources/git/list-git-tree.ts';
import { runTestGit, TestGitRemote } from '../helpers/git-repo.ts';

describe('listGitTree', () => {
  let remote: TestGitRemote;

  beforeAll(async () => {
    remote = await TestGitRemote.create();
    await symlink('catalog-info.yaml', join(remote.workDir, 'link.yaml'));
    await runTestGit(remote.workDir, ['add', 'link.yaml']);
    await remote.commit({
      'catalog-info.yaml': 'a\n',
      'équipe/spaced name.yaml': 'b\n',
      'tab\there/new\nline.yaml': 'c\n',
      'deep/er/x.yaml': 'd\n',
    });
  }, 30_000);

  afterAll(() => remote.cleanup());

  it('lists regular files with their blob ids, any bytes in their paths, and leaves symlinks out', async () => {
    const files = await listGitTree(remote.bareDir, 'main', [], { timeoutMs: 10_000 });
    const paths = files.map((file) => file.path).sort();
    expect(paths).toEqual(['catalog-info.yaml', 'deep/er/x.yaml', 'tab\there/new\nline.yaml', 'équipe/spaced name.yaml']);
    const blob = await runTestGit(remote.bareDir, ['rev-parse', 'main:équipe/spaced name.yaml']);
    expect(files.find((file) => file.path === 'équipe/spaced name.yaml')?.blob).toBe(blob);
  });

  it('lists only under the given folders', async () => {
    const files = await listGitTree(remote.bareDir, 'main', ['deep'], { timeoutMs: 10_000 });
    expect(files.map((file) => file.path)).toEqual(['deep/er/x.yaml']);
  });
});
