import { spawn, execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogDigest } from '../../helpers/catalog-digest.ts';
import { generateOrg } from '../../helpers/gen-org.ts';

const childScript = resolve(import.meta.dirname, '../../helpers/sync-child.ts');

/** Runs the child; resolves when it prints "ready" (with the exit promise) so the caller can time a kill. */
const startChild = (dbPath: string, root: string) =>
  new Promise<{ child: ReturnType<typeof spawn>; exited: Promise<number | null>; readyAt: number }>((resolveReady, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, dbPath, root], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolveReady({ child, exited, readyAt: performance.now() });
    });
    child.on('error', reject);
  });

const resetDatabase = (from: string, to: string) => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${to}${suffix}`, { force: true });
  copyFileSync(from, to);
};

/** Changes the org the way a busy week of commits would: edits, deletions, additions. */
const mutateOrg = (root: string) => {
  const dirs = readdirSync(join(root, 'entities')).sort();
  dirs.slice(0, 40).forEach((dir) => rmSync(join(root, 'entities', dir), { recursive: true }));
  dirs.slice(40, 200).forEach((dir) => appendFileSync(join(root, 'entities', dir, 'catalog-info.yaml'), `# edited\n`));
  dirs.slice(200, 260).forEach((dir) => {
    const file = join(root, 'entities', dir, 'catalog-info.yaml');
    writeFileSync(file, execFileSync('sed', ['s/^  description: .*/  description: changed in the second pass/', file]));
  });
  for (let i = 0; i < 30; i++) {
    mkdirSync(join(root, 'entities', `component-added-${i}`));
    const yaml = `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: added-${i}\nspec:\n  type: service\n  lifecycle: experimental\n  owner: acme\n`;
    writeFileSync(join(root, 'entities', `component-added-${i}`, 'catalog-info.yaml'), yaml);
  }
};

describe('crash safety', () => {
  it('leaves the database exactly before or after the pass when SIGKILLed at random moments (25 kills)', async () => {
    const work = mkdtempSync(join(tmpdir(), 'callboard-crash-'));
    const root = join(work, 'org');
    generateOrg(400, root);
    const pristine = join(work, 'before.db');
    const dbPath = join(work, 'catalog.db');

    const first = await startChild(pristine, root);
    expect(await first.exited).toBe(0);
    const before = catalogDigest(pristine);
    expect(before.entities).toBeGreaterThan(700);

    mutateOrg(root);
    resetDatabase(pristine, dbPath);
    const full = await startChild(dbPath, root);
    expect(await full.exited).toBe(0);
    const passMs = performance.now() - full.readyAt;
    const after = catalogDigest(dbPath);
    expect(after.digest).not.toBe(before.digest);

    const seen = { before: 0, after: 0 };
    for (let attempt = 0; attempt < 25; attempt++) {
      resetDatabase(pristine, dbPath);
      const { child, exited } = await startChild(dbPath, root);
      await new Promise((wait) => setTimeout(wait, Math.random() * passMs * 1.1));
      child.kill('SIGKILL');
      await exited;
      const state = catalogDigest(dbPath);
      expect(state.integrity).toBe('ok');
      expect([before.digest, after.digest]).toContain(state.digest);
      seen[state.digest === before.digest ? 'before' : 'after'] += 1;
    }
    console.log(`crash test: pass ${passMs.toFixed(0)} ms, states seen ${JSON.stringify(seen)}`);
    expect(seen.before).toBeGreaterThan(0);
    rmSync(work, { recursive: true, force: true });
  }, 180_000);
});
