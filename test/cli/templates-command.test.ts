import { describe, expect, it } from 'vitest';
import { templatesCommand } from '../../src/cli/commands/templates-command.ts';
import type { TemplateSummary } from '../../src/scaffolder/scaffolder.ts';
import { captureIo, openWith, scaffolderDouble } from './scaffolder-double.ts';

const service: TemplateSummary = {
  ref: 'template:default/typescript-service',
  title: 'TypeScript HTTP service',
  description: 'A small TypeScript HTTP service.',
  type: 'service',
  owner: 'group:default/platform-team',
  tags: ['recommended', 'typescript'],
  canRun: true,
  problems: [],
  needsApproval: true,
};

const broken: TemplateSummary = {
  ref: 'template:default/legacy',
  title: 'legacy',
  type: 'website',
  tags: [],
  canRun: false,
  problems: [
    { severity: 'error', message: 'step "publish": unknown action "publish:bitbucket"', file: 'templates/legacy/template.yaml', line: 31, column: 15 },
    { severity: 'warning', message: 'no spec.owner', file: 'templates/legacy/template.yaml', line: 1, column: 1 },
  ],
  needsApproval: false,
};

describe('callboard templates', () => {
  it('lists the templates open to everyone (no requester), and why one cannot run', async () => {
    let askedFor: unknown = 'not asked';
    const { open, state } = openWith(scaffolderDouble({ listTemplates: (requester) => ((askedFor = requester), [service, broken]) }));
    const { io, text } = captureIo();
    await templatesCommand(io, open)({});
    expect(askedFor).toBeUndefined();
    expect(state.closed).toBe(1);
    expect(text()).toBe(
      [
        'template:default/typescript-service  TypeScript HTTP service',
        '  A small TypeScript HTTP service.',
        '  type: service   owner: group:default/platform-team   tags: recommended, typescript',
        '  can run: yes (after approval)',
        '',
        'template:default/legacy  legacy',
        '  type: website',
        '  can run: no —',
        '    templates/legacy/template.yaml:31: step "publish": unknown action "publish:bitbucket"',
      ].join('\n'),
    );
  });

  it('--json gives ref, title, description, type, owner, tags, can run and why not (errors only)', async () => {
    const { open } = openWith(scaffolderDouble({ listTemplates: () => [service, broken] }));
    const { io, text } = captureIo();
    await templatesCommand(io, open)({ json: true });
    expect(JSON.parse(text())).toEqual([
      {
        ref: 'template:default/typescript-service',
        title: 'TypeScript HTTP service',
        description: 'A small TypeScript HTTP service.',
        type: 'service',
        owner: 'group:default/platform-team',
        tags: ['recommended', 'typescript'],
        canRun: true,
        needsApproval: true,
        whyNot: [],
      },
      {
        ref: 'template:default/legacy',
        title: 'legacy',
        type: 'website',
        tags: [],
        canRun: false,
        needsApproval: false,
        whyNot: [{ message: 'step "publish": unknown action "publish:bitbucket"', file: 'templates/legacy/template.yaml', line: 31 }],
      },
    ]);
  });

  it('--as lists what that catalog User may run', async () => {
    let askedFor: unknown;
    const { open } = openWith(scaffolderDouble({ listTemplates: (requester) => ((askedFor = requester), [service]) }));
    const { io } = captureIo();
    await templatesCommand(io, open)({ as: 'user:default/dana' });
    expect(askedFor).toEqual({ userRef: 'user:default/dana', fallbackId: 'cli:dana' });
  });

  it('says where templates come from when there are none', async () => {
    const { open } = openWith(scaffolderDouble({ listTemplates: () => [] }));
    const { io, text } = captureIo();
    await templatesCommand(io, open)({});
    expect(text()).toMatch(/^No templates in the catalog\. .*templates\//);
  });
});
