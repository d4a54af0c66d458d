import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceReadout } from '../../src/core/ports.ts';
import { GitSource, type GitSourceOptions } from '../../src/sources/git-source.ts';
import { TestGitRemote, runTestGit } from '../helpers/git-repo.ts';

let remote: TestGitRemote;
let cacheDir: string;
const readouts: SourceReadout[] = [];

beforeEach(async () => {
  remote = await TestGitRemote.create();
  cacheDir = await mkdtemp(join(tmpdir(), 'callboard-git-cache-'));
});

afterEach(async () => {
  await Promise.all(readouts.splice(0).map((readout) => readout.close()));
  await remote.cleanup();
  await rm(cacheDir, { recursive: true, force: true });
});

function createSource(options: Partial<GitSourceOptions> = {}): GitSource {
  return new GitSource({ id: 'git:test', url: remote.url, cacheDir, ...options });
}

async function openSource(source: GitSource, version?: string): Promise<SourceReadout> {
  const readout = await source.open({ version });
  readouts.push(readout);
  return readout;
}

async function listPaths(readout: SourceReadout): Promise<string[]> {
  return (await readout.listFiles()).map((file) => file.path);
}

async function readText(readout: SourceReadout, path: string): Promise<string | undefined> {
  return (await readout.readFile(path))?.content.toString('utf8');
}

const blobOf = (path: string): Promise<string> => runTestGit(remote.workDir, ['rev-parse', `HEAD:${path}`]);

describe('GitSource', () => {
  it('lists the files matching the patterns with their blob ids, at the commit of the default branch', async () => {
    const commit = await remote.commit({
      'catalog-info.yaml': 'kind: System\n',
      'services/a/catalog-info.yaml': 'kind: Component\n',
      'services/a/README.md': '# a\n',
    });
    const readout = await openSource(createSource());
    expect(readout.version).toBe(commit);
    expect(await readout.listFiles()).toEqual([
      { path: 'catalog-info.yaml', hash: await blobOf('catalog-info.yaml') },
      { path: 'services/a/catalog-info.yaml', hash: await blobOf('services/a/catalog-info.yaml') },
    ]);
    const file = await readout.readFile('services/a/catalog-info.yaml');
    expect(file).toEqual({ content: Buffer.from('kind: Component\n'), hash: await blobOf('services/a/catalog-info.yaml') });
    expect(readout.displayPath('catalog-info.yaml')).toBe(`${remote.url}@main:catalog-info.yaml`);
  });

  it('re-opens an unchanged commit without fetching and can still read it', async () => {
    await remote.commit({ 'catalog-info.yaml': 'a\n' });
    const source = createSource();
    const first = (await openSource(source)) as SourceReadout & { fetched: boolean };
    expect(first.fetched).toBe(true);
    const again = (await openSource(source, first.version)) as SourceReadout & { fetched: boolean };
    expect(again.version).toBe(first.version);
    expect(again.fetched).toBe(false);
    expect(await readText(again, 'catalog-info.yaml')).toBe('a\n');
  });

  it('follows added, modified, deleted and renamed files', async () => {
    await remote.commit({ 'a/catalog-info.yaml': 'a1', 'b/catalog-info.yaml': 'b1', 'c/catalog-info.yaml': 'c1' });
    const source = createSource();
    const first = await openSource(source);
    await remote.commit({ 'a/catalog-info.yaml': 'a2', 'b/catalog-info.yaml': null, 'd/catalog-info.yaml': 'd1' });
    const renamed = await remote.rename('c/catalog-info.yaml', 'e/catalog-info.yaml');
    const second = await openSource(source, first.version);
    expect(second.version).toBe(renamed);
    expect(await listPaths(second)).toEqual(['a/catalog-info.yaml', 'd/catalog-info.yaml', 'e/catalog-info.yaml']);
    expect(await readText(second, 'a/catalog-info.yaml')).toBe('a2');
    expect(await readText(second, 'b/catalog-info.yaml')).toBeUndefined();
    const hashes = Object.fromEntries((await second.listFiles()).map((f) => [f.path, f.hash]));
    const before = Object.fromEntries((await first.listFiles()).map((f) => [f.path, f.hash]));
    expect(hashes['e/catalog-info.yaml']).toBe(before['c/catalog-info.yaml']);
  });

  it('switches branch when the configuration names another one', async () => {
    await remote.commit({ 'catalog-info.yaml': 'main\n' });
    await remote.switchBranch('release', true);
    const releaseCommit = await remote.commit({ 'catalog-info.yaml': 'release\n', 'extra/catalog-info.yaml': 'x' });
    const onMain = await openSource(createSource({ branch: 'main' }));
    const onRelease = await openSource(createSource({ branch: 'release' }), onMain.version);
    expect(onRelease.version).toBe(releaseCommit);
    expect(await readText(onRelease, 'catalog-info.yaml')).toBe('release\n');
    expect(onRelease.displayPath('catalog-info.yaml')).toBe(`${remote.url}@release:catalog-info.yaml`);
    await remote.setDefaultBranch('release');
    expect((await openSource(createSource())).version).toBe(releaseCommit);
  });

  it('accepts a force-push that rewrote the history', async () => {
    await remote.commit({ 'catalog-info.yaml': 'old\n', 'old/catalog-info.yaml': 'x' });
    const source = createSource();
    const before = await openSource(source);
    const rewritten = await remote.forcePush('main', { 'catalog-info.yaml': 'new\n' });
    const after = await openSource(source, before.version);
    expect(after.version).toBe(rewritten);
    expect(await listPaths(after)).toEqual(['catalog-info.yaml']);
    expect(await readText(after, 'catalog-info.yaml')).toBe('new\n');
  });

  it('lists only under `paths` but reads any file of the commit', async () => {
    await remote.commit({
      'teams/catalog-info.yaml': 't',
      'services/a/catalog-info.yaml': 'a',
      'other/catalog-info.yaml': 'o',
      'docs/api.yaml': 'openapi: 3.0.0\n',
    });
    const readout = await openSource(createSource({ paths: ['services', '/teams/'] }));
    expect(await listPaths(readout)).toEqual(['services/a/catalog-info.yaml', 'teams/catalog-info.yaml']);
    expect(await readText(readout, 'docs/api.yaml')).toBe('openapi: 3.0.0\n');
    expect(await readText(readout, 'other/catalog-info.yaml')).toBe('o');
    expect(await readText(readout, 'docs/missing.yaml')).toBeUndefined();
    expect(await readText(readout, 'docs')).toBeUndefined();
    expect(await readText(readout, '../outside')).toBeUndefined();
  });

  it('works with a plain local path as the URL', async () => {
    const commit = await remote.commit({ 'catalog-info.yaml': 'x' });
    const readout = await openSource(createSource({ url: remote.bareDir }));
    expect(readout.version).toBe(commit);
    expect(await listPaths(readout)).toEqual(['catalog-info.yaml']);
  });

  it('reads 1,000 files through one cat-file process quickly', async () => {
    const files = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`s/${i}/catalog-info.yaml`, `name: s${i}\n`]));
    await remote.commit(files);
    const started = performance.now();
    const readout = await openSource(createSource());
    const listed = await readout.listFiles();
    const contents = await Promise.all(listed.map((file) => readText(readout, file.path)));
    expect(listed).toHaveLength(1000);
    expect(contents[0]).toBe('name: s0\n');
    expect(new Set(contents).size).toBe(1000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
