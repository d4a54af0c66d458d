import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, type GitSourceConfig } from '../../src/config/load-config.ts';

const gitUrlsAfterLoading = (urls: string[]): { dir: string; urls: string[] } => {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-git-url-'));
  const sources = urls.map((url) => `    - type: git\n      url: "${url}"\n`).join('');
  writeFileSync(join(dir, 'callboard.yaml'), `catalog:\n  sources:\n${sources}`);
  const config = loadConfig({ cwd: dir, env: {} });
  return { dir, urls: config.catalog.sources.map((source) => (source as GitSourceConfig).url) };
};

describe('loadConfig: git remotes against local paths', () => {
  it('keeps scp-style host:path remotes, with or without a user, as written (they were resolved as folders)', () => {
    const remotes = ['git.example.com:acme/repo.git', 'git@github.com:acme/repo.git', 'ssh://git.example.com/acme/repo.git', 'https://github.com/a/b.git'];
    expect(gitUrlsAfterLoading(remotes).urls).toEqual(remotes);
  });

  it('resolves local paths against the config file, a colon after a slash included', () => {
    const { dir, urls } = gitUrlsAfterLoading(['./foo:bar', 'repos/catalog', '/srv/catalog.git']);
    expect(urls).toEqual([join(dir, 'foo:bar'), join(dir, 'repos/catalog'), '/srv/catalog.git']);
  });
});
