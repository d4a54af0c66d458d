import { describe, expect, it } from 'vitest';
import { validateFormValues } from '../../../../src/core/scaffolder/form/validate-form-values.ts';
import type { ParameterPage } from '../../../../src/core/scaffolder/template-definition.ts';

const pages: ParameterPage[] = [
  {
    title: 'Basics',
    required: ['name', 'owner'],
    'ui:order': ['*'],
    properties: {
      name: { title: 'Name', type: 'string', 'ui:field': 'EntityNamePicker', 'ui:autofocus': true },
      owner: { title: 'Owner', type: 'string', 'ui:field': 'OwnerPicker' },
      email: { title: 'Email', type: 'string', format: 'email' },
      code: { title: 'Code', type: 'string', pattern: '^[A-Z]{3}$', errorMessage: 'Code is three capital letters, like ABC.' },
      replicas: { title: 'Replicas', type: 'integer', minimum: 1, maximum: 5 },
      summary: { title: 'Summary', type: 'string', maxLength: 10 },
    },
  },
  {
    title: 'Repository',
    required: ['repoUrl'],
    properties: {
      repoUrl: {
        title: 'Repository',
        type: 'string',
        'ui:field': 'RepoUrlPicker',
        'ui:options': { allowedHosts: ['github.com'], allowedOwners: ['acme', 'tools'] },
      },
      env: { title: 'Environment', type: 'string', enum: ['dev', 'prod'] },
    },
  },
];

describe('validateFormValues', () => {
  it('accepts good values', () => {
    expect(
      validateFormValues(pages, {
        name: 'new-service',
        owner: 'group:default/a',
        email: 'a@b.example',
        code: 'ABC',
        replicas: 2,
        repoUrl: 'github.com?owner=acme&repo=x',
      }),
    ).toEqual({});
  });

  it('names each failing field with a message a person can act on', () => {
    const errors = validateFormValues(pages, {
      name: '-bad name-',
      email: 'nope',
      code: 'abc',
      replicas: 9,
      summary: 'x'.repeat(11),
      env: 'qa',
      repoUrl: 'github.com?owner=acme',
    });
    expect(errors).toEqual({
      owner: 'Owner is required.',
      email: 'Email must match format "email".',
      code: 'Code is three capital letters, like ABC.',
      replicas: 'Replicas must be <= 5.',
      summary: 'Summary must NOT have more than 10 characters.',
      env: 'Environment must be equal to one of the allowed values.',
      name: 'Name must be 1–63 letters, digits, “-”, “_” or “.”, starting and ending with a letter or digit.',
      repoUrl: 'Repository: give the repository name.',
    });
  });

  it('checks only the pages asked for', () => {
    expect(validateFormValues(pages, {}, { pageIndexes: [1] })).toEqual({ repoUrl: 'Repository is required.' });
    expect(Object.keys(validateFormValues(pages, {}, { pageIndexes: [0] }))).toEqual(['name', 'owner']);
  });

  it.each([
    ['gitlab.com?owner=acme&repo=x', 'Repository: the host must be one of “github.com”.'],
    ['github.com?owner=evil&repo=x', 'Repository: the owner must be one of “acme”, “tools”.'],
    ['github.com?repo=x', 'Repository: give the owner (organization or user) of the repository.'],
    ['github.com?owner=acme&repo=..%2Fx', 'Repository: a repository name uses only letters, digits, “-”, “_” and “.”, and is not “.” or “..”.'],
    ['github.com?owner=acme&repo=..', 'Repository: a repository name uses only letters, digits, “-”, “_” and “.”, and is not “.” or “..”.'],
  ])('repo-url %s', (repoUrl, message) => {
    expect(validateFormValues(pages, { repoUrl }, { pageIndexes: [1] })).toEqual({ repoUrl: message });
  });

  it('names the part of an object field that is wrong', () => {
    const page: ParameterPage = {
      properties: {
        profile: {
          title: 'Owner profile',
          type: 'object',
          required: ['displayName'],
          properties: { displayName: { type: 'string' }, age: { type: 'integer' } },
        },
      },
    };
    expect(validateFormValues([page], { profile: {} })).toEqual({ profile: 'Owner profile: displayName is required.' });
    expect(validateFormValues([page], { profile: { displayName: 'x', age: 'old' } })).toEqual({ profile: 'Owner profile (age) must be integer.' });
  });

  it('refuses an owner that would leave its folder on the local Git host', () => {
    const page: ParameterPage = { properties: { repoUrl: { title: 'Repository', type: 'string', 'ui:field': 'RepoUrlPicker' } } };
    for (const owner of ['..', '../etc', 'a/b'])
      expect(validateFormValues([page], { repoUrl: `github.com?owner=${encodeURIComponent(owner)}&repo=x` }).repoUrl).toMatch(/an owner name uses only/);
  });

  it('honours errorMessage for required properties and dependencies', () => {
    const page: ParameterPage = {
      required: ['team'],
      errorMessage: { required: { team: 'Pick the team that will own it.' } },
      properties: { db: { type: 'string', enum: ['none', 'postgres'] }, team: { type: 'string' } },
      dependencies: {
        db: {
          oneOf: [{ properties: { db: { const: 'none' } } }, { properties: { db: { const: 'postgres' }, size: { type: 'integer' } }, required: ['size'] }],
        },
      },
    };
    expect(validateFormValues([page], { db: 'postgres' })).toEqual({ team: 'Pick the team that will own it.', size: 'size is required.' });
  });

  it('EntityTagsPicker tags follow the catalog tag rule', () => {
    const page: ParameterPage = { properties: { tags: { title: 'Tags', type: 'array', items: { type: 'string' }, 'ui:field': 'EntityTagsPicker' } } };
    expect(validateFormValues([page], { tags: ['go', 'tier-1'] })).toEqual({});
    expect(validateFormValues([page], { tags: ['go', 'Not OK'] })).toEqual({
      tags: 'Tags: “Not OK” is not a valid tag (lowercase letters, digits, “:”, “+” and “#”, words joined by “-”, up to 63 characters).',
    });
  });

  it('compiles a page once by its text, so a template read again per request still validates, and many pages do not pile up', () => {
    const page = (): ParameterPage => ({ required: ['x'], properties: { x: { type: 'string', $id: 'urn:x' } } });
    expect(validateFormValues([page()], {})).toEqual({ x: 'x is required.' });
    expect(validateFormValues([page()], { x: 'ok' })).toEqual({});
    for (let i = 0; i < 600; i++)
      expect(validateFormValues([{ required: [`f${i}`], properties: { [`f${i}`]: { type: 'string' } } }], {})).toEqual({ [`f${i}`]: `f${i} is required.` });
    expect(validateFormValues([page()], {})).toEqual({ x: 'x is required.' });
  });

  it('reports a schema ajv cannot compile on the page instead of throwing', () => {
    const broken: ParameterPage = { title: 'Bad', properties: { a: { type: 'strng' } } };
    expect(validateFormValues([broken], { a: 'x' })['']).toMatch(/page 1, “Bad”\) has an invalid schema/);
  });
});
