import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/catalog/entity.ts';
import { readTemplateDefinition } from '../../../src/core/scaffolder/read-template-definition.ts';

const template = (spec: Record<string, unknown>, metadata: Partial<Entity['metadata']> = {}): Entity => ({
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'svc-template', namespace: 'platform', ...metadata },
  spec: { type: 'service', steps: [], ...spec },
});

describe('readTemplateDefinition', () => {
  it('reads the card: ref, title, description, tags, type, canonical owner', () => {
    const definition = readTemplateDefinition(template({ owner: 'Team-A' }, { title: 'Service', description: 'A service', tags: ['ts', 'recommended'] }));
    expect(definition).toMatchObject({
      ref: 'template:platform/svc-template',
      name: 'svc-template',
      title: 'Service',
      description: 'A service',
      tags: ['ts', 'recommended'],
      type: 'service',
      owner: 'group:platform/team-a',
    });
    const bare = readTemplateDefinition(template({}));
    expect(bare.title).toBe('svc-template');
    expect(bare.owner).toBeUndefined();
    expect(bare.description).toBeUndefined();
    expect(bare.tags).toEqual([]);
  });

  it('parameters: one object is one page, a list is one page each, absent is none', () => {
    const page = { title: 'One', properties: { name: { type: 'string' } } };
    expect(readTemplateDefinition(template({ parameters: page })).pages).toEqual([page]);
    expect(readTemplateDefinition(template({ parameters: [page, { title: 'Two', when: '${{ parameters.name }}' }] })).pages).toHaveLength(2);
    expect(readTemplateDefinition(template({})).pages).toEqual([]);
  });

  it('steps keep their ids; an unnamed step is step-<n> (1-based); expressions are kept as written', () => {
    const steps = [
      { id: 'fetch', name: 'Fetch', action: 'fetch:template', input: { url: './skeleton', values: { name: '${{ parameters.name }}' } } },
      { action: 'debug:log', if: '${{ parameters.debug }}', each: '${{ parameters.items }}' },
      { id: 'publish', action: 'publish:github', if: false },
    ];
    expect(readTemplateDefinition(template({ steps })).steps).toStrictEqual([
      { id: 'fetch', idWritten: true, name: 'Fetch', action: 'fetch:template', input: steps[0]!.input },
      { id: 'step-2', idWritten: false, name: 'debug:log', action: 'debug:log', input: {}, if: '${{ parameters.debug }}', each: '${{ parameters.items }}' },
      { id: 'publish', idWritten: true, name: 'publish', action: 'publish:github', input: {}, if: false },
    ]);
  });

  it('output: links, text, and every other key', () => {
    const output = {
      links: [
        { title: 'Repository', url: '${{ steps.publish.output.remoteUrl }}', if: '${{ parameters.x }}' },
        { entityRef: '${{ steps.register.output.entityRef }}' },
      ],
      text: [{ title: 'Next', content: '**Done**', default: true }],
      remoteUrl: '${{ steps.publish.output.remoteUrl }}',
    };
    expect(readTemplateDefinition(template({ output })).output).toStrictEqual({
      links: output.links,
      text: output.text,
      other: { remoteUrl: '${{ steps.publish.output.remoteUrl }}' },
    });
    expect(readTemplateDefinition(template({})).output).toStrictEqual({ links: [], text: [], other: {} });
  });

  it('approvers and allowed groups: comma-separated refs, canonical with kind group and the template namespace', () => {
    const annotations = {
      'callboard.dev/approvers': 'group:default/Platform-Team, sre ,,group:sre',
      'callboard.dev/allowed-groups': 'backend',
    };
    const definition = readTemplateDefinition(template({}, { annotations }));
    expect(definition.approvers).toEqual(['group:default/platform-team', 'group:platform/sre']);
    expect(definition.allowedGroups).toEqual(['group:platform/backend']);
    expect(readTemplateDefinition(template({})).approvers).toEqual([]);
  });

  it('a ref that does not parse is kept as written, so it matches no group and the check fails closed', () => {
    const definition = readTemplateDefinition(template({}, { annotations: { 'callboard.dev/allowed-groups': 'a:b:c' } }));
    expect(definition.allowedGroups).toEqual(['a:b:c']);
  });
});
