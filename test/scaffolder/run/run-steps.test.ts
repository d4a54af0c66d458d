import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../src/core/scaffolder/run-record.ts';
import { alice, closeHarnesses, scaffolderHarness } from './helpers/scaffolder-harness.ts';
import { templateEntity, userEntity } from './helpers/fake-catalog.ts';

afterEach(closeHarnesses);

const parameters = { properties: { name: { type: 'string' }, regions: { type: 'array', items: { type: 'string' } }, docs: { type: 'boolean' } } };

const pipeline = templateEntity('pipeline', {
  parameters,
  steps: [
    { id: 'first', name: 'First', action: 'test:record', input: { name: '${{ parameters.name }}', value: { upper: '${{ parameters.name | upper }}' } } },
    { id: 'docs', name: 'Docs', action: 'test:record', if: '${{ parameters.docs }}', input: { name: 'docs' } },
    { id: 'regions', name: 'Regions', action: 'test:record', each: '${{ parameters.regions }}', input: { name: '${{ each.key }}:${{ each.value }}' } },
    {
      id: 'last',
      name: 'Last',
      action: 'test:record',
      input: { name: "${{ steps.first.output.value.upper }}-${{ steps['regions'].output.name | join(',') }}" },
    },
  ],
  output: {
    links: [
      { title: 'Repository', url: 'https://git.example/${{ parameters.name }}' },
      { title: 'Docs', url: 'https://docs.example/${{ parameters.name }}', if: '${{ parameters.docs }}' },
      { title: 'Catalog', entityRef: 'component:default/${{ parameters.name }}' },
    ],
    text: [{ title: 'Next', content: 'Run ${{ steps.last.output.name }}' }],
    task: '${{ context.task.id }}',
    by: '${{ user.entity.metadata.name }}',
  },
});

const start = async (values: Record<string, unknown>, seen: RunRecord[] = []) => {
  const harness = scaffolderHarness({ entities: [pipeline, userEntity('alice')] });
  const run = await harness.scaffolder.start({ templateRef: 'template:default/pipeline', values, requester: alice }, (changed) => void seen.push(changed));
  return { harness, run, done: await harness.scaffolder.settled(run.id) };
};

describe('a run', () => {
  it('runs the steps in order, skips a step whose if is false, runs each per item, and passes outputs on', async () => {
    const { harness, run, done } = await start({ name: 'svc', regions: ['eu', 'us'], docs: false });
    expect(run.status).toBe('running');
    expect(harness.journal.calls).toEqual(['record svc', 'record 0:eu', 'record 1:us', 'record SVC-0:eu,1:us']);
    expect(done.status).toBe('succeeded');
    expect(done.steps.map((step) => [step.id, step.status])).toEqual([
      ['first', 'done'],
      ['docs', 'skipped'],
      ['regions', 'done'],
      ['last', 'done'],
    ]);
    expect(done.steps[2]?.output).toEqual({ name: ['0:eu', '1:us'] });
    expect(done.steps[0]?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('renders the outputs at the end: links by url or entityRef, a link whose if is false dropped, text, other keys', async () => {
    const { done } = await start({ name: 'svc', regions: ['eu'], docs: false });
    expect(done.output).toEqual({
      links: [
        { title: 'Repository', url: 'https://git.example/svc' },
        { title: 'Catalog', entityRef: 'component:default/svc' },
      ],
      text: [{ title: 'Next', content: 'Run SVC-0:eu' }],
      task: done.id,
      by: 'alice',
    });
  });

  it('tells the listener every change, step by step, and removes the workspace after success', async () => {
    const seen: RunRecord[] = [];
    const { harness, done } = await start({ name: 'svc', regions: ['eu'], docs: true }, seen);
    const statuses = seen.map((run) => run.steps.map((step) => step.status[0]).join(''));
    expect(statuses).toEqual(['rppp', 'dppp', 'drpp', 'ddpp', 'ddrp', 'dddp', 'dddr', 'dddd', 'dddd']);
    expect(seen.at(-1)?.status).toBe('succeeded');
    expect(existsSync(join(harness.workspaceDir, done.id))).toBe(false);
    expect(harness.released).toEqual(['template:default/pipeline']);
    expect(harness.scaffolder.runs()[0]).toEqual(done);
  });

  it('refuses values that do not fit the schema before anything is recorded, naming the field', async () => {
    const strict = templateEntity('strict', {
      parameters: { required: ['name'], properties: { name: { type: 'string', pattern: '^[a-z]+$' } } },
      steps: [{ id: 'a', action: 'test:record', input: { name: 'x' } }],
    });
    const harness = scaffolderHarness({ entities: [strict] });
    const attempt = harness.scaffolder.start({ templateRef: 'template:default/strict', values: { name: 'Not Valid' }, requester: alice });
    await expect(attempt).rejects.toMatchObject({ code: 'invalid_input', fieldErrors: { name: expect.stringContaining('pattern') } });
    expect(harness.scaffolder.runs()).toEqual([]);
    expect(harness.journal.calls).toEqual([]);
  });

  it('fails a step whose rendered input does not fit the action, naming the input', async () => {
    const bad = templateEntity('bad-input', { steps: [{ id: 'a', name: 'A', action: 'test:record', input: { name: '${{ 42 }}' } }] });
    const harness = scaffolderHarness({ entities: [bad] });
    const run = await harness.scaffolder.start({ templateRef: 'template:default/bad-input', values: {}, requester: alice });
    const done = await harness.scaffolder.settled(run.id);
    expect(done.status).toBe('failed');
    expect(done.steps[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/^step a \(test:record\): input\.name: .*string/) });
    expect(harness.journal.calls).toEqual([]);
  });

  it('fails an each that renders to something other than an array or an object', async () => {
    const bad = templateEntity('bad-each', { steps: [{ id: 'loop', action: 'test:record', each: '${{ 3 }}', input: { name: 'x' } }] });
    const harness = scaffolderHarness({ entities: [bad] });
    const done = await harness.scaffolder.settled(
      (await harness.scaffolder.start({ templateRef: 'template:default/bad-each', values: {}, requester: alice })).id,
    );
    expect(done.steps[0]?.error).toBe('step loop each: must render to an array or an object, got number');
  });

  it('evaluates an if per item when the step has each, as Backstage does', async () => {
    const perItem = templateEntity('per-item', {
      steps: [{ id: 'loop', action: 'test:record', each: ['a', 'b', 'c'], if: "${{ each.value !== 'b' }}", input: { name: '${{ each.value }}' } }],
    });
    const harness = scaffolderHarness({ entities: [perItem] });
    const done = await harness.scaffolder.settled(
      (await harness.scaffolder.start({ templateRef: 'template:default/per-item', values: {}, requester: alice })).id,
    );
    expect(harness.journal.calls).toEqual(['record a', 'record c']);
    expect(done.steps[0]?.output).toEqual({ name: ['a', 'c'] });
  });

  it('runs each over an object with each.key as the property name', async () => {
    const overObject = templateEntity('over-object', {
      steps: [{ id: 'loop', action: 'test:record', each: { eu: 'frankfurt', us: 'virginia' }, input: { name: '${{ each.key }}=${{ each.value }}' } }],
    });
    const harness = scaffolderHarness({ entities: [overObject] });
    await harness.scaffolder.settled((await harness.scaffolder.start({ templateRef: 'template:default/over-object', values: {}, requester: alice })).id);
    expect(harness.journal.calls).toEqual(['record eu=frankfurt', 'record us=virginia']);
  });

  it('validates every item of an each before running any, naming the failing item', async () => {
    const badItem = templateEntity('bad-item', {
      steps: [{ id: 'loop', action: 'test:record', each: ['fine', 7], input: { name: '${{ each.value }}' } }],
    });
    const harness = scaffolderHarness({ entities: [badItem] });
    const done = await harness.scaffolder.settled(
      (await harness.scaffolder.start({ templateRef: 'template:default/bad-item', values: {}, requester: alice })).id,
    );
    expect(harness.journal.calls).toEqual([]);
    expect(done.steps[0]?.error).toMatch(/^step loop \(test:record\[1\]\): input\.name: /);
  });

  it('drops the answers of a page whose when is false before validating and running, as Backstage does', async () => {
    const paged = templateEntity('paged', {
      parameters: [
        { properties: { kind: { type: 'string' } } },
        { when: "${{ parameters.kind == 'svc' }}", required: ['port'], properties: { port: { type: 'number', maximum: 65535 } } },
      ],
      steps: [{ id: 'show', action: 'test:record', input: { name: 'port-${{ parameters.port }}' } }],
    });
    const harness = scaffolderHarness({ entities: [paged] });
    const run = await harness.scaffolder.start({ templateRef: 'paged', values: { kind: 'lib', port: 99999 }, requester: alice });
    expect(run.values).toEqual({ kind: 'lib' });
    expect((await harness.scaffolder.settled(run.id)).status).toBe('succeeded');
    expect(harness.journal.calls).toEqual(['record port-']);
  });
});
