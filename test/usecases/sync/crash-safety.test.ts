import { spawn, execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogDigest } from '../../helpers/catalog-digest.ts';
import { generateOrg } from '../../helpers/gen-org.ts';
import { seededRandom, seedFrom } from '../../helpers/seeded-random.ts';

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

/** Kill times are drawn from this seed; set CRASH_SEED to replay the kill times a failure printed. */
const seed = seedFrom(process.env, 'CRASH_SEED', 20261205);
const KILLS = 16;

/**
 * When to kill, as a fraction of a full pass (0 = as the pass starts, 1.1 = just after it ends): one
 * random moment in each of KILLS equal slices, so every part of the pass is hit whatever the seed.
 */
const killFractions = (random: () => number): number[] => Array.from({ length: KILLS }, (_, slice) => ((slice + random()) / KILLS) * 1.1);

describe('crash safety', () => {
  it(`leaves the database exactly before or after the pass when SIGKILLed at ${KILLS} moments across it (CRASH_SEED=${seed})`, async () => {
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
    const killedAt: string[] = [];
    for (const [index, fraction] of killFractions(seededRandom(seed)).entries()) {
      const delayMs = fraction * passMs;
      const kill = `kill ${index + 1}/${KILLS} at ${delayMs.toFixed(0)} ms of a ${passMs.toFixed(0)} ms pass (replay: CRASH_SEED=${seed})`;
      killedAt.push(delayMs.toFixed(0));
      resetDatabase(pristine, dbPath);
      const { child, exited } = await startChild(dbPath, root);
      await new Promise((wait) => setTimeout(wait, delayMs));
      child.kill('SIGKILL');
      await exited;
      const state = catalogDigest(dbPath);
      expect(state.integrity, kill).toBe('ok');
      expect([before.digest, after.digest], `${kill}: the database is neither before nor after the pass`).toContain(state.digest);
      seen[state.digest === before.digest ? 'before' : 'after'] += 1;
    }
    console.log(`crash test (CRASH_SEED=${seed}): pass ${passMs.toFixed(0)} ms, killed at ${killedAt.join(', ')} ms, states seen ${JSON.stringify(seen)}`);
    expect(seen.before).toBeGreaterThan(0);
    rmSync(work, { recursive: true, force: true });
  }, 180_000);
});
