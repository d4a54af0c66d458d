import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { reviewEntries } from '../../../../src/core/scaffolder/form/review-entries.ts';
import { buildFormPages } from '../../../../src/core/scaffolder/form/build-form-model.ts';
import { secretFieldNames, secretFieldPaths } from '../../../../src/core/scaffolder/form/secret-fields.ts';
import { EVERY_ITEM } from '../../../../src/core/scaffolder/form/value-paths.ts';
import { isPageShown, resolvePages, visiblePages } from '../../../../src/core/scaffolder/form/visible-pages.ts';
import type { ParameterPage } from '../../../../src/core/scaffolder/template-definition.ts';

const conditional = (
  parse(readFileSync(join(import.meta.dirname, '../../../fixtures/backstage-corpus/sample-templates/conditional-parameters-demo/template.yaml'), 'utf8')) as {
    spec: { parameters: ParameterPage[] };
  }
).spec.parameters;

describe('visiblePages', () => {
  it.each([
    ['AWS', false, [0, 1, 4]],
    ['GCP', true, [0, 2, 4, 5]],
    ['Azure', false, [0, 3, 4]],
  ])('with cloudProvider %s (monitoring %s) the other pages are skipped', (cloudProvider, enableMonitoring, expected) => {
    expect(visiblePages(conditional, { name: 'x', cloudProvider, enableMonitoring })).toEqual(expected);
  });

  it('takes boolean `when` as written, keeps a page whose `when` fails to render, and ignores other types', () => {
    expect(visiblePages([{ when: false }, { when: true }, {}, { when: '${{ nope( }}' }, { when: 3 as never }], {})).toEqual([1, 2, 3, 4]);
  });

  // Backstage's evaluateCondition (scaffolder-common): bare expressions wrapped, empty holds, no coercion/filters/regex.
  it.each([
    ["parameters.kind == 'svc'", { kind: 'svc' }, true],
    ["parameters.kind == 'svc'", { kind: 'lib' }, false],
    ['  ', {}, true],
    ['', {}, true],
    ['${{ parameters.flag }}', { flag: 'false' }, true],
    ['${{ parameters.flag }}', { flag: false }, false],
    ['${{ parameters.items }}', { items: [] }, false],
    ['${{ parameters.items }}', { items: ['a'] }, true],
    ['${{ parameters.count }}', { count: 0 }, false],
    ['${{ parameters.missing }}', {}, false],
    ['${{ parameters.url | parseRepoUrl }}', { url: 'github.com?owner=a&repo=b' }, true],
    ["${{ parameters.name | regex_match('^a') }}", { name: 'b' }, true],
    ['{% if parameters.on %}false{% endif %}', { on: true }, true],
  ])('when %j with %j → %s', (when, values, shown) => {
    expect(isPageShown(when, values)).toBe(shown);
  });
});

describe('resolvePages', () => {
  it('drops the answers of hidden pages, as Backstage does before a run, and keeps fields no page names', () => {
    const values = {
      name: 'x',
      cloudProvider: 'GCP',
      awsRegion: 'us-east-1',
      gcpProjectId: 'p',
      enableMonitoring: false,
      alertEmail: 'a@b.c',
      secrets: { k: 'v' },
    };
    expect(resolvePages(conditional, values)).toEqual({
      visible: [0, 2, 4],
      values: { name: 'x', cloudProvider: 'GCP', gcpProjectId: 'p', enableMonitoring: false, secrets: { k: 'v' } },
    });
  });

  it('decides each page with the answers of earlier hidden pages left out, and keeps a field a shown page also names', () => {
    const pages: ParameterPage[] = [
      { properties: { kind: { type: 'string' } } },
      { when: "${{ parameters.kind == 'svc' }}", properties: { port: { type: 'number' }, shared: { type: 'string' } } },
      { when: '${{ parameters.port }}', properties: { healthPath: { type: 'string' } } },
      { properties: { shared: { type: 'string' } } },
    ];
    expect(resolvePages(pages, { kind: 'lib', port: 8080, healthPath: '/h', shared: 's' })).toEqual({ visible: [0, 3], values: { kind: 'lib', shared: 's' } });
    expect(resolvePages(pages, { kind: 'svc', port: 8080, healthPath: '/h', shared: 's' }).visible).toEqual([0, 1, 2, 3]);
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

describe('secretFieldPaths', () => {
  it('finds secrets inside object fields too, at any depth and in their conditional parts', () => {
    const pages: ParameterPage[] = [
      {
        properties: {
          pw: { type: 'string', 'ui:widget': 'password' },
          database: {
            type: 'object',
            properties: {
              user: { type: 'string' },
              password: { type: 'string', 'ui:widget': 'password' },
              tls: { type: 'object', properties: { key: { type: 'string', 'ui:field': 'Secret' } } },
            },
            dependencies: { user: { properties: { token: { type: 'string', 'ui:field': 'Secret' } } } },
          },
        },
      },
    ];
    expect(secretFieldPaths(pages)).toEqual([['pw'], ['database', 'password'], ['database', 'tls', 'key'], ['database', 'token']]);
    expect(secretFieldNames(pages)).toEqual(['pw']);
  });

  it('finds secrets inside the items of array fields, at every index', () => {
    const pages: ParameterPage[] = [
      {
        properties: {
          services: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                token: { type: 'string', 'ui:widget': 'password' },
                extra: { type: 'array', items: { type: 'object', properties: { key: { type: 'string', 'ui:field': 'Secret' } } } },
              },
            },
          },
          pins: { type: 'array', items: { type: 'string', 'ui:widget': 'password' } },
        },
      },
    ];
    expect(secretFieldPaths(pages)).toEqual([['services', EVERY_ITEM, 'token'], ['services', EVERY_ITEM, 'extra', EVERY_ITEM, 'key'], ['pins']]);
    expect(secretFieldNames(pages)).toEqual(['pins']);
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

  it('masks a password inside an object field, and shows the rest of the object', () => {
    const pages = buildFormPages([
      {
        properties: {
          database: { title: 'Database', type: 'object', properties: { user: { type: 'string' }, password: { type: 'string', 'ui:widget': 'password' } } },
        },
      },
    ]);
    const entries = reviewEntries(pages, { database: { user: 'app', password: 'hunter2' } });
    expect(entries).toEqual([{ name: 'database', label: 'Database', text: '{"user":"app","password":"******"}' }]);
  });

  it('masks a password inside the items of an array of objects, at every index', () => {
    const pages = buildFormPages([
      {
        properties: {
          services: {
            title: 'Services',
            type: 'array',
            items: { type: 'object', properties: { host: { type: 'string' }, token: { type: 'string', 'ui:widget': 'password' } } },
          },
        },
      },
    ]);
    const entries = reviewEntries(pages, {
      services: [
        { host: 'a', token: 't0' },
        { host: 'b', token: 't1' },
      ],
    });
    expect(entries).toEqual([{ name: 'services', label: 'Services', text: '{"host":"a","token":"******"}, {"host":"b","token":"******"}' }]);
  });

  it('applies a ui:backstage.review.mask inside object fields and array items, and the mask a nested secret names', () => {
    const pages = buildFormPages([
      {
        properties: {
          database: {
            title: 'Database',
            type: 'object',
            properties: {
              pin: { type: 'string', 'ui:backstage': { review: { mask: '####' } } },
              password: { type: 'string', 'ui:widget': 'password', 'ui:backstage': { review: { mask: '(set)' } } },
            },
          },
          hosts: {
            title: 'Hosts',
            type: 'array',
            items: { type: 'object', properties: { key: { type: 'string', 'ui:backstage': { review: { mask: 'k' } } } } },
          },
        },
      },
    ]);
    const entries = reviewEntries(pages, { database: { pin: '1234', password: 'pw' }, hosts: [{ key: 'a1' }, { key: 'b2' }] });
    expect(entries).toEqual([
      { name: 'database', label: 'Database', text: '{"pin":"####","password":"(set)"}' },
      { name: 'hosts', label: 'Hosts', text: '{"key":"k"}, {"key":"k"}' },
    ]);
  });
});
