import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitObjectReader } from '../../src/sources/git/git-object-reader.ts';
import { runTestGit, TestGitRemote } from '../helpers/git-repo.ts';

describe('GitObjectReader', () => {
  let remote: TestGitRemote;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    remote = await TestGitRemote.create();
    for (let index = 0; index < 300; index += 1) files[`f/${index}.yaml`] = `name: file-${index}\n${'x'.repeat(index * 7)}\n`;
    await remote.commit(files);
  }, 30_000);

  afterAll(() => remote.cleanup());

  it('answers hundreds of reads asked at once, each with its own object', async () => {
    const reader = new GitObjectReader(remote.bareDir);
    const paths = Object.keys(files);
    const objects = await Promise.all(paths.map((path) => reader.read(`main:${path}`)));
    expect(objects.map((object) => object?.content.toString('utf8'))).toEqual(paths.map((path) => files[path]));
    const blobIds = await Promise.all(paths.slice(0, 3).map((path) => runTestGit(remote.bareDir, ['rev-parse', `main:${path}`])));
    expect(objects.slice(0, 3).map((object) => object?.id)).toEqual(blobIds);
    await reader.close();
  });

  it('answers reads asked just before close, and undefined for what git does not have', async () => {
    const reader = new GitObjectReader(remote.bareDir);
    const reads = [reader.read('main:f/1.yaml'), reader.read('main:no/such/file.yaml'), reader.read('main:f/2.yaml')];
    await reader.close();
    const [first, missing, second] = await Promise.all(reads);
    expect(first?.content.toString('utf8')).toBe(files['f/1.yaml']);
    expect(missing).toBeUndefined();
    expect(second?.content.toString('utf8')).toBe(files['f/2.yaml']);
  });
});
