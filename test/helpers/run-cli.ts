import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../src/cli/main.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');

/** A config file with its own database, pointing at the example org (or another folder). */
export const exampleConfig = (catalogDir = join(repoRoot, 'examples/acme')): string => {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-cli-'));
  const file = join(dir, 'callboard.yaml');
  writeFileSync(file, `database:\n  path: catalog.db\ncatalog:\n  sources:\n    - type: dir\n      path: ${catalogDir}\nscaffolder:\n  builtinTemplates: false\n`);
  return file;
};

/** Runs the CLI in-process and captures what it prints. */
export const cli = async (args: string[], cwd = repoRoot) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (text) => out.push(text), err: (text) => err.push(text), cwd, env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
};
