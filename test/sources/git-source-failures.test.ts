import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError, SourceUnavailableError } from '../../src/core/errors.ts';
import { GitSource } from '../../src/sources/git-source.ts';
import { TestGitRemote } from '../helpers/git-repo.ts';
import { GitHttpRemote } from '../helpers/git-http-remote.ts';

let remote: TestGitRemote;
let cacheDir: string;

beforeEach(async () => {
  remote = await TestGitRemote.create();
  cacheDir = await mkdtemp(join(tmpdir(), 'callboard-git-cache-'));
});

afterEach(async () => {
  await remote.cleanup();
  await rm(cacheDir, { recursive: true, force: true });
});

describe('GitSource when the remote misbehaves', () => {
  it('reports a repository that disappeared, then recovers when it comes back', async () => {
    await remote.commit({ 'catalog-info.yaml': 'x' });
    const source = new GitSource({ id: 'git:gone', url: remote.url, cacheDir });
    const first = await source.open({});
    await first.close();
    await remote.hide();
    const failure = source.open({ version: first.version });
    await expect(failure).rejects.toBeInstanceOf(SourceUnavailableError);
    await expect(failure).rejects.toThrow(/git source "git:gone".*does not appear to be a git repository/);
    await remote.restore();
    const again = await source.open({ version: first.version });
    expect(again.version).toBe(first.version);
    await again.close();
  });

  it('names a branch that does not exist', async () => {
    await remote.commit({ 'catalog-info.yaml': 'x' });
    const source = new GitSource({ id: 'git:nobranch', url: remote.url, branch: 'nope', cacheDir });
    await expect(source.open({})).rejects.toThrow(/has no branch "nope"; check the branch name/);
    await expect(source.open({})).rejects.toBeInstanceOf(SourceUnavailableError);
  });

  it('sends the token as a header and never shows it in the error', async () => {
    const server = await GitHttpRemote.start('unauthorized');
    try {
      const token = 'ghp_s3cretTokenValue';
      const source = new GitSource({ id: 'git:auth', url: `${server.origin}/acme/catalog.git`, token, cacheDir });
      const error = await source.open({}).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SourceUnavailableError);
      const message = (error as Error).message;
      expect(message).not.toContain(token);
      expect(message).not.toContain(Buffer.from(`x-access-token:${token}`).toString('base64'));
      expect(message).toContain(`${server.origin}/acme/catalog.git`);
      const basic = `Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
      expect(server.requests.some((headers) => headers.authorization === basic)).toBe(true);
    } finally {
      await server.stop();
    }
  });

  it('gives up on a silent remote after timeoutMs', async () => {
    const server = await GitHttpRemote.start('hang');
    try {
      const source = new GitSource({ id: 'git:slow', url: `${server.origin}/acme/catalog.git`, cacheDir, timeoutMs: 500 });
      const started = performance.now();
      await expect(source.open({})).rejects.toThrow(/no answer within 500 ms/);
      expect(performance.now() - started).toBeLessThan(5000);
    } finally {
      await server.stop();
    }
  });

  it('rejects option values git would misread', () => {
    expect(() => new GitSource({ id: 'x', url: '--upload-pack=touch /tmp/x', cacheDir })).toThrow(InvalidInputError);
    expect(() => new GitSource({ id: 'x', url: remote.url, branch: '-f', cacheDir })).toThrow(/not a valid branch name/);
    expect(() => new GitSource({ id: 'x', url: remote.url, branch: 'a..b', cacheDir })).toThrow(InvalidInputError);
    expect(() => new GitSource({ id: 'x', url: remote.url, paths: ['../up'], cacheDir })).toThrow(/inside the repository/);
    expect(() => new GitSource({ id: 'x', url: remote.url, branch: 'feature/new-catalog', cacheDir })).not.toThrow();
  });

  it('refuses transports that run commands', async () => {
    const source = new GitSource({ id: 'git:ext', url: 'ext::sh -c touch% /tmp/callboard-pwned', cacheDir });
    await expect(source.open({})).rejects.toThrow(/transport 'ext' not allowed|unsupported|not allowed/);
  });
});
