import type { ChildProcessWithoutNullStreams } from 'node:child_process';
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

  it('rejects reads asked after close instead of starting a git process nobody will end', async () => {
    const reader = new GitObjectReader(remote.bareDir);
    await reader.read('main:f/1.yaml');
    await reader.close();
    await expect(reader.read('main:f/2.yaml')).rejects.toThrow(/closed/);
  });

  it('sends the reads asked in one tick to git as one write', async () => {
    const reader = new GitObjectReader(remote.bareDir);
    const first = reader.read('main:f/0.yaml');
    const stdin = childOf(reader).stdin;
    const writes: string[] = [];
    const write = stdin.write.bind(stdin) as (chunk: string) => boolean;
    stdin.write = ((chunk: string) => (writes.push(chunk), write(chunk))) as typeof stdin.write;
    const rest = Object.keys(files)
      .slice(1)
      .map((path) => reader.read(`main:${path}`));
    await Promise.all([first, ...rest]);
    expect(writes).toHaveLength(1);
    expect(writes[0]?.split('\n').filter(Boolean)).toHaveLength(300);
    await reader.close();
  });

  it('fails only the reads of a git process that died; later reads get a new one', async () => {
    const reader = new GitObjectReader(remote.bareDir);
    await reader.read('main:f/3.yaml');
    const doomed = childOf(reader);
    const lost = [reader.read('main:f/4.yaml'), reader.read('main:f/5.yaml')];
    doomed.kill('SIGKILL');
    for (const read of lost) await expect(read).rejects.toThrow(/git cat-file exited/);
    const again = await reader.read('main:f/6.yaml');
    expect(again?.content.toString('utf8')).toBe(files['f/6.yaml']);
    expect(childOf(reader)).not.toBe(doomed);
    await reader.close();
  });
});

/** The git child of a reader, for tests that watch or break the process itself. */
function childOf(reader: GitObjectReader): ChildProcessWithoutNullStreams {
  const session = (reader as unknown as { session?: { child: ChildProcessWithoutNullStreams } }).session;
  if (!session) throw new Error('reader has no git process');
  return session.child;
}
