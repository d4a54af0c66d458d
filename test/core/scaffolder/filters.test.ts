import { describe, expect, it } from 'vitest';
import { parseEntityRefFilter, parseRepoUrl, pick, projectSlug } from '../../../src/core/scaffolder/filters.ts';

describe('parseRepoUrl (as plugin-scaffolder-node parseRepoUrl with the default integrations)', () => {
  it.each([
    ['github.com?owner=acme&repo=svc', { host: 'github.com', owner: 'acme', repo: 'svc' }],
    ['github.com?repo=svc&owner=%2Facme%2F', { host: 'github.com', owner: 'acme', repo: 'svc' }],
    ['gitlab.com?owner=group%2Fsub&repo=r', { host: 'gitlab.com', owner: 'group/sub', repo: 'r' }],
    ['gitlab.com?project=42', { host: 'gitlab.com', project: '42' }],
    ['bitbucket.org?workspace=w&project=p&repo=r', { host: 'bitbucket.org', workspace: 'w', project: 'p', repo: 'r' }],
    ['dev.azure.com?organization=o&project=p&repo=r', { host: 'dev.azure.com', organization: 'o', project: 'p', repo: 'r' }],
  ])('%s', (url, expected) => {
    expect(parseRepoUrl(url)).toStrictEqual(expected);
  });

  it.each([
    ['github.com?repo=svc', /missing owner/],
    ['github.com?owner=acme', /missing repo/],
    ['bitbucket.org?project=p&repo=r', /missing workspace/],
    ['example.com?owner=a&repo=b', /No matching integration configuration for host example.com/],
    ['ex ample.com?owner=a', /Invalid repo URL/],
  ])('%s is refused', (url, message) => {
    expect(() => parseRepoUrl(url)).toThrow(message);
  });

  it('accepts the hosts it is given (GitHub Enterprise)', () => {
    expect(parseRepoUrl('ghe.acme.io?owner=a&repo=b', { 'ghe.acme.io': 'github' })).toStrictEqual({ host: 'ghe.acme.io', owner: 'a', repo: 'b' });
    expect(() => parseRepoUrl('github.com?owner=a&repo=b', { 'ghe.acme.io': 'github' })).toThrow(/ghe\.acme\.io/);
  });

  it('projectSlug is owner/repo', () => {
    expect(projectSlug('github.com?owner=acme&repo=svc')).toBe('acme/svc');
    expect(projectSlug('gitlab.com?project=42&repo=r')).toBe('undefined/r');
  });
});

describe('parseEntityRef (catalog-model parseEntityRef with its options object)', () => {
  it.each([
    ['component:default/svc', undefined, { kind: 'component', namespace: 'default', name: 'svc' }],
    ['Group:Ops/Team-A', undefined, { kind: 'Group', namespace: 'Ops', name: 'Team-A' }],
    ['user:jdoe', undefined, { kind: 'user', namespace: 'default', name: 'jdoe' }],
    ['team-a', { defaultKind: 'group' }, { kind: 'group', namespace: 'default', name: 'team-a' }],
    ['team-a', { defaultKind: 'group', defaultNamespace: 'ops' }, { kind: 'group', namespace: 'ops', name: 'team-a' }],
    ['group:team-a', { defaultKind: 'user', defaultNamespace: 'ops' }, { kind: 'group', namespace: 'ops', name: 'team-a' }],
    ['team-a', { defaultKind: 'group', defaultNamespace: '' }, { kind: 'group', namespace: 'default', name: 'team-a' }],
    [{ kind: 'api', name: 'x' }, undefined, { kind: 'api', namespace: 'default', name: 'x' }],
  ])('%j with %j', (ref, options, expected) => {
    expect(parseEntityRefFilter(ref, options)).toStrictEqual(expected);
  });

  it.each([
    ['', undefined, /must not be empty/],
    [undefined, undefined, /must not be empty/],
    ['team-a', undefined, /no kind/],
    // Backstage's newer parser reads this as name "c/d" (not a valid entity name); refs.ts refuses it, as the catalog does.
    ['a:b/c/d', undefined, /not of the form/],
    ['team-a', 'group', /options object/],
  ])('%j with %j is refused', (ref, options, message) => {
    expect(() => parseEntityRefFilter(ref, options)).toThrow(message);
  });
});

describe('pick (lodash get, own properties only)', () => {
  const object = { a: { b: [{ c: 1 }, { 'd.e': 2 }] }, n: null };
  it.each([
    ['a.b[0].c', 1],
    ['a.b.0.c', 1],
    ['a.b[1]["d.e"]', 2],
    ["a.b[1]['d.e']", 2],
    ['n', null],
    ['a.x.y', undefined],
    ['constructor', undefined],
    ['a.__proto__', undefined],
  ])('%s', (path, expected) => {
    expect(pick(object, path)).toStrictEqual(expected);
  });

  it('takes a default, and an array path', () => {
    expect(pick(object, 'a.x', 'fallback')).toBe('fallback');
    expect(pick(object, ['a', 'b', '0', 'c'])).toBe(1);
    expect(pick(undefined, 'a')).toBeUndefined();
  });
});
