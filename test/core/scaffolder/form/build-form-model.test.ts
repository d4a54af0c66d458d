import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildFormPage, buildFormPages, isFieldActive } from '../../../../src/core/scaffolder/form/build-form-model.ts';
import { orderFieldNames } from '../../../../src/core/scaffolder/form/order-fields.ts';
import type { ParameterPage } from '../../../../src/core/scaffolder/template-definition.ts';

const corpus = join(import.meta.dirname, '../../../fixtures/backstage-corpus');
const templatePages = (path: string): ParameterPage[] => {
  const doc = parse(readFileSync(join(corpus, path), 'utf8')) as { spec: { parameters: ParameterPage | ParameterPage[] } };
  return Array.isArray(doc.spec.parameters) ? doc.spec.parameters : [doc.spec.parameters];
};

describe('orderFieldNames', () => {
  it.each([
    [undefined, ['a', 'b', 'c', 'd']],
    [
      ['c', 'a'],
      ['c', 'a', 'b', 'd'],
    ],
    [
      ['c', '*', 'a'],
      ['c', 'b', 'd', 'a'],
    ],
    [
      ['*', 'b'],
      ['a', 'c', 'd', 'b'],
    ],
    [
      ['ghost', 'd', '*'],
      ['d', 'a', 'b', 'c'],
    ],
  ])('ui:order %j', (order, expected) => {
    expect(orderFieldNames(['a', 'b', 'c', 'd'], order)).toEqual(expected);
  });
});

describe('buildFormPages on the BUI kitchen sink template', () => {
  const pages = buildFormPages(templatePages('sample-templates/bui-kitchen-sink-demo/template.yaml'));
  const field = (name: string) => pages.flatMap((page) => page.fields).find((candidate) => candidate.name === name)!;

  it('chooses the input kind for every widget and field extension', () => {
    expect(
      Object.fromEntries(
        [
          'name',
          'description',
          'password',
          'secret',
          'replicas',
          'enabled',
          'environment',
          'features',
          'tags',
          'startDate',
          'owner',
          'componentName',
          'ownerRef',
        ].map((name) => [name, field(name).kind]),
      ),
    ).toEqual({
      name: 'text',
      description: 'textarea',
      password: 'password',
      secret: 'text',
      replicas: 'number',
      enabled: 'checkbox',
      environment: 'static-select',
      features: 'multi-select',
      tags: 'unsupported',
      startDate: 'date',
      owner: 'unsupported',
      componentName: 'entity-name',
      ownerRef: 'owner-picker',
    });
  });

  it('keeps defaults, limits, hints, required and the hidden flag', () => {
    expect(field('replicas')).toMatchObject({ default: 3, minimum: 1, maximum: 10, integer: true, hint: 'Plain integer input' });
    expect(field('name').required).toBe(true);
    expect(field('description').required).toBe(false);
    expect(field('secret')).toMatchObject({ hidden: true, default: 'hidden-default-value' });
    expect(field('password')).toMatchObject({ secret: true, review: { show: true, mask: '******' } });
    expect(field('environment').options).toEqual([
      { value: 'development', label: 'development' },
      { value: 'staging', label: 'staging' },
      { value: 'production', label: 'production' },
    ]);
    expect(field('ownerRef').picker).toEqual({ catalogFilter: [{ kind: ['User', 'Group'] }], allowArbitraryValues: true });
    expect(field('tags').note).toMatch(/one item per line/);
    expect(field('owner').note).toMatch(/JSON/);
  });
});

describe('buildFormPage', () => {
  it('labels enum options with enumNames and moves long enums to an external select', () => {
    const long = Array.from({ length: 101 }, (_, i) => `region-${i}`);
    const page = buildFormPage(
      { properties: { size: { type: 'string', enum: ['s', 'm'], enumNames: ['Small', 'Medium'] }, region: { type: 'string', enum: long } } },
      0,
    );
    expect(page.fields[0]).toMatchObject({
      kind: 'static-select',
      options: [
        { value: 's', label: 'Small' },
        { value: 'm', label: 'Medium' },
      ],
    });
    expect(page.fields[1]).toMatchObject({ kind: 'external-select', multiple: false });
    expect(page.fields[1]!.options).toHaveLength(101);
  });

  it('reads picker options, repo-url limits, review settings, context text and unknown fields', () => {
    const page = buildFormPage(
      {
        title: 'Where',
        properties: {
          intro: { type: 'null', description: 'Pick a home for the code.' },
          system: {
            type: 'string',
            'ui:field': 'EntityPicker',
            'ui:options': {
              catalogFilter: [{ kind: 'System' }, { kind: 'Component', 'spec.type': ['service', 'website'] }],
              allowArbitraryValues: false,
              defaultNamespace: 'ops',
            },
          },
          repoUrl: { type: 'string', 'ui:field': 'RepoUrlPicker', 'ui:options': { allowedHosts: ['github.com'], allowedOwners: ['acme'] } },
          token: { type: 'string', 'ui:field': 'Secret' },
          note: { type: 'string', 'ui:backstage': { review: { show: false } } },
          branch: { type: 'string', 'ui:field': 'RepoBranchPicker', 'ui:help': 'The branch to start from' },
        },
      },
      2,
    );
    const byName = Object.fromEntries(page.fields.map((field) => [field.name, field]));
    expect(page).toMatchObject({ index: 2, title: 'Where', notes: [] });
    expect(byName.intro).toMatchObject({ kind: 'context', note: 'Pick a home for the code.' });
    expect(byName.system!.picker).toEqual({
      catalogFilter: [{ kind: ['System'] }, { kind: ['Component'], 'spec.type': ['service', 'website'] }],
      allowArbitraryValues: false,
      defaultNamespace: 'ops',
    });
    expect(byName.repoUrl!.repoUrl).toEqual({ allowedHosts: ['github.com'], allowedOwners: ['acme'], allowedRepos: [] });
    expect(byName.token).toMatchObject({ kind: 'password', secret: true });
    expect(byName.note!.review).toEqual({ show: false });
    expect(byName.branch).toMatchObject({ kind: 'unsupported', hint: 'The branch to start from' });
    expect(byName.branch!.note).toContain('RepoBranchPicker');
  });

  it('maps dependencies with oneOf into conditional fields placed after the field they depend on', () => {
    const page = buildFormPage(
      {
        properties: { db: { type: 'string', enum: ['none', 'postgres', 'mysql'] }, name: { type: 'string' } },
        dependencies: {
          db: {
            oneOf: [
              { properties: { db: { enum: ['none'] } } },
              { properties: { db: { enum: ['postgres'] }, dbSize: { type: 'integer' }, dbVersion: { type: 'string' } }, required: ['dbSize'] },
              { properties: { db: { const: 'mysql' }, dbSize: { type: 'integer' } }, required: ['dbSize'] },
            ],
          },
        },
      },
      0,
    );
    expect(page.fields.map((field) => field.name)).toEqual(['db', 'dbSize', 'dbVersion', 'name']);
    expect(page.fields[0]!.controlsOthers).toBe(true);
    expect(page.fields[1]).toMatchObject({ required: true, condition: { field: 'db', values: ['postgres', 'mysql'] } });
    expect(page.notes).toEqual([]);
    expect(isFieldActive(page.fields[1]!, { db: 'mysql' })).toBe(true);
    expect(isFieldActive(page.fields[2]!, { db: 'mysql' })).toBe(false);
    expect(isFieldActive(page.fields[1]!, {})).toBe(false);
  });

  it('maps allOf if/then and notes what it cannot map', () => {
    const mapped = buildFormPage(
      {
        properties: { ci: { type: 'boolean' } },
        allOf: [{ if: { properties: { ci: { const: true } } }, then: { properties: { ciImage: { type: 'string' } } } }],
      },
      0,
    );
    expect(mapped.fields.map((field) => [field.name, field.condition])).toEqual([
      ['ci', undefined],
      ['ciImage', { field: 'ci', values: [true] }],
    ]);
    const unmapped = buildFormPage({ properties: { a: { type: 'string' } }, dependencies: { a: { oneOf: [{ properties: { b: { type: 'string' } } }] } } }, 0);
    expect(unmapped.notes).toEqual([expect.stringContaining('depend on “a”')]);
  });
});
