import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/open-database.ts';
import { cli, repoRoot } from '../../helpers/run-cli.ts';
import { component } from '../../helpers/sync-harness.ts';

const holdLockScript = resolve(import.meta.dirname, '../../helpers/hold-write-lock.ts');
const cliScript = resolve(repoRoot, 'src/cli/run.ts');
const children: ChildProcess[] = [];
let work: string;

const start = (args: string[]) => {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output, exited };
};

const waitFor = async (read: () => string, text: string, exited: Promise<unknown>): Promise<void> => {
  let gone = false;
  void exited.then(() => (gone = true));
  while (!read().includes(text)) {
    if (gone) throw new Error(`the process ended without printing "${text}": ${read()}`);
    await new Promise((wait) => setTimeout(wait, 20));
  }
};

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

describe('callboard sync beside another Callboard process', () => {
  it('waits, saying so, while the other holds the write lock, then syncs and exits 0', async () => {
    work = mkdtempSync(join(tmpdir(), 'callboard-two-'));
    const catalog = join(work, 'catalog');
    mkdirSync(catalog);
    writeFileSync(join(catalog, 'alpha.yaml'), component('alpha'));
    const dbPath = join(work, 'catalog.db');
    const config = join(work, 'callboard.yaml');
    writeFileSync(config, `database:\n  path: ${dbPath}\ncatalog:\n  sources:\n    - type: dir\n      path: ${catalog}\n      patterns: ['**/*.yaml']\nscaffolder:\n  builtinTemplates: false\n`);
    expect((await cli(['sync', '--config', config])).code).toBe(0);
    writeFileSync(join(catalog, 'beta.yaml'), component('beta'));

    const holder = start([holdLockScript, dbPath]);
    await waitFor(() => holder.output.stdout, 'locked', holder.exited);
    const sync = start([cliScript, 'sync', '--config', config]);
    // Released only once the sync says it waits: before, it blocked in busy_timeout and then failed with "database is locked".
    await waitFor(() => sync.output.stderr, `waiting for the sync pass of another Callboard process on ${dbPath}…`, sync.exited);
    holder.child.stdin!.write('release\n');

    expect(await holder.exited).toBe(0);
    expect(await sync.exited).toBe(0);
    expect(sync.output.stderr).not.toMatch(/locked/);
    expect(sync.output.stdout).toMatch(/1 added/);
    const db = openDatabase(dbPath, { migrate: false });
    const names = db.$client.prepare('SELECT name FROM entities ORDER BY name').all();
    db.$client.close();
    expect(names).toEqual([{ name: 'alpha' }, { name: 'beta' }]);
  }, 60_000);
});
