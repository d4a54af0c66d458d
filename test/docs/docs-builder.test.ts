import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalogRuntime, type CatalogRuntime } from '../../src/catalog-runtime.ts';
import { loadConfig, type Config } from '../../src/config/load-config.ts';
import { createDocsBuilder } from '../../src/docs/docs-runtime.ts';
import type { DocsBuilder } from '../../src/docs/docs-builder.ts';
import { listTeamProblems } from '../../src/usecases/list-team-problems.ts';
import { TestGitRemote } from '../helpers/git-repo.ts';
import { createFakeDocsBuild } from './helpers/fake-docs-build.ts';

const component = (name: string, annotations: Record<string, string> = {}) =>
  [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: ${name}`,
    ...(Object.keys(annotations).length > 0 ? ['  annotations:', ...Object.entries(annotations).map(([key, value]) => `    ${key}: '${value}'`)] : []),
    'spec:',
    '  type: service',
    '  lifecycle: production',
    '  owner: team-a',
    '',
  ].join('\n');

const TEAM = 'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a\nspec:\n  type: team\n  children: []\n';
const A = 'component:default/a';

let dir: string;
let remote: TestGitRemote;
let config: Config;
let runtime: CatalogRuntime;
let build: ReturnType<typeof createFakeDocsBuild>;
let builder: DocsBuilder;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'callboard-docs-'));
  remote = await TestGitRemote.create('main');
  await remote.commit({
    'org/catalog-info.yaml': TEAM,
    'services/a/catalog-info.yaml': component('a', { 'backstage.io/techdocs-ref': 'dir:.' }),
    'services/a/mkdocs.yml': 'site_name: A\n',
    'services/a/docs/index.md': '# A\nA takes payments.\nSee [the gap](missing.md).\n',
    'services/a/docs/runbook.md': '# Runbook\nRestart the provider bridge.\n',
    'services/a/src/main.ts': 'export {};\n',
    'services/b/catalog-info.yaml': component('b', { 'backstage.io/techdocs-ref': 'dir:../a' }),
    'services/c/catalog-info.yaml': component('c', { 'backstage.io/techdocs-ref': `url:${remote.url}/tree/main/handbook` }),
    'services/d/catalog-info.yaml': component('d', { 'backstage.io/techdocs-ref': 'url:https://github.com/elsewhere/repo/tree/main/docs' }),
    'services/e/catalog-info.yaml': component('e', { 'backstage.io/techdocs-entity': 'component:a' }),
    'handbook/docs/index.md': '# Handbook\nHow we work.\n',
  });
  writeFileSync(
    join(dir, 'callboard.yaml'),
    `database:\n  path: catalog.db\ncatalog:\n  sources:\n    - type: git\n      id: acme\n      url: ${remote.url}\nscaffolder:\n  builtinTemplates: false\n`,
  );
  config = loadConfig({ file: join(dir, 'callboard.yaml'), env: {} });
  runtime = openCatalogRuntime(config, { onWriteWait: () => {} });
  await runtime.sync.syncAll();
  build = createFakeDocsBuild();
  builder = createDocsBuilder(config, runtime, build);
});

afterEach(async () => {
  runtime.close();
  await remote.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const docsProblems = () => runtime.store.problems().filter((problem) => problem.origin === 'docs');

describe('the docs builder over a git source', () => {
  it('builds dir: and url: roots at the synced commit, refuses escapes and foreign URLs, lends docs to techdocs-entity', async () => {
    const report = await builder.run();
    expect(report.built.map((site) => [site.entityRef, site.pages])).toEqual([
      [A, 2],
      ['component:default/c', 1],
    ]);
    expect(build.calls.map((call) => [call.entityRef, call.rootInSource, [...call.files.keys()].sort()])).toEqual([
      [A, 'services/a', ['docs/index.md', 'docs/runbook.md', 'mkdocs.yml']],
      ['component:default/c', 'handbook', ['docs/index.md']],
    ]);
    expect(report.failed.map((failure) => failure.entityRef)).toEqual(['component:default/b', 'component:default/d']);
    expect(runtime.docs.page(A, 'runbook/')?.title).toBe('Runbook');
    expect(runtime.docs.site('component:default/e')).toMatchObject({ entityRef: 'component:default/e', pageCount: 2 });
    expect(runtime.docs.search('provider bridge')).toMatchObject([{ entityRef: A, pagePath: 'runbook/' }]);
    expect(runtime.docs.site(A)?.commit).toMatch(/^[0-9a-f]{40}$/);

    const problems = docsProblems().map((problem) => [
      problem.entityRef,
      problem.severity,
      problem.message,
      problem.file?.replace(`${remote.url}@main`, '<repo>'),
      problem.line,
    ]);
    expect(problems).toEqual([
      [A, 'warning', 'docs: link to missing.md: no such page', '<repo>:services/a/docs/index.md', 3],
      [
        'component:default/b',
        'error',
        'docs: backstage.io/techdocs-ref "dir:../a" leads outside the folder of services/b/catalog-info.yaml; use a folder inside it, such as dir:.',
        '<repo>:services/b/catalog-info.yaml',
        undefined,
      ],
      [
        'component:default/d',
        'error',
        'docs: docs URL is not in any configured source: https://github.com/elsewhere/repo/tree/main/docs; add the repository as a git source, or use dir:',
        '<repo>:services/d/catalog-info.yaml',
        undefined,
      ],
    ]);
    // `/callboard errors` lists a team's problems through the same store.
    const team = runtime.store.entityEnvelope('group:default/team-a')!;
    expect(listTeamProblems(runtime.store, [team]).filter((problem) => problem.origin === 'docs')).toHaveLength(3);
  });

  it('never rebuilds unchanged content: not for another pass, not for a code-only commit, not before the commit is synced', async () => {
    await builder.run();
    expect(build.calls).toHaveLength(2);
    expect(await builder.run()).toMatchObject({ built: [], unchanged: 2 });

    await remote.commit({ 'services/a/src/main.ts': 'export const changed = true;\n' });
    await runtime.sync.syncAll();
    expect(await builder.run()).toMatchObject({ built: [], unchanged: 2 });

    await remote.commit({ 'services/a/docs/runbook.md': '# Runbook\nRestart the payment bridge.\n' });
    expect((await builder.run()).built).toEqual([]);
    await runtime.sync.syncAll();
    expect((await builder.run()).built.map((site) => site.entityRef)).toEqual([A]);
    expect(build.calls).toHaveLength(3);
    expect(runtime.docs.search('payment bridge')).toHaveLength(1);
    expect(runtime.docs.search('provider bridge')).toEqual([]);
  });

  it('keeps the last good build served when a build fails, and does not retry the same content', async () => {
    await builder.run();
    await remote.commit({ 'services/a/mkdocs.yml': 'site_name: [BROKEN\n', 'services/a/docs/runbook.md': '# Runbook\nNew text.\n' });
    await runtime.sync.syncAll();
    const failed = await builder.run();
    expect(failed.failed.filter((failure) => failure.entityRef === A)).toEqual([{ entityRef: A, error: 'services/a/mkdocs.yml: bad YAML on line 1' }]);
    expect(runtime.docs.page(A, 'runbook/')?.html).toContain('Restart the provider bridge.');
    expect(runtime.docs.site(A)?.lastError).toBe('services/a/mkdocs.yml: bad YAML on line 1');
    expect(
      docsProblems()
        .filter((problem) => problem.entityRef === A)
        .map((problem) => [problem.severity, problem.message]),
    ).toEqual([
      ['error', 'docs: services/a/mkdocs.yml: bad YAML on line 1; the last good build is still served'],
      ['warning', 'docs: link to missing.md: no such page'],
    ]);
    const calls = build.calls.length;
    await builder.run();
    expect(build.calls).toHaveLength(calls);

    await remote.commit({ 'services/a/mkdocs.yml': 'site_name: A\n' });
    await runtime.sync.syncAll();
    await builder.run();
    expect(runtime.docs.site(A)?.lastError).toBeUndefined();
    expect(runtime.docs.page(A, 'runbook/')?.html).toContain('New text.');
    expect(docsProblems().filter((problem) => problem.severity === 'error' && problem.entityRef === A)).toEqual([]);
  });

  it('forgets the docs of an entity whose annotation is gone', async () => {
    await builder.run();
    await remote.commit({ 'services/a/catalog-info.yaml': component('a'), 'services/e/catalog-info.yaml': component('e') });
    await runtime.sync.syncAll();
    expect((await builder.run()).removed).toBe(1);
    expect(runtime.docs.site(A)).toBeUndefined();
    expect(runtime.docs.site('component:default/e')).toBeUndefined();
    expect(runtime.docs.search('provider')).toEqual([]);
    expect(docsProblems().some((problem) => problem.entityRef === A)).toBe(false);
  });
});

describe('the docs builder over a folder source', () => {
  let folder: string;

  beforeEach(async () => {
    runtime.close();
    folder = join(dir, 'org');
    const files: Record<string, string> = {
      'catalog-info.yaml': `${TEAM}---\n${component('a', { 'backstage.io/techdocs-ref': 'dir:./a' })}`,
      'a/mkdocs.yml': 'site_name: A\n',
      'a/docs/index.md': '# A\nFolder docs.\n',
    };
    const { mkdirSync } = await import('node:fs');
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(folder, path, '..'), { recursive: true });
      writeFileSync(join(folder, path), content);
    }
    writeFileSync(
      join(dir, 'callboard.yaml'),
      `database:\n  path: folder.db\ncatalog:\n  sources:\n    - type: dir\n      id: org\n      path: org\nscaffolder:\n  builtinTemplates: false\ndocs:\n  maxPageBytes: 2048\n`,
    );
    config = loadConfig({ file: join(dir, 'callboard.yaml'), env: {} });
    runtime = openCatalogRuntime(config, { onWriteWait: () => {} });
    await runtime.sync.syncAll();
    builder = createDocsBuilder(config, runtime, build);
  });

  it('builds from the disk, rebuilds only when a file changed, and fails a page over docs.maxPageBytes', async () => {
    expect((await builder.run()).built.map((site) => site.entityRef)).toEqual([A]);
    expect((await builder.run()).unchanged).toBe(1);
    writeFileSync(join(folder, 'a/docs/index.md'), '# A\nEdited.\n');
    expect((await builder.run()).built).toHaveLength(1);
    expect(runtime.docs.search('edited')).toHaveLength(1);

    writeFileSync(join(folder, 'a/docs/big.md'), `# Big\n${'x'.repeat(3000)}\n`);
    const report = await builder.run();
    expect(report.failed).toEqual([{ entityRef: A, error: 'a/docs/big.md is larger than docs.maxPageBytes' }]);
    expect(runtime.docs.site(A)?.pageCount).toBe(1);
    expect(docsProblems()).toMatchObject([{ entityRef: A, severity: 'error', file: join(folder, 'a') }]);
  });
});
