import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, packageRoot } from '../../src/config/load-config.ts';

const writeConfig = (text: string): { dir: string; file: string } => {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-config-'));
  const file = join(dir, 'callboard.yaml');
  writeFileSync(file, text);
  return { dir, file };
};

const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
};

describe('loadConfig', () => {
  it('reads the documented shape, resolving paths against the config file', () => {
    const { dir, file } = writeConfig(`
database:
  path: data/x.db
catalog:
  schedule: "*/5 * * * *"
  sources:
    - type: dir
      path: examples/acme
      patterns: ["**/*.yaml"]
    - type: git
      url: https://user:secret@github.com/acme/platform-catalog.git
      branch: main
    - type: github
      org: acme
      repoFilter: "^(?!archived-)"
`);
    const config = loadConfig({ file, env: {}, cwd: '/' });
    expect(config.database.path).toBe(join(dir, 'data/x.db'));
    expect(config.catalog.schedule).toBe('*/5 * * * *');
    const [dirSource, gitSource, githubSource] = config.catalog.sources;
    expect(dirSource).toEqual({ type: 'dir', id: 'dir:examples/acme', path: join(dir, 'examples/acme'), patterns: ['**/*.yaml'] });
    expect(gitSource).toMatchObject({ type: 'git', branch: 'main', patterns: ['**/catalog-info.yaml'] });
    expect(gitSource!.id).toBe('git:https://github.com/acme/platform-catalog.git#main');
    expect(githubSource).toMatchObject({ type: 'github', org: 'acme', catalogPath: '/catalog-info.yaml', id: 'github:acme' });
  });

  it('takes secrets and overrides from the environment only', () => {
    const { file } = writeConfig('catalog:\n  sources: []\n');
    const config = loadConfig({ file, env: { GITHUB_TOKEN: 'ghp_x', GITHUB_API_URL: 'http://127.0.0.1:9/api', CALLBOARD_DB: '/tmp/other.db' }, cwd: '/' });
    expect(config.github).toEqual({ token: 'ghp_x', apiUrl: 'http://127.0.0.1:9/api' });
    expect(config.database.path).toBe('/tmp/other.db');
  });

  it('finds the file named by CALLBOARD_CONFIG', () => {
    const { file } = writeConfig('catalog:\n  schedule: "0 * * * *"\n');
    expect(loadConfig({ env: { CALLBOARD_CONFIG: file }, cwd: '/' }).catalog.schedule).toBe('0 * * * *');
  });

  it('falls back to the bundled example org when there is no callboard.yaml', () => {
    const config = loadConfig({ env: {}, cwd: mkdtempSync(join(tmpdir(), 'callboard-empty-')) });
    expect(config.file).toBeUndefined();
    expect(config.catalog.sources).toEqual([
      { type: 'dir', id: 'dir:examples/acme', path: join(packageRoot, 'examples/acme'), patterns: ['**/catalog-info.yaml'] },
    ]);
  });

  it.each([
    ['catalog:\n  schedule: every hour\n', 'catalog.schedule: got "every hour" — expected a cron expression'],
    ['catalog:\n  sources:\n    - type: svn\n      url: x\n', 'catalog.sources[0].type: got "svn"'],
    ['catalog:\n  sources:\n    - type: dir\n', 'catalog.sources[0].path: got nothing — expected string'],
    ['catalog:\n  sources:\n    - type: git\n      url: 42\n', 'catalog.sources[0].url: got 42 — expected string'],
    [
      'catalog:\n  sources:\n    - type: github\n      org: acme\n      repoFilter: "("\n',
      'catalog.sources[0].repoFilter: got "(" — expected a valid JavaScript regular expression',
    ],
    ['catalog:\n  sources:\n    - type: dir\n      path: x\n      token: abc\n', 'catalog.sources[0]: unknown key "token"'],
    ['databse:\n  path: x\n', 'unknown key "databse"'],
    ['http:\n  port: 70000\n', 'http.port: got 70000'],
    ['jobs:\n  catalog-sync:\n    timezone: Mars/Olympus\n', 'jobs.catalog-sync.timezone: got "Mars/Olympus" — expected an IANA time zone name'],
    ['jobs:\n  catalog-sync:\n    missed: sometimes\n', 'jobs.catalog-sync.missed: got "sometimes" — expected one of "catch-up", "skip"'],
    ['catalog:\n  yamlFastPath: maybe\n', 'catalog.yamlFastPath: got "maybe" — expected boolean'],
  ])('names the key, the value and what was expected: %j', (text, expected) => {
    const { file } = writeConfig(text);
    expect(errorOf(() => loadConfig({ file, env: {}, cwd: '/' }))).toContain(expected);
  });

  it('reports YAML syntax errors and missing files clearly', () => {
    const { file } = writeConfig('catalog: [unclosed\n');
    expect(errorOf(() => loadConfig({ file, env: {}, cwd: '/' }))).toContain('is not valid YAML');
    expect(errorOf(() => loadConfig({ file: '/nonexistent/callboard.yaml', env: {}, cwd: '/' }))).toContain('does not exist (named by --config)');
  });

  it('says where the database path came from, and takes the HTTP port from PORT over the file', () => {
    const { file } = writeConfig('catalog:\n  sources: []\ndatabase:\n  path: cb.db\nhttp:\n  host: 0.0.0.0\n  port: 4000\n');
    expect(loadConfig({ file, env: {}, cwd: '/' }).database.origin).toBe(`database.path in ${file}`);
    expect(loadConfig({ file, env: { CALLBOARD_DB: '/tmp/x.db' }, cwd: '/' }).database.origin).toBe('CALLBOARD_DB');
    expect(loadConfig({ file, env: {}, cwd: '/' }).http).toEqual({ host: '0.0.0.0', port: 4000 });
    expect(loadConfig({ file, env: { PORT: '4100' }, cwd: '/' }).http).toEqual({ host: '0.0.0.0', port: 4100 });
  });
});
