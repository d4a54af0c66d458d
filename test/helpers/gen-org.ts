import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The synthetic-org generator, vendored in test/fixtures (bench uses the same file). Its real path is
 * used because it only runs when started under its own resolved URL, and the checkout may sit behind a symlink.
 */
export const genOrgPath = realpathSync(resolve(import.meta.dirname, '../fixtures/gen-org.mjs'));

/** Writes a synthetic org of about 1.95 n entities, one catalog file each, into `out`. */
export const generateOrg = (n: number, out: string): void => {
  execFileSync(process.execPath, [genOrgPath, '--n', String(n), '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
};
