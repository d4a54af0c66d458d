import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/catalog/entity.ts';
import { BUILTIN_ACTION_IDS } from '../../../src/core/scaffolder/builtin-action-ids.ts';
import { validateTemplate } from '../../../src/core/scaffolder/validate-template.ts';

const template = (spec: Record<string, unknown>, annotations?: Record<string, string>): Entity => ({
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 't', namespace: 'default', ...(annotations ? { annotations } : {}) },
  spec: { type: 'service', ...spec },
});

const validate = (spec: Record<string, unknown>, annotations?: Record<string, string>) => validateTemplate(template(spec, annotations), BUILTIN_ACTION_IDS);

describe('validateTemplate', () => {
  it('accepts a runnable template', () => {
    const spec = {
      parameters: [
        {
          title: 'Service',
          required: ['name'],
          'ui:order': ['name'],
          properties: { name: { type: 'string', pattern: '^[a-z-]+$', 'ui:autofocus': true }, kind: { enum: ['a', 'b'], enumNames: ['A', 'B'] } },
          errorMessage: { properties: { name: 'lowercase letters and dashes' } },
        },
        { title: 'More', when: '${{ parameters.kind === "a" }}', properties: { x: { type: 'boolean' } } },
      ],
      steps: [
        { id: 'fetch', action: 'fetch:template', input: { url: './skeleton', values: { name: '${{ parameters.name }}' } } },
        { action: 'debug:log', if: '${{ parameters.x }}', each: '${{ parameters.list }}', input: { message: '${{ each.value }}' } },
      ],
      output: { links: [{ title: 'Repo', url: '${{ steps.fetch.output.x }}' }], extra: '${{ parameters.name }}' },
    };
    expect(validate(spec, { 'callboard.dev/approvers': 'group:default/platform, sre' })).toEqual([]);
  });

  it('an unknown action names the step and the action, and lists close known ids', () => {
    const issues = validate({ steps: [{ id: 'fetch', action: 'fetch:cookiecutter' }, { action: 'publish:gitlab' }] });
    expect(issues.map((issue) => issue.path)).toEqual([
      ['spec', 'steps', 0, 'action'],
      ['spec', 'steps', 1, 'action'],
    ]);
    expect(issues[0]!.message).toMatch(/^step "fetch" uses action "fetch:cookiecutter", which Callboard does not have \(close ones: fetch:template/);
    expect(issues[1]!.message).toMatch(/step "step-2" uses action "publish:gitlab".*publish:github, publish:git/);
    expect(issues[1]!.message).toMatch(/change the step to one of them or remove it/);
  });

  it('an action with nothing close lists every known action', () => {
    const [issue] = validate({ steps: [{ id: 'x', action: 'notification:send' }] });
    expect(issue!.message).toContain(`known actions: ${BUILTIN_ACTION_IDS.join(', ')}`);
  });

  it('an expression that does not parse names the step and the field', () => {
    const issues = validate({
      steps: [
        { id: 'fetch', action: 'fetch:template', input: { values: { name: '${{ parameters.name ' } } },
        { id: 'log', action: 'debug:log', if: '${{ !parameters.x }}' },
      ],
      parameters: [{ title: 'p', when: '{% if %}' }],
      output: { text: [{ content: '${{ steps.fetch.output.x | }}' }] },
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      ['spec', 'steps', 0, 'input', 'values', 'name'],
      ['spec', 'steps', 1, 'if'],
      ['spec', 'parameters', 0, 'when'],
      ['spec', 'output', 'text', 0, 'content'],
    ]);
    expect(issues[0]!.message).toMatch(/^step "fetch", input\.values\.name: "\$\{\{ parameters\.name " does not parse: .*; fix the expression$/);
    expect(issues[1]!.message).toMatch(/^step "log", if: .*Unexpected character "!"/);
    expect(issues[3]!.message).toMatch(/^spec\.output\.text\[0\]\.content: /);
  });

  it('a parameters page that is not valid JSON Schema is reported where it is wrong', () => {
    const issues = validate({
      steps: [],
      parameters: [
        { title: 'ok', properties: { a: { type: 'string' } } },
        { title: 'bad', properties: { name: { type: 'strin' } } },
      ],
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path.slice(0, 6)).toEqual(['spec', 'parameters', 1, 'properties', 'name', 'type']);
    expect(issues[0]!.message).toMatch(/JSON Schema: .*; fix this page of spec\.parameters/);
  });

  it('a schema ajv cannot compile (a bad pattern) is reported on its page, also as one object', () => {
    const issues = validate({ steps: [], parameters: { properties: { name: { type: 'string', pattern: '([a-z' } } } });
    expect(issues.map((issue) => issue.path)).toEqual([['spec', 'parameters']]);
    expect(issues[0]!.message).toMatch(/does not compile/);
  });

  it('a step id used twice, including a written id equal to a generated one', () => {
    const issues = validate({
      steps: [{ id: 'fetch', action: 'debug:log' }, { id: 'fetch', action: 'debug:log' }, { action: 'debug:log' }, { id: 'step-3', action: 'debug:log' }],
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      ['spec', 'steps', 1, 'id'],
      ['spec', 'steps', 3, 'id'],
    ]);
    expect(issues[0]!.message).toBe('step id "fetch" is used twice (steps 1 and 2); give each step its own id, since steps.fetch.output can name only one');
  });

  it('an approvers or allowed-groups ref that does not parse', () => {
    const issues = validate({ steps: [] }, { 'callboard.dev/allowed-groups': 'team-a, a:b:c' });
    expect(issues.map((issue) => issue.path)).toEqual([['metadata', 'annotations', 'callboard.dev/allowed-groups']]);
    expect(issues[0]!.message).toMatch(/names "a:b:c", which is not a group ref/);
  });

  it('checks against the action ids it is given', () => {
    expect(validate({ steps: [{ action: 'acme:deploy' }] })).toHaveLength(1);
    expect(validateTemplate(template({ steps: [{ action: 'acme:deploy' }] }), [...BUILTIN_ACTION_IDS, 'acme:deploy'])).toEqual([]);
  });
});
