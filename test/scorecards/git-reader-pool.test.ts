import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGitReaderPool, type GitReaderPool } from '../../src/scorecards/git-reader-pool.ts';

let repo: string;
let gitDir: string;
let pool: GitReaderPool;

const git = (...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@callboard.invalid', ...args], { cwd: repo, encoding: 'utf8' }).trim();

const commit = (text: string): string => {
  writeFileSync(join(repo, 'README.md'), text);
  git('add', '-A');
  git('commit', '--quiet', '-m', text);
  return git('rev-parse', 'HEAD');
};

beforeEach(() => {
  // Only the idle timers are faked: the reader's own setImmediate batching stays real.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  repo = mkdtempSync(join(tmpdir(), 'callboard-git-pool-'));
  gitDir = join(repo, '.git');
  git('init', '--quiet', '--initial-branch=main');
  pool = createGitReaderPool({ idleMs: 1000 });
});

afterEach(async () => {
  await pool.close();
  vi.useRealTimers();
  rmSync(repo, { recursive: true, force: true });
});

describe('git reader pool', () => {
  it('hands the same reader to the next run, which finds commits made after it started', async () => {
    const first = commit('one');
    const reader = pool.acquire(gitDir);
    expect((await reader.read(first))?.type).toBe('commit');
    pool.release(gitDir);
    const second = commit('two');
    expect(pool.acquire(gitDir)).toBe(reader);
    expect((await reader.read(`${second}:README.md`))?.content.toString()).toBe('two');
    pool.release(gitDir);
  });

  it('ends a reader idle past its time, never one in use, and starts a new one when asked again', async () => {
    const head = commit('one');
    const inUse = pool.acquire(gitDir);
    vi.advanceTimersByTime(5000);
    expect((await inUse.read(head))?.type).toBe('commit');
    pool.release(gitDir);
    vi.advanceTimersByTime(999);
    expect(pool.acquire(gitDir)).toBe(inUse);
    pool.release(gitDir);
    vi.advanceTimersByTime(1000);
    await expect(inUse.read(head)).rejects.toThrow(/closed/);
    const next = pool.acquire(gitDir);
    expect(next).not.toBe(inUse);
    expect((await next.read(head))?.type).toBe('commit');
    pool.release(gitDir);
  });

  it('ends every reader on close', async () => {
    const head = commit('one');
    const reader = pool.acquire(gitDir);
    await pool.close();
    await expect(reader.read(head)).rejects.toThrow(/closed/);
  });
});
