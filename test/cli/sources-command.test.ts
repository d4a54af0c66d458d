import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestGitRemote } from '../helpers/git-repo.ts';
import { cli, repoRoot } from '../helpers/run-cli.ts';

const COMPONENT =
  'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n';

const configWith = (sources: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-sources-'));
  writeFileSync(join(dir, 'callboard.yaml'), `database:\n  path: catalog.db\ncatalog:\n  sources:\n${sources}`);
  return dir;
};

describe('callboard sources', () => {
  let remote: TestGitRemote;
  let commit: string;
  beforeAll(async () => {
    remote = await TestGitRemote.create();
    commit = await remote.commit({ 'catalog-info.yaml': COMPONENT });
  });
  afterAll(() => remote.cleanup());

  it('names the transport git will use for each remote, and says a source was never synced', async () => {
    const dir = configWith(
      [
        '    - { type: git, id: scp, url: "git.example.com:acme/repo.git", branch: main }',
        '    - { type: git, id: scp-user, url: "git@github.com:acme/repo.git" }',
        '    - { type: git, id: web, url: "https://bot:s3cret@git.example.com/acme/repo.git" }',
        '    - { type: git, id: local, url: "./repos/catalog" }',
        `    - { type: dir, id: examples, path: ${join(repoRoot, 'examples/acme')} }`,
        '',
      ].join('\n'),
    );
    const { code, out } = await cli(['sources', '--json'], dir);
    expect(code).toBe(0);
    const reports = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(reports.map(({ id, from, transport, branch, outcome }) => ({ id, from, transport, branch, outcome }))).toEqual([
      { id: 'scp', from: 'git.example.com:acme/repo.git', transport: 'ssh (scp-style host:path)', branch: 'main', outcome: 'never synced' },
      { id: 'scp-user', from: 'git@github.com:acme/repo.git', transport: 'ssh (scp-style host:path)', branch: undefined, outcome: 'never synced' },
      { id: 'web', from: 'https://git.example.com/acme/repo.git', transport: 'https', branch: undefined, outcome: 'never synced' },
      { id: 'local', from: join(dir, 'repos/catalog'), transport: 'local path', branch: undefined, outcome: 'never synced' },
      { id: 'examples', from: join(repoRoot, 'examples/acme'), transport: undefined, branch: undefined, outcome: 'never synced' },
      // The golden paths shipped in templates/ come last (scaffolder.builtinTemplates, on by default).
      { id: 'builtin:templates', from: join(repoRoot, 'templates'), transport: undefined, branch: undefined, outcome: 'never synced' },
    ]);
    expect(reports.map((report) => report.origin)).toEqual(['configured', 'configured', 'configured', 'configured', 'configured', 'built-in']);
    const text = await cli(['sources'], dir);
    expect(text.out).toContain('scp (git)\n  reads from: git.example.com:acme/repo.git\n  transport:  ssh (scp-style host:path)\n  branch:     main\n');
    expect(text.out).toContain('  last sync:  never (run `callboard sync`)');
    expect(text.out).not.toContain('s3cret');
  });

  it('after a sync, shows the version read and the outcome, with the reason a source failed', async () => {
    const dir = configWith([`    - { type: git, id: good, url: "${remote.url}" }`, '    - { type: git, id: gone, url: "./no-such-repo" }', ''].join('\n'));
    await cli(['sync'], dir);
    const { code, out } = await cli(['sources', '--json'], dir);
    expect(code).toBe(0);
    const [good, gone] = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(good).toMatchObject({ id: 'good', transport: 'file', outcome: 'ok', version: commit });
    expect(good!.lastAttemptAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(gone).toMatchObject({ id: 'gone', transport: 'local path', outcome: 'failed' });
    expect(gone!.problem).toEqual(expect.stringContaining('no-such-repo'));
    const text = await cli(['sources'], dir);
    expect(text.out).toMatch(new RegExp(`good \\(git\\)[\\s\\S]*last sync:  \\S+ — ok\\n  version:    ${commit}`));
    expect(text.out).toMatch(/gone \(git\)[\s\S]*last sync: {2}\S+ — failed: .*no-such-repo/);
  });

  it('lists registered sources after the configured ones, with who added them, until they are unregistered', async () => {
    const dir = configWith(`    - { type: dir, id: examples, path: ${join(repoRoot, 'examples/acme')} }\nscaffolder:\n  builtinTemplates: false\n`);
    const registered = await cli(['register', remote.bareDir, '--json'], dir);
    expect(registered.code).toBe(0);
    const id = `registered:${remote.bareDir}`;
    expect(JSON.parse(registered.out)).toMatchObject({ id, type: 'git', created: true, entityRefs: ['component:default/a'] });
    const { out } = await cli(['sources', '--json'], dir);
    const reports = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(reports.map((report) => [report.id, report.origin])).toEqual([
      ['examples', 'configured'],
      [id, 'registered'],
    ]);
    expect(reports[1]).toMatchObject({ url: remote.bareDir, outcome: 'ok', version: commit, registeredBy: expect.stringMatching(/^cli/) });
    const text = await cli(['sources'], dir);
    expect(text.out).toContain(`${id} (git, registered)\n  reads from: ${remote.bareDir}\n  added by:   cli`);
    expect((await cli(['unregister', id], dir)).code).toBe(0);
    expect((JSON.parse((await cli(['sources', '--json'], dir)).out) as unknown[]).length).toBe(1);
  });
});
