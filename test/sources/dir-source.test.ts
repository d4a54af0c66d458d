import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceUnavailableError } from '../../src/core/errors.ts';
import { DirSource } from '../../src/sources/dir-source.ts';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'callboard-dir-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function put(path: string, content: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), content);
}

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

describe('DirSource', () => {
  it('lists matching files sorted with sha1 hashes, skipping node_modules and .git', async () => {
    await put('b/catalog-info.yaml', 'b');
    await put('a/catalog-info.yaml', 'a');
    await put('.backstage/catalog-info.yaml', 'dot');
    await put('node_modules/x/catalog-info.yaml', 'nm');
    await put('.git/catalog-info.yaml', 'git');
    await put('a/README.md', 'readme');
    const readout = await new DirSource({ id: 'dir:t', root }).open({});
    expect(await readout.listFiles()).toEqual([
      { path: '.backstage/catalog-info.yaml', hash: sha1('dot') },
      { path: 'a/catalog-info.yaml', hash: sha1('a') },
      { path: 'b/catalog-info.yaml', hash: sha1('b') },
    ]);
    expect(readout.displayPath('a/catalog-info.yaml')).toBe(join(root, 'a/catalog-info.yaml'));
  });

  it('changes version exactly when a matched file changes', async () => {
    await put('catalog-info.yaml', 'one');
    await put('other.txt', 'x');
    const source = new DirSource({ id: 'dir:t', root, patterns: ['*.yaml'] });
    const first = await source.open({});
    expect((await source.open({})).version).toBe(first.version);
    await put('other.txt', 'y');
    expect((await source.open({})).version).toBe(first.version);
    await put('catalog-info.yaml', 'two');
    // Same size and an old mtime: the cache must not hide the change.
    await utimes(join(root, 'catalog-info.yaml'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    const changed = await source.open({});
    expect(changed.version).not.toBe(first.version);
    expect(await changed.listFiles()).toEqual([{ path: 'catalog-info.yaml', hash: sha1('two') }]);
  });

  it('treats !-patterns as exclusions', async () => {
    await put('a/catalog-info.yaml', 'a');
    await put('archive/old/catalog-info.yaml', 'old');
    const readout = await new DirSource({ id: 'dir:t', root, patterns: ['./**/catalog-info.yaml', '!archive/**'] }).open({});
    expect((await readout.listFiles()).map((file) => file.path)).toEqual(['a/catalog-info.yaml']);
  });

  it('reads files, and refuses missing ones and paths outside the folder', async () => {
    await put('a/catalog-info.yaml', 'x');
    await put('a/docs/api.yaml', 'openapi');
    const outside = await mkdtemp(join(tmpdir(), 'callboard-outside-'));
    await writeFile(join(outside, 'secret.txt'), 'secret');
    await symlink(join(outside, 'secret.txt'), join(root, 'a/link.txt'));
    await mkdir(join(root, 'b'));
    await symlink(join(outside, 'secret.txt'), join(root, 'b/catalog-info.yaml'));
    const readout = await new DirSource({ id: 'dir:t', root }).open({});
    expect((await readout.listFiles()).map((file) => file.path)).toEqual(['a/catalog-info.yaml']);
    expect(await readout.readFile('a/docs/api.yaml')).toEqual({ content: Buffer.from('openapi'), hash: sha1('openapi') });
    expect(await readout.readFile('a/missing.yaml')).toBeUndefined();
    expect(await readout.readFile('a')).toBeUndefined();
    expect(await readout.readFile('../outside.txt')).toBeUndefined();
    expect(await readout.readFile('a/link.txt')).toBeUndefined();
    await rm(outside, { recursive: true, force: true });
  });

  it('resolves targets inside the folder and rejects those outside', async () => {
    const readout = await new DirSource({ id: 'dir:t', root }).open({});
    const from = 'teams/a/catalog-info.yaml';
    expect(readout.resolve(from, './api.yaml')).toEqual({ path: 'teams/a/api.yaml' });
    expect(readout.resolve(from, '../b/catalog-info.yaml')).toEqual({ path: 'teams/b/catalog-info.yaml' });
    expect(readout.resolve(from, 'x/y.yaml')).toEqual({ path: 'teams/a/x/y.yaml' });
    expect(readout.resolve(from, 'https://example.com/a.yaml')).toEqual({ url: 'https://example.com/a.yaml' });
    expect(readout.resolve(from, join(root, 'z.yaml'))).toEqual({ path: 'z.yaml' });
    expect(readout.resolve(from, pathToFileURL(join(root, 'q/z.yaml')).href)).toEqual({ path: 'q/z.yaml' });
    expect(readout.resolve('a/catalog-info.yaml', '../../etc/passwd')).toEqual({
      error: `target "../../etc/passwd" resolves outside the source folder ${root}`,
    });
    expect(readout.resolve(from, '/etc/passwd')).toHaveProperty('error');
    expect(readout.resolve(from, 'file:///etc/passwd')).toHaveProperty('error');
    expect(readout.resolve(from, 'ftp://example.com/a.yaml')).toHaveProperty('error');
  });

  it('reports a missing folder as unavailable', async () => {
    const source = new DirSource({ id: 'dir:gone', root: join(root, 'nope') });
    await expect(source.open({})).rejects.toBeInstanceOf(SourceUnavailableError);
    await expect(source.open({})).rejects.toThrow(/does not exist/);
  });

  it('requires an absolute root', () => {
    expect(() => new DirSource({ id: 'dir:rel', root: 'relative/path' })).toThrow(/absolute/);
  });
});
