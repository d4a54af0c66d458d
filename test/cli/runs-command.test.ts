import { describe, expect, it } from 'vitest';
import { runsCommand } from '../../src/cli/commands/runs-command.ts';
import { captureIo, openWith, runRecord, scaffolderDouble, step } from './scaffolder-double.ts';

const older = runRecord({
  id: 'run-old',
  createdAt: '2026-12-05T10:00:00.000Z',
  finishedAt: '2026-12-05T10:00:03.000Z',
  status: 'failed',
  templateEtag: 'abcdef0123456789',
  steps: [
    step({ id: 'fetch', action: 'fetch:template', status: 'done', durationMs: 40 }),
    step({ id: 'publish', action: 'publish:github', status: 'failed', error: 'token lacks repo scope' }),
  ],
});
const newer = runRecord({
  id: 'run-new',
  createdAt: '2026-12-06T09:00:00.000Z',
  createdBy: 'user:default/dana',
  status: 'succeeded',
  values: { name: 'billing-api', docker: false },
  steps: [step({ id: 'fetch', action: 'fetch:template', status: 'done', durationMs: 2400 })],
  output: { links: [{ title: 'Open in catalog', entityRef: 'component:default/billing-api' }], text: [{ title: 'Next', content: 'Add a deploy job.' }] },
  entityRef: 'component:default/billing-api',
});

describe('callboard runs', () => {
  it('lists runs newest first: template and version, who and when, values, steps, links and text', async () => {
    let asked: unknown;
    const { open, state } = openWith(scaffolderDouble({ runs: (options) => ((asked = options), [older, newer]) }));
    const { io, text } = captureIo();
    await runsCommand(io, open)({});
    expect(asked).toEqual({ limit: 50 });
    expect(state.closed).toBe(1);
    expect(text()).toBe(
      [
        'run-new  succeeded  template:default/typescript-service',
        '  by user:default/dana, 2026-12-06T09:00:00.000Z',
        '  values: name=billing-api, docker=false',
        '  steps: fetch done 2.4 s',
        '  Open in catalog: component:default/billing-api',
        '  Next:',
        '    Add a deploy job.',
        '',
        'run-old  failed  template:default/typescript-service @abcdef012345',
        '  by cli:dana, 2026-12-05T10:00:00.000Z → 2026-12-05T10:00:03.000Z',
        '  values: name=billing-api',
        '  steps: fetch done 40 ms · publish failed: token lacks repo scope',
      ].join('\n'),
    );
  });

  it('--json shows values a template masks for review masked, as the text does', async () => {
    const masked = runRecord({ id: 'run-masked', values: { name: 'billing-api', apiKey: 'k-123' }, maskedValues: { apiKey: '******' } });
    const { open } = openWith(scaffolderDouble({ runs: () => [masked] }));
    const { io, text } = captureIo();
    await runsCommand(io, open)({ json: true });
    expect(text()).not.toContain('k-123');
    const [run] = JSON.parse(text()) as { values: Record<string, unknown>; maskedValues?: unknown }[];
    expect(run?.values).toEqual({ name: 'billing-api', apiKey: '******' });
    expect(run).not.toHaveProperty('maskedValues');
  });

  it('--json prints the records newest first; --template and --limit narrow the query', async () => {
    let asked: unknown;
    const { open } = openWith(scaffolderDouble({ runs: (options) => ((asked = options), [older, newer]) }));
    const { io, text } = captureIo();
    await runsCommand(io, open)({ json: true, limit: 5, template: 'typescript-service' });
    expect(asked).toEqual({ limit: 5, templateRef: 'template:default/typescript-service' });
    expect((JSON.parse(text()) as { id: string }[]).map((run) => run.id)).toEqual(['run-new', 'run-old']);
  });

  it('says how to start a run when there is none', async () => {
    const { open } = openWith(scaffolderDouble({ runs: () => [] }));
    const { io, text } = captureIo();
    await runsCommand(io, open)({});
    expect(text()).toBe('No scaffolder runs yet. Start one with `callboard scaffold <template> --values FILE`.');
  });
});
