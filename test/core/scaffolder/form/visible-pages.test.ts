import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createTemplateEngine } from '../../../../src/core/scaffolder/expressions.ts';
import { reviewEntries } from '../../../../src/core/scaffolder/form/review-entries.ts';
import { buildFormPages } from '../../../../src/core/scaffolder/form/build-form-model.ts';
import { secretFieldNames } from '../../../../src/core/scaffolder/form/secret-fields.ts';
import { visiblePages } from '../../../../src/core/scaffolder/form/visible-pages.ts';
import type { ParameterPage } from '../../../../src/core/scaffolder/template-definition.ts';
import { TemplateRenderError, type TemplateEngine } from '../../../../src/core/scaffolder/template-engine.ts';

const conditional = (
  parse(readFileSync(join(import.meta.dirname, '../../../fixtures/backstage-corpus/sample-templates/conditional-parameters-demo/template.yaml'), 'utf8')) as {
    spec: { parameters: ParameterPage[] };
  }
).spec.parameters;

describe('visiblePages', () => {
  const engine = createTemplateEngine();

  it.each([
    ['AWS', false, [0, 1, 4]],
    ['GCP', true, [0, 2, 4, 5]],
    ['Azure', false, [0, 3, 4]],
  ])('with cloudProvider %s (monitoring %s) the other pages are skipped', (cloudProvider, enableMonitoring, expected) => {
    expect(visiblePages(conditional, { name: 'x', cloudProvider, enableMonitoring }, engine)).toEqual(expected);
  });

  it('takes boolean `when` as written and keeps a page whose `when` fails to render', () => {
    const failing: TemplateEngine = {
      renderValue: () => {
        throw new TemplateRenderError('boom');
      },
      renderText: () => '',
      checkSyntax: () => [],
    };
    expect(visiblePages([{ when: false }, { when: true }, {}, { when: '${{ nope( }}' }], {}, failing)).toEqual([1, 2, 3]);
  });
});

describe('secretFieldNames', () => {
  it('finds password widgets and Secret fields, including conditional ones', () => {
    const pages: ParameterPage[] = [
      { properties: { name: { type: 'string' }, pw: { type: 'string', 'ui:widget': 'password' } } },
      {
        properties: { auth: { type: 'string', enum: ['token', 'none'] } },
        dependencies: { auth: { oneOf: [{ properties: { auth: { const: 'token' }, token: { type: 'string', 'ui:field': 'Secret' } } }] } },
      },
    ];
    expect(secretFieldNames(pages)).toEqual(['pw', 'token']);
  });
});

describe('reviewEntries', () => {
  it('lists values with enum labels, masks secrets and mask settings, and leaves out show: false', () => {
    const pages = buildFormPages([
      {
        properties: {
          name: { title: 'Name', type: 'string' },
          size: { title: 'Size', type: 'string', enum: ['s'], enumNames: ['Small'] },
          pw: { title: 'Password', type: 'string', 'ui:widget': 'password' },
          internal: { type: 'string', 'ui:backstage': { review: { show: false } } },
          pin: { title: 'PIN', type: 'string', 'ui:backstage': { review: { mask: '####' } } },
          ci: { title: 'CI', type: 'boolean' },
          repoUrl: { title: 'Repository', type: 'string', 'ui:field': 'RepoUrlPicker' },
        },
      },
    ]);
    expect(
      reviewEntries(pages, { name: 'svc', size: 's', pw: 'hunter2', internal: 'x', pin: '1234', ci: false, repoUrl: 'github.com?owner=acme&repo=svc' }),
    ).toEqual([
      { name: 'name', label: 'Name', text: 'svc' },
      { name: 'size', label: 'Size', text: 'Small' },
      { name: 'pw', label: 'Password', text: '******' },
      { name: 'pin', label: 'PIN', text: '####' },
      { name: 'ci', label: 'CI', text: 'No' },
      { name: 'repoUrl', label: 'Repository', text: 'github.com/acme/svc' },
    ]);
  });
});
