import { afterEach, describe, expect, it } from 'vitest';
import { validateTemplate } from '../../../src/core/scaffolder/validate-template.ts';
import { BUILTIN_ACTION_IDS } from '../../../src/core/scaffolder/builtin-action-ids.ts';
import { builtinActions } from '../../../src/scaffolder/actions/builtin-actions.ts';
import { alice, bob, closeHarnesses, scaffolderHarness, stranger } from './helpers/scaffolder-harness.ts';
import { orgRelations, templateEntity } from './helpers/fake-catalog.ts';

afterEach(closeHarnesses);

const step = { id: 'a', action: 'test:record', input: { name: 'x' } };
const open = templateEntity(
  'docs-site',
  { type: 'documentation', steps: [step] },
  { title: 'Docs site', description: 'A TechDocs site', tags: ['docs', 'mkdocs'] },
);
const restricted = templateEntity(
  'payments-service',
  { steps: [step] },
  {
    title: 'Payments service',
    description: 'A service for money',
    tags: ['typescript'],
    annotations: { 'callboard.dev/allowed-groups': 'group:default/engineering' },
  },
);
const broken = templateEntity('broken', { steps: [{ id: 'a', action: 'no:such-action', input: {} }] }, { title: 'Broken' });

// alice is in payments, a child of backend, a child of engineering; bob is in sales.
const relations = orgRelations(
  { 'user:default/alice': ['group:default/payments'], 'user:default/bob': ['group:default/sales'] },
  { 'group:default/payments': 'group:default/backend', 'group:default/backend': 'group:default/engineering' },
);

const harness = () => scaffolderHarness({ entities: [open, restricted, broken], relations });

describe('templates', () => {
  it("shows the catalog's stored problem (with file and line) once, not again from the template's own check", () => {
    // The catalog checked the template against the built-in actions when it synced it.
    const [issue] = validateTemplate(broken, BUILTIN_ACTION_IDS);
    const stored = {
      severity: 'error' as const,
      message: issue!.message,
      file: 'templates/broken.yaml',
      line: 7,
      entityRef: 'template:default/broken',
      sourceId: 'dir:x',
      origin: 'file',
    };
    const { scaffolder } = scaffolderHarness({ entities: [broken], problems: [stored], actions: builtinActions() });
    expect(scaffolder.listTemplates(alice)[0]?.problems).toEqual([
      { severity: 'error', message: issue!.message, file: 'templates/broken.yaml', line: 7, entityRef: 'template:default/broken' },
    ]);
  });

  it('lists a group-restricted template to members of child groups of an allowed group only', () => {
    const { scaffolder } = harness();
    expect(scaffolder.listTemplates(alice).map((template) => template.ref)).toEqual([
      'template:default/broken',
      'template:default/docs-site',
      'template:default/payments-service',
    ]);
    expect(scaffolder.listTemplates(bob).map((template) => template.ref)).toEqual(['template:default/broken', 'template:default/docs-site']);
    expect(scaffolder.listTemplates(stranger).map((template) => template.ref)).toEqual(['template:default/broken', 'template:default/docs-site']);
    expect(scaffolder.listTemplates(undefined).map((template) => template.ref)).not.toContain('template:default/payments-service');
  });

  it('refuses someone outside the allowed groups who asks for the template by ref, naming the groups', async () => {
    const { scaffolder, journal } = harness();
    expect(() => scaffolder.template('template:default/payments-service', bob)).toThrow(/group:default\/engineering/);
    expect(() => scaffolder.template('template:default/payments-service', bob)).toThrowError(expect.objectContaining({ code: 'permission_denied' }));
    expect(scaffolder.template('template:default/payments-service', alice).title).toBe('Payments service');
    expect(scaffolder.template('payments-service', alice).ref).toBe('template:default/payments-service');
    expect(scaffolder.template('Template:default/Payments-Service', alice).ref).toBe('template:default/payments-service');
    await expect(scaffolder.start({ templateRef: 'template:default/payments-service', values: {}, requester: bob })).rejects.toMatchObject({
      code: 'permission_denied',
    });
    expect(() => scaffolder.template('template:default/nothing', alice)).toThrowError(expect.objectContaining({ code: 'not_found' }));
    expect(journal.calls).toEqual([]);
  });

  it('filters by words over title, description, tags and type', () => {
    const { scaffolder } = harness();
    expect(scaffolder.listTemplates(alice, 'mkdocs').map((template) => template.ref)).toEqual(['template:default/docs-site']);
    expect(scaffolder.listTemplates(alice, 'DOCUMENTATION site').map((template) => template.ref)).toEqual(['template:default/docs-site']);
    expect(scaffolder.listTemplates(alice, 'money').map((template) => template.ref)).toEqual(['template:default/payments-service']);
    expect(scaffolder.listTemplates(alice, 'money docs')).toEqual([]);
  });

  it('lists a template naming an unknown action with its problem, as not runnable, and refuses to run it', async () => {
    const { scaffolder } = harness();
    const summary = scaffolder.listTemplates(alice, 'broken')[0];
    expect(summary).toMatchObject({
      canRun: false,
      problems: [expect.objectContaining({ message: expect.stringMatching(/^step "[^"]+" uses action "no:such-action"/) })],
    });
    expect(scaffolder.listTemplates(alice, 'docs')[0]).toMatchObject({
      canRun: true,
      problems: [],
      type: 'documentation',
      tags: ['docs', 'mkdocs'],
      owner: 'group:default/platform',
    });
    await expect(scaffolder.start({ templateRef: 'template:default/broken', values: {}, requester: alice })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('no:such-action'),
    });
  });
});
