import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { alice, closeHarnesses, scaffolderHarness, tempDir } from './helpers/scaffolder-harness.ts';
import { CallboardError } from '../../../src/core/errors.ts';
import { DryRunFailedError } from '../../../src/scaffolder/scaffolder.ts';
import { catalogWriteAction } from '../../../src/scaffolder/actions/catalog-write-action.ts';
import { templateEntity } from './helpers/fake-catalog.ts';

afterEach(closeHarnesses);

const service = templateEntity('service', {
  parameters: { properties: { name: { type: 'string' }, register: { type: 'boolean' } } },
  steps: [
    { id: 'readme', name: 'README', action: 'test:write', input: { path: 'README.md', content: '# ${{ parameters.name }}' } },
    { id: 'info', name: 'Catalog file', action: 'test:write', input: { path: 'catalog-info.yaml', content: 'metadata:\n  name: ${{ parameters.name }}\n' } },
    { id: 'publish', name: 'Publish', action: 'publish:fake', input: { repoUrl: 'github.com?owner=acme&repo=${{ parameters.name }}' } },
    { id: 'register', name: 'Register', action: 'catalog:register', if: '${{ parameters.register }}', input: { entityRef: 'component:default/x' } },
  ],
});

const request = { templateRef: 'template:default/service', values: { name: 'checkout', register: false }, requester: alice };

describe('preview', () => {
  it('runs only the dry-runnable steps, lists the files, the rendered catalog-info.yaml, every step and the repository', async () => {
    const harness = scaffolderHarness({ entities: [service] });
    const preview = await harness.scaffolder.preview(request);
    expect(preview).toEqual({
      files: ['README.md', 'catalog-info.yaml'],
      catalogInfo: 'metadata:\n  name: checkout\n',
      steps: [
        { id: 'readme', name: 'README', action: 'test:write', willRun: true, ranInDryRun: true },
        { id: 'info', name: 'Catalog file', action: 'test:write', willRun: true, ranInDryRun: true },
        { id: 'publish', name: 'Publish', action: 'publish:fake', willRun: true, ranInDryRun: false },
        { id: 'register', name: 'Register', action: 'catalog:register', willRun: false, ranInDryRun: false },
      ],
      repository: 'github.com/acme/checkout',
    });
    expect(harness.journal.calls).toEqual(['write README.md', 'write catalog-info.yaml']);
    expect(harness.scaffolder.runs()).toEqual([]);
  });

  it('writes into outDir when given and leaves the files there', async () => {
    const harness = scaffolderHarness({ entities: [service] });
    const outDir = join(tempDir('callboard-dry-run-'), 'out');
    const preview = await harness.scaffolder.preview(request, { outDir });
    expect(preview.outDir).toBe(outDir);
    expect(readFileSync(join(outDir, 'README.md'), 'utf8')).toBe('# checkout');
    expect(existsSync(join(outDir, 'catalog-info.yaml'))).toBe(true);
  });

  it('validates the values first, as a run does', async () => {
    const harness = scaffolderHarness({ entities: [service] });
    await expect(harness.scaffolder.preview({ ...request, values: { name: 42 } })).rejects.toMatchObject({
      code: 'invalid_input',
      fieldErrors: { name: expect.any(String) },
    });
  });

  it('masks a secret the dry run wrote into the catalog file it shows', async () => {
    const leaky = templateEntity('leaky', {
      parameters: { properties: { token: { type: 'string', 'ui:widget': 'password' } } },
      steps: [{ id: 'info', action: 'test:write', input: { path: 'catalog-info.yaml', content: 'token: ${{ parameters.token }}\n' } }],
    });
    const harness = scaffolderHarness({ entities: [leaky] });
    const preview = await harness.scaffolder.preview({ templateRef: 'template:default/leaky', values: { token: 's3cr3t-value' }, requester: alice });
    expect(preview.catalogInfo).toBe('token: ***\n');
  });

  it('gives actions the template ref, so catalog:write records backstage.io/source-template', async () => {
    const writer = templateEntity('writer', {
      steps: [{ id: 'info', action: 'catalog:write', input: { entity: { kind: 'Component', metadata: { name: 'svc' } } } }],
    });
    const harness = scaffolderHarness({ entities: [writer], actions: [catalogWriteAction] });
    const preview = await harness.scaffolder.preview({ templateRef: 'writer', values: {}, requester: alice });
    expect(preview.catalogInfo).toContain('backstage.io/source-template: template:default/writer');
  });

  it('a failing dry-run step is a DryRunFailedError naming the step (the CLI prints it, exit 1, no stack trace)', async () => {
    const broken = templateEntity('broken-path', {
      steps: [{ id: 'escape', action: 'test:write', input: { path: '${{ parameters.name | nosuchfilter }}', content: 'x' } }],
    });
    const harness = scaffolderHarness({ entities: [broken] });
    const error = await harness.scaffolder.preview({ templateRef: 'broken-path', values: { name: 'x' }, requester: alice }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DryRunFailedError);
    expect(error).toBeInstanceOf(CallboardError);
    expect(error).toMatchObject({
      code: 'dry_run_failed',
      message: expect.stringMatching(/^the dry run of step escape \(test:write\) failed: step escape input/),
    });
  });
});
