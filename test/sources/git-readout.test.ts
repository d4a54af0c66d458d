import { describe, expect, it } from 'vitest';
import { GitReadout, type GitReadoutInit } from '../../src/sources/git/git-readout.ts';
import { BatchOutputParser, type GitObject } from '../../src/sources/git/parse-batch-output.ts';

function createReadout(overrides: Partial<GitReadoutInit> = {}): GitReadout {
  return new GitReadout({
    commit: 'c0ffee',
    branch: 'main',
    displayUrl: 'https://github.com/acme/catalog.git',
    webBase: 'https://github.com/acme/catalog',
    gitDir: '/nonexistent',
    patterns: ['**/catalog-info.yaml'],
    paths: [],
    fetched: true,
    ensureCommit: async () => {},
    gitOptions: { timeoutMs: 1000 },
    ...overrides,
  });
}

describe('GitReadout.resolve', () => {
  const readout = createReadout();
  it.each([
    ['services/a/catalog-info.yaml', './api.yaml', { path: 'services/a/api.yaml' }],
    ['services/a/catalog-info.yaml', '../b/catalog-info.yaml', { path: 'services/b/catalog-info.yaml' }],
    ['services/a/catalog-info.yaml', '/teams/catalog-info.yaml', { path: 'teams/catalog-info.yaml' }],
    ['catalog-info.yaml', 'https://example.com/x.yaml', { url: 'https://example.com/x.yaml' }],
    ['catalog-info.yaml', 'https://github.com/acme/catalog/blob/main/docs/a%20b.yaml', { path: 'docs/a b.yaml' }],
    ['catalog-info.yaml', 'https://github.com/acme/catalog/tree/main/teams/x.yaml?plain=1', { path: 'teams/x.yaml' }],
    ['catalog-info.yaml', 'https://github.com/acme/catalog/blob/dev/x.yaml', { url: 'https://github.com/acme/catalog/blob/dev/x.yaml' }],
    ['catalog-info.yaml', 'https://github.com/acme/other/blob/main/x.yaml', { url: 'https://github.com/acme/other/blob/main/x.yaml' }],
  ])('from %s, %s → %j', (from, target, expected) => {
    expect(readout.resolve(from, target)).toEqual(expected);
  });

  it('refuses to climb out of the repository and unknown schemes', () => {
    expect(readout.resolve('a/catalog-info.yaml', '../../etc/passwd')).toEqual({
      error: 'target "../../etc/passwd" resolves outside the repository https://github.com/acme/catalog.git',
    });
    expect(readout.resolve('a.yaml', 'file:///etc/passwd')).toHaveProperty('error');
  });
});

describe('GitReadout display', () => {
  it('shows repo@branch:path and github blob URLs', () => {
    const readout = createReadout({ branch: 'release/2.0' });
    expect(readout.displayPath('a/catalog-info.yaml')).toBe('https://github.com/acme/catalog.git@release/2.0:a/catalog-info.yaml');
    expect(readout.urlOf('a b/x.yaml')).toBe('https://github.com/acme/catalog/blob/release/2.0/a%20b/x.yaml');
    expect(createReadout({ webBase: undefined }).urlOf('x.yaml')).toBeUndefined();
    expect(readout.urlOf('')).toBe('https://github.com/acme/catalog/tree/release/2.0');
    expect(readout.editUrlOf('a b/x.yaml')).toBe('https://github.com/acme/catalog/edit/release/2.0/a%20b/x.yaml');
    expect(createReadout({ webBase: undefined }).editUrlOf('x.yaml')).toBeUndefined();
    expect(readout.displayPath('')).toBe('https://github.com/acme/catalog.git@release/2.0');
    expect(readout.versionCoversEveryFile).toBe(true);
  });
});

describe('BatchOutputParser', () => {
  it('splits answers whatever the chunk boundaries', () => {
    const blob = (id: string, body: string): string => `${id} blob ${Buffer.byteLength(body)}\n${body}\n`;
    const stream = Buffer.from(
      blob('a'.repeat(40), 'hello\nworld') + 'HEAD:nope missing\n' + blob('b'.repeat(40), '') + blob('c'.repeat(40), 'ü'.repeat(5000)),
    );
    for (const size of [1, 7, 64, stream.length]) {
      const objects: (GitObject | undefined)[] = [];
      const parser = new BatchOutputParser((object) => objects.push(object));
      for (let at = 0; at < stream.length; at += size) parser.push(stream.subarray(at, at + size));
      expect(objects.map((o) => o?.content.toString('utf8'))).toEqual(['hello\nworld', undefined, '', 'ü'.repeat(5000)]);
      expect(objects[0]?.id).toBe('a'.repeat(40));
    }
  });
});
