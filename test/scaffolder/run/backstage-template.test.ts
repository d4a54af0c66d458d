import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/catalog/entity.ts';
import { builtinActions } from '../../../src/scaffolder/actions/builtin-actions.ts';
import { LocalGitHost } from '../../../src/scaffolder/repo-hosts/local-git-host.ts';
import type { SourceRegistrar } from '../../../src/scaffolder/source-registrar.ts';
import { alice, closeHarnesses, scaffolderHarness, tempDir } from './helpers/scaffolder-harness.ts';
import { userEntity } from './helpers/fake-catalog.ts';

afterEach(closeHarnesses);

// Backstage's own docs template, unchanged (vendored with its skeleton; see the corpus NOTICE).
const templateDir = resolve(import.meta.dirname, '../../fixtures/backstage-corpus/software-templates/docs-template');
const docsTemplate = { ...(parse(readFileSync(join(templateDir, 'template.yaml'), 'utf8')) as Entity) };
docsTemplate.metadata.namespace = 'default';

const values = {
  name: 'payments-docs',
  description: 'How payments work',
  owner: 'group:default/payments',
  repoUrl: 'github.com?owner=acme&repo=payments-docs',
};

/** Records what catalog:register asked for and answers as the sync would: the entity in the new repository. */
const recordingRegistrar = (registered: string[]): SourceRegistrar => ({
  register: async (url, registeredBy) => {
    registered.push(`${url} by ${registeredBy}`);
    return {
      source: { id: 'registered:1', url, type: 'git', registeredBy, registeredAt: '2026-12-06T10:00:00Z' },
      entityRefs: ['component:default/payments-docs'],
      created: true,
    };
  },
  unregister: async () => {},
  list: () => [],
});

const harnessFor = (registered: string[] = [], reposDir = tempDir('callboard-repos-')) =>
  scaffolderHarness({
    entities: [docsTemplate, userEntity('alice')],
    actions: builtinActions(),
    templateDir,
    repoHost: new LocalGitHost(reposDir),
    registrar: recordingRegistrar(registered),
  });

describe("Backstage's docs template", () => {
  it('previews: the rendered skeleton files and catalog-info.yaml, publish and register listed but not run, the repository named', async () => {
    const { scaffolder } = harnessFor();
    const preview = await scaffolder.preview({ templateRef: 'template:default/docs-template', values, requester: alice });
    expect(preview.files).toEqual(['catalog-info.yaml', 'docs/index.md', 'mkdocs.yml']);
    expect(preview.catalogInfo).toContain('name: "payments-docs"');
    expect(preview.catalogInfo).toContain('github.com/project-slug: acme/payments-docs');
    expect(preview.steps.map((step) => `${step.id}:${step.willRun}:${step.ranInDryRun}`)).toEqual([
      'fetch:true:true',
      'publish:true:false',
      'register:true:false',
    ]);
    expect(preview.repository).toBe('github.com/acme/payments-docs');
  });

  it('runs end to end on the local Git host: the repository pushed, the catalog file registered, the outputs rendered', async () => {
    const registered: string[] = [];
    const reposDir = tempDir('callboard-repos-');
    const { scaffolder } = harnessFor(registered, reposDir);
    const run = await scaffolder.start({ templateRef: 'template:default/docs-template', values, requester: alice });
    const done = await scaffolder.settled(run.id);
    expect(done.steps.map((step) => [step.id, step.status, step.error])).toEqual([
      ['fetch', 'done', undefined],
      ['publish', 'done', undefined],
      ['register', 'done', undefined],
    ]);
    expect(done.status).toBe('succeeded');
    const bare = join(reposDir, 'acme', 'payments-docs.git');
    const files = execFileSync('git', ['--git-dir', bare, 'ls-tree', '-r', '--name-only', 'HEAD'], { encoding: 'utf8' }).trim().split('\n');
    expect(files).toEqual(['catalog-info.yaml', 'docs/index.md', 'mkdocs.yml']);
    expect(registered).toEqual([expect.stringMatching(/payments-docs\.git\/blob\/master\/catalog-info\.yaml by user:default\/alice$/)]);
    expect(done.entityRef).toBe('component:default/payments-docs');
    expect(done.output?.links).toEqual([
      { title: 'Repository', url: expect.stringContaining('payments-docs.git') },
      { title: 'Open in catalog', entityRef: 'component:default/payments-docs' },
    ]);
  });
});
