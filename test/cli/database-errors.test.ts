import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { openDatabase } from '../../src/store/open-database.ts';
import { exampleConfig, repoRoot } from '../helpers/run-cli.ts';

const isRoot = process.getuid?.() === 0;
const hasSetpriv = (): boolean => spawnSync('setpriv', ['--version']).status === 0;
/**
 * Whether `nobody` can read this checkout and its tsx: not in a clone inside a private folder (`mktemp -d` makes
 * 0700 folders, as CI's clone may be), where the case below cannot run as another user at all.
 */
const nobodyCanReadCheckout = (): boolean =>
  spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'test', '-r', join(repoRoot, 'node_modules/tsx/package.json')]).status === 0;

/** A config file whose database.path is `databasePath` (relative paths resolve against the file's folder). */
const configWithDatabase = (databasePath: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-dberr-'));
  const file = join(dir, 'callboard.yaml');
  writeFileSync(file, `database:\n  path: ${databasePath}\ncatalog:\n  sources: []\n`);
  return file;
};

const run = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const err: string[] = [];
  const out: string[] = [];
  const code = await runCli(args, { out: (text) => out.push(text), err: (text) => err.push(text), cwd: tmpdir(), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

const scratch = () => mkdtempSync(join(tmpdir(), 'callboard-dbpath-'));

describe('a catalog database that cannot be used', () => {
  it('a folder: one line naming the path, the config key that set it and the fix; exit 2', async () => {
    const folder = scratch();
    const config = configWithDatabase(folder);
    const result = await run(['entities', '--config', config]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `Cannot open the catalog database ${folder} (from database.path in ${config}): it is a folder, not a file. Point database.path in ${config} at a file inside it, e.g. ${folder}/callboard.db.`,
    );
  });

  it('a file that is not SQLite, named by CALLBOARD_DB', async () => {
    const file = join(scratch(), 'notes.md');
    writeFileSync(file, '# not a database\n'.repeat(200));
    const result = await run(['owner', 'checkout-service', '--config', exampleConfig()], { CALLBOARD_DB: file });
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      new RegExp(`^Cannot open the catalog database ${file} \\(from CALLBOARD_DB\\): it is not a SQLite database .*Point CALLBOARD_DB at another file`),
    );
    expect(result.err.split('\n')).toHaveLength(1);
  });

  it('a path whose parent is a file', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'data'), 'a file where a folder should be');
    const config = configWithDatabase(join(dir, 'data/catalog.db'));
    const result = await run(['search', 'checkout', '--config', config]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `Cannot open the catalog database ${join(dir, 'data/catalog.db')} (from database.path in ${config}): ${join(dir, 'data')} is a file, so no folder can be made there. Point database.path in ${config} at a path under a folder.`,
    );
  });

  it('a database written by a newer Callboard, also for `callboard sync`', async () => {
    const path = join(scratch(), 'catalog.db');
    openDatabase(path).$client.close();
    const newer = new Database(path);
    newer.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('0123456789abcdef'.repeat(4), Date.UTC(2099, 5, 1));
    newer.close();
    const result = await run(['sync', '--config', configWithDatabase(path)]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      new RegExp(
        `^${path} \\(from database\\.path in .*\\) was written by a newer Callboard \\(migration 0123456789ab of 2099-06-01T00:00:00\\.000Z is unknown to this version\\); upgrade Callboard or point database\\.path in .* elsewhere\\.$`,
      ),
    );
  });

  // Root may write anywhere (the tests run as root in CI): the case is made in-process as any other user, and
  // as root by running the CLI as `nobody` through setpriv when the machine has it.
  it.skipIf(isRoot)('a folder the user may not write', async () => {
    const folder = join(scratch(), 'locked');
    mkdirSync(folder);
    chmodSync(folder, 0o500);
    const result = await run(['entities', '--config', configWithDatabase(join(folder, 'catalog.db'))]);
    chmodSync(folder, 0o700);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/: it cannot be opened for reading and writing \(.*\)\. Let the user running Callboard write the file and its folder/);
  });

  it.runIf(isRoot && hasSetpriv() && nobodyCanReadCheckout())('a folder the user may not write, as nobody through `callboard` itself', () => {
    const dir = scratch();
    chmodSync(dir, 0o755);
    const folder = join(dir, 'locked');
    mkdirSync(folder, { mode: 0o755 });
    const config = configWithDatabase(join(folder, 'catalog.db'));
    chmodSync(dirname(config), 0o755);
    const cli = spawnSync(
      'setpriv',
      [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        process.execPath,
        '--import',
        'tsx',
        join(repoRoot, 'src/cli/run.ts'),
        'entities',
        '--config',
        config,
      ],
      { cwd: repoRoot, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: '/nonexistent' } },
    );
    expect(cli.status, cli.stderr).toBe(2);
    expect(cli.stderr).toBe(
      `Cannot open the catalog database ${join(folder, 'catalog.db')} (from database.path in ${config}): it cannot be opened for reading and writing (unable to open database file). Let the user running Callboard write the file and its folder (SQLite adds -wal and -shm files beside it), or point database.path in ${config} elsewhere.\n`,
    );
  });
});
