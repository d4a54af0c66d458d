import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDocsTree } from '../../src/docs/list-docs-tree.ts';
import { listGitTree } from '../../src/sources/git/list-git-tree.ts';
import { GitObjectReader } from '../../src/sources/git/git-object-reader.ts';
import { runTestGit, TestGitRemote } from '../helpers/git-repo.ts';

describe('listDocsTree', () => {
  let remote: TestGitRemote;
  let reader: GitObjectReader;

  beforeAll(async () => {
    remote = await TestGitRemote.create();
    await symlink('index.md', join(remote.workDir, 'docs-link.md'));
    await runTestGit(remote.workDir, ['add', 'docs-link.md']);
    await remote.commit({
      'docs/index.md': '# Home\n',
      'docs/a-b.md': 'sorted before the folder a/ in git order\n',
      'docs/a/deep/er/page.md': '# Deep\n',
      'docs/équipe/spaced name.md': '# Team\n',
      'docs/tab\there/new\nline.md': 'odd bytes\n',
      'docs/images/flow.png': '\x89PNG',
      'README.md': 'outside the tree\n',
    });
    await runTestGit(remote.workDir, ['mv', 'docs-link.md', 'docs/link.md']);
    await runTestGit(remote.workDir, ['commit', '-m', 'link into docs']);
    await runTestGit(remote.workDir, ['push', 'origin', 'HEAD']);
    reader = new GitObjectReader(remote.bareDir);
  }, 30_000);

  afterAll(async () => {
    await reader.close();
    await remote.cleanup();
  });

  it('lists the files git ls-tree -r lists, in its order, with the same blob ids, without symlinks', async () => {
    const tree = await runTestGit(remote.bareDir, ['rev-parse', 'main:docs']);
    const walked = await listDocsTree((name) => reader.read(name), tree, 'docs/');
    const listed = await listGitTree(remote.bareDir, 'main', ['docs'], { timeoutMs: 10_000 });
    expect(walked).toEqual(listed);
    expect(walked.map((file) => file.path)).toContain('docs/tab\there/new\nline.md');
    expect(walked.map((file) => file.path)).not.toContain('docs/link.md');
  });

  it('reads modes by their type bits as git does: a 100664 file and a zero-padded 040000 folder are listed', async () => {
    const id = (byte: number) => Buffer.alloc(20, byte);
    const entry = (mode: string, name: string, byte: number) => Buffer.concat([Buffer.from(`${mode} ${name}\0`), id(byte)]);
    const trees = new Map([
      ['01'.repeat(20), Buffer.concat([entry('100664', 'old.md', 0xa1), entry('040000', 'padded', 0x02), entry('160000', 'module', 0xa3)])],
      ['02'.repeat(20), entry('100755', 'run.md', 0xa4)],
    ]);
    const read = (name: string) => {
      const content = trees.get(name);
      return Promise.resolve(content && { id: name, type: 'tree' as const, content });
    };
    expect(await listDocsTree(read, '01'.repeat(20), 'docs/')).toEqual([
      { path: 'docs/old.md', blob: 'a1'.repeat(20) },
      { path: 'docs/padded/run.md', blob: 'a4'.repeat(20) },
    ]);
  });

  it('refuses an id that is not a tree', async () => {
    const blob = await runTestGit(remote.bareDir, ['rev-parse', 'main:docs/index.md']);
    await expect(listDocsTree((name) => reader.read(name), blob)).rejects.toThrow(`tree ${blob} is not in the mirror`);
  });
});
