import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The generator vendored in test/fixtures, so figures compare across runs and with the Backstage measurements.
 * Its real path: it only runs when started under its own resolved URL, and the checkout may sit behind a symlink.
 */
export const generatorPath = realpathSync(resolve(import.meta.dirname, '../test/fixtures/gen-org.mjs'));

export interface GeneratedOrg {
  n: number;
  repo: string;
  manifest: { totalEntities: number; totalRelations: number; counts: Record<string, number>; componentNames: string[]; ownerNames: string[]; probes: string[] };
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });

/** Generates the synthetic org for N components and commits it to a git repo (reused when already there). */
export const prepareOrg = (workDir: string, n: number): GeneratedOrg => {
  const repo = join(workDir, `org-${n}`);
  const marker = join(repo, '.committed');
  if (!existsSync(marker)) {
    process.stderr.write(`bench: generating N=${n} into ${repo} ...\n`);
    execFileSync(process.execPath, [generatorPath, '--n', String(n), '--out', repo], { stdio: ['ignore', 'ignore', 'inherit'] });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A');
    // No automatic gc in the background, which would compete with the first measured sync; packed now
    // instead, as the repository a real remote serves would be.
    git(repo, '-c', 'gc.auto=0', '-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-q', '-m', `synthetic org N=${n}`);
    git(repo, 'gc', '-q');
    writeFileSync(marker, new Date().toISOString());
  }
  const manifest = JSON.parse(readFileSync(join(repo, 'manifest.json'), 'utf8')) as GeneratedOrg['manifest'];
  return { n, repo, manifest };
};
