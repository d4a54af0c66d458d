// vitest globalSetup: tests that spawn `bin/callboard.js` or `bin/start.js` run the compiled dist/, so dist/
// must be what the sources compile to now. Built once per test run, and only when the sources changed
// since the last build; the fingerprint of what it was built from is kept in dist/ itself.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** Rebuilds dist/ unless it was built from the sources as they are now; `who` names the caller in the one line it prints. */
export const buildDistIfStale = (who: string): void => {
  const fingerprint = sourceFingerprint();
  if (builtFingerprint() === fingerprint) return;
  const started = performance.now();
  buildDist(fingerprint);
  process.stdout.write(`${who}: dist/ rebuilt from the current sources in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
};

export default function setup(): void {
  buildDistIfStale('test setup');
}
