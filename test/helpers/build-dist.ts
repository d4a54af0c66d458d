// vitest globalSetup: tests that spawn `bin/callboard.js` or `bin/start.js` run the compiled dist/, so dist/
// must be what the sources compile to now. Built once per test run, and only when the sources changed
// since the last build; the fingerprint of what it was built from is kept in dist/ itself.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const dist = join(root, 'dist');
const STAMP = '.source-fingerprint';
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();

/** Every source file's path and bytes, the compiler settings and the compiler version: what dist/ is a function of. */
export const sourceFingerprint = (): string => {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(join(root, 'src')), ...CONFIG_FILES.map((name) => join(root, name))]) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  const typescript = createRequire(join(root, 'package.json')).resolve('typescript/package.json');
  hash.update(String((JSON.parse(readFileSync(typescript, 'utf8')) as { version: string }).version));
  return hash.digest('hex');
};

const builtFingerprint = (): string | undefined => {
  const stamp = join(dist, STAMP);
  return existsSync(stamp) ? readFileSync(stamp, 'utf8') : undefined;
};

/**
 * Compiles into a folder of its own and swaps it in, so a process started meanwhile (another test run
 * in the same checkout) never sees half a dist/. Type errors are not this step's business (`npm run
 * typecheck` and CI check them): it emits what `npm run build` emits, without checking.
 */
const buildDist = (fingerprint: string): void => {
  const next = join(root, `dist-next-${process.pid}`);
  const old = join(root, `dist-old-${process.pid}`);
  const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--noCheck', '--noResolve', '--outDir', next], { stdio: 'inherit' });
    writeFileSync(join(next, STAMP), fingerprint);
    if (existsSync(dist)) renameSync(dist, old);
    renameSync(next, dist);
  } finally {
    rmSync(next, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
};

const LOCK = join(root, 'dist-build.lock');
/** A build takes seconds; a lock older than this was left by a process that died holding it. */
const STALE_LOCK_MS = 5 * 60_000;

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** One builder at a time per checkout, so a build of older sources never swaps in over a newer one. */
const withBuildLock = (build: () => void): void => {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const lockedAt = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs;
      if (lockedAt !== undefined && Date.now() - lockedAt > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      sleep(200);
    }
  }
  try {
    build();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
};

/** Rebuilds dist/ unless it was built from the sources as they are now; `who` names the caller in the one line it prints. */
export const buildDistIfStale = (who: string): void => {
  if (builtFingerprint() === sourceFingerprint()) return;
  withBuildLock(() => {
    // Looked at again under the lock (another run may have just built it), and until the sources hold
    // still: a file saved during the build would otherwise be stamped with the fingerprint before it.
    for (let fingerprint = sourceFingerprint(); builtFingerprint() !== fingerprint; fingerprint = sourceFingerprint()) {
      const started = performance.now();
      buildDist(fingerprint);
      if (sourceFingerprint() !== fingerprint) rmSync(join(dist, STAMP), { force: true });
      process.stdout.write(`${who}: dist/ rebuilt from the current sources in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    }
  });
};

export default function setup(): void {
  buildDistIfStale('test setup');
}
