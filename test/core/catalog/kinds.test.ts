import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/catalog/entity.ts';
import { createBuiltinKindRegistry } from '../../../src/core/catalog/kind-registry.ts';
import { validateEntity } from '../../../src/core/catalog/validate-entity.ts';

const registry = createBuiltinKindRegistry();

const CORE = 'backstage.io/v1alpha1';
const TEMPLATE = 'scaffolder.backstage.io/v1beta3';

/** Valid minimal specs; each case below removes or breaks one field. */
const MINIMAL: Record<string, { apiVersion: string; spec: Record<string, unknown> }> = {
  Component: { apiVersion: CORE, spec: { type: 'service', lifecycle: 'production', owner: 'team-a' } },
  API: { apiVersion: CORE, spec: { type: 'openapi', lifecycle: 'production', owner: 'team-a', definition: 'openapi: 3.0.0' } },
  Resource: { apiVersion: CORE, spec: { type: 'database', owner: 'team-a' } },
  System: { apiVersion: CORE, spec: { owner: 'team-a' } },
  Domain: { apiVersion: CORE, spec: { owner: 'team-a' } },
  Group: { apiVersion: CORE, spec: { type: 'team', children: [] } },
  User: { apiVersion: CORE, spec: { memberOf: [] } },
  Location: { apiVersion: CORE, spec: {} },
  Template: { apiVersion: TEMPLATE, spec: { type: 'service', steps: [] } },
};

const entityOf = (kind: string, spec: Record<string, unknown> | undefined, namespace?: string): Entity => ({
  apiVersion: MINIMAL[kind]!.apiVersion,
  kind,
  metadata: { name: 'x', ...(namespace ? { namespace } : {}) },
  ...(spec === undefined ? {} : { spec }),
});

const issuesOf = (kind: string, change: Record<string, unknown> | undefined, namespace?: string) => {
  const spec = change === undefined ? undefined : Object.fromEntries(Object.entries({ ...MINIMAL[kind]!.spec, ...change }).filter(([, v]) => v !== undefined));
  const result = validateEntity(entityOf(kind, spec, namespace), registry);
  return result.ok ? [] : result.issues;
};

describe('built-in kinds: minimal specs', () => {
  it.each(Object.keys(MINIMAL))('%s with its required fields only is valid', (kind) => {
    expect(issuesOf(kind, {})).toEqual([]);
  });

  it.each(Object.keys(MINIMAL))('%s without spec is invalid', (kind) => {
    expect(issuesOf(kind, undefined)).toEqual([{ path: ['spec'], message: expect.stringMatching(/^spec is missing; expected a mapping/) }]);
  });
});

describe('built-in kinds: required and typed spec fields (compat §2)', () => {
  it.each<[string, Record<string, unknown>, (string | number)[], string]>([
    ['Component', { type: undefined }, ['spec', 'type'], 'spec.type is missing; expected a non-empty string'],
    ['Component', { lifecycle: undefined }, ['spec', 'lifecycle'], 'spec.lifecycle is missing'],
    ['Component', { owner: undefined }, ['spec', 'owner'], 'spec.owner is missing; expected an entity ref string'],
    ['Component', { owner: '' }, ['spec', 'owner'], 'spec.owner "" is not valid'],
    ['Component', { owner: { kind: 'Group', name: 'a' } }, ['spec', 'owner'], 'spec.owner a mapping is not valid'],
    ['Component', { type: 5 }, ['spec', 'type'], 'spec.type 5 is not valid'],
    ['Component', { providesApis: 'my-api' }, ['spec', 'providesApis'], 'expected a list of entity ref strings'],
    ['Component', { consumesApis: [''] }, ['spec', 'consumesApis', 0], 'spec.consumesApis[0] "" is not valid'],
    [
      'Component',
      { dependsOn: ['artists-db'] },
      ['spec', 'dependsOn', 0],
      'spec.dependsOn[0] "artists-db" is not valid; expected an entity ref with an explicit kind, such as "resource:artists-db"',
    ],
    ['Component', { dependencyOf: ['app'] }, ['spec', 'dependencyOf', 0], 'dependencyOf has no default kind'],
    ['Component', { dependsOn: ['a:b:c'] }, ['spec', 'dependsOn', 0], 'spec.dependsOn[0] "a:b:c" is not valid; expected an entity ref of the form'],
    ['Component', { owner: 'a:b:c' }, ['spec', 'owner'], 'spec.owner "a:b:c" is not valid; expected an entity ref of the form'],
    ['Component', { system: 'a/b/c' }, ['spec', 'system'], 'is not valid'],
    ['API', { definition: undefined }, ['spec', 'definition'], 'spec.definition is missing; expected a non-empty string'],
    ['API', { definition: { openapi: '3.0.0' } }, ['spec', 'definition'], 'spec.definition a mapping is not valid; expected a non-empty string'],
    ['API', { definition: '' }, ['spec', 'definition'], 'spec.definition "" is not valid'],
    ['API', { type: 'mcp-server', definition: undefined }, ['spec', 'definition'], "Backstage's AI module, which Callboard does not include"],
    ['API', { definition: { $openapi: './x.yaml' } }, ['spec', 'definition'], '$openapi and $asyncapi need'],
    ['API', { owner: undefined }, ['spec', 'owner'], 'spec.owner is missing'],
    ['Resource', { type: undefined }, ['spec', 'type'], 'spec.type is missing'],
    ['Resource', { owner: undefined }, ['spec', 'owner'], 'spec.owner is missing'],
    ['Resource', { dependsOn: ['other-db'] }, ['spec', 'dependsOn', 0], 'dependsOn has no default kind'],
    ['System', { owner: undefined }, ['spec', 'owner'], 'spec.owner is missing'],
    ['System', { domain: 7 }, ['spec', 'domain'], 'spec.domain 7 is not valid'],
    ['Domain', { owner: undefined }, ['spec', 'owner'], 'spec.owner is missing'],
    ['Group', { type: undefined }, ['spec', 'type'], 'spec.type is missing'],
    ['Group', { children: undefined }, ['spec', 'children'], 'spec.children is missing; expected a list of entity ref strings'],
    ['Group', { children: 'team-b' }, ['spec', 'children'], 'spec.children "team-b" is not valid'],
    ['Group', { members: [3] }, ['spec', 'members', 0], 'spec.members[0] 3 is not valid'],
    ['Group', { profile: { email: '' } }, ['spec', 'profile', 'email'], 'spec.profile.email "" is not valid'],
    ['User', { memberOf: undefined }, ['spec', 'memberOf'], 'spec.memberOf is missing'],
    ['User', { memberOf: null }, ['spec', 'memberOf'], 'spec.memberOf null is not valid'],
    ['Location', { presence: 'sometimes' }, ['spec', 'presence'], 'expected "required" or "optional"'],
    ['Location', { targets: './a.yaml' }, ['spec', 'targets'], 'expected a list of paths or URLs'],
    ['Location', { target: '' }, ['spec', 'target'], 'spec.target "" is not valid'],
    ['Template', { type: undefined }, ['spec', 'type'], 'spec.type is missing'],
    ['Template', { steps: undefined }, ['spec', 'steps'], 'spec.steps is missing; expected a list of steps'],
    ['Template', { steps: [{ id: 'fetch' }] }, ['spec', 'steps', 0, 'action'], 'spec.steps[0].action is missing'],
    ['Template', { steps: [{ action: 5 }] }, ['spec', 'steps', 0, 'action'], 'spec.steps[0].action 5 is not valid'],
    ['Template', { steps: ['fetch:template'] }, ['spec', 'steps', 0], 'expected a mapping with at least an action'],
    ['Template', { parameters: 'name' }, ['spec', 'parameters'], 'a mapping (one form page) or a list of mappings'],
    ['Template', { output: { remoteUrl: 5 } }, ['spec', 'output', 'remoteUrl'], 'templated strings'],
    ['Template', { owner: '' }, ['spec', 'owner'], 'spec.owner "" is not valid'],
  ])('%s %j', (kind, change, path, message) => {
    const issues = issuesOf(kind, change);
    expect(issues.map((issue) => issue.path)).toContainEqual(path);
    expect(issues.find((issue) => JSON.stringify(issue.path) === JSON.stringify(path))?.message).toContain(message);
  });

  it.each<[string, Record<string, unknown>]>([
    ['Component', { dependsOn: ['resource:artists-db', 'component:default/other'], dependencyOf: ['component:app'] }],
    ['Component', { owner: 'user:jdoe', system: 'ns/sys', subcomponentOf: 'parent', providesApis: [], consumesApis: ['a'] }],
    ['API', { type: 'mcp-server', remotes: [{ type: 'streamable-http', url: 'http://x' }] }],
    ['Group', { parent: 'root', children: ['a', 'b'], members: ['jdoe'], profile: { displayName: 'A', email: 'a@x.io' } }],
    ['User', { memberOf: ['group:default/team-a'], profile: { pronouns: 'they/them' } }],
    ['Location', { type: 'url', target: './a.yaml', targets: ['./b.yaml'], presence: 'optional' }],
    ['Template', { owner: 'backstage/techdocs-core', parameters: { properties: {} } }],
    ['Template', { parameters: [{ title: 'Page 1' }, { title: 'Page 2' }], steps: [{ id: 'a', action: 'debug:log', if: false }] }],
    ['Template', { output: { links: [{ title: 'Repo', url: 'x' }], text: [{ title: 'T', content: '**x**' }], other: '${{ x }}' } }],
    ['Template', { owner: 'web@example.com' }],
  ])('%s accepts %j', (kind, change) => {
    expect(issuesOf(kind, change)).toEqual([]);
  });
});

describe('ref defaults per field (compat §3.2)', () => {
  const targets = (kind: string, spec: Record<string, unknown>, namespace?: string): string[] =>
    registry
      .find(kind, MINIMAL[kind]!.apiVersion)!
      .relations(entityOf(kind, { ...MINIMAL[kind]!.spec, ...spec }, namespace))
      .filter((row) => row.sourceRef.endsWith('/x'))
      .map((row) => `${row.type} ${row.targetRef}`);

  it.each<[string, Record<string, unknown>, string]>([
    ['Component', { owner: 'guest' }, 'ownedBy group:default/guest'],
    ['Component', { owner: 'user:guest' }, 'ownedBy user:default/guest'],
    ['Component', { system: 'sys' }, 'partOf system:default/sys'],
    ['Component', { subcomponentOf: 'parent' }, 'partOf component:default/parent'],
    ['Component', { providesApis: ['api-a'] }, 'providesApi api:default/api-a'],
    ['Component', { consumesApis: ['api-b'] }, 'consumesApi api:default/api-b'],
    ['Component', { dependsOn: ['Resource:DB'] }, 'dependsOn resource:default/db'],
    ['System', { domain: 'dom' }, 'partOf domain:default/dom'],
    ['Domain', { subdomainOf: 'parent' }, 'partOf domain:default/parent'],
    ['Group', { parent: 'root' }, 'childOf group:default/root'],
    ['Group', { children: ['kid'] }, 'parentOf group:default/kid'],
    ['Group', { members: ['jdoe'] }, 'hasMember user:default/jdoe'],
    ['User', { memberOf: ['team-a'] }, 'memberOf group:default/team-a'],
    ['Template', { owner: 'backstage/techdocs-core' }, 'ownedBy group:backstage/techdocs-core'],
  ])('%s %j → %s', (kind, spec, expected) => {
    expect(targets(kind, spec)).toContain(expected);
  });

  it('defaults the namespace to the entity namespace, not to default', () => {
    expect(targets('User', { memberOf: ['team-a'] }, 'development')).toEqual(['memberOf group:development/team-a']);
    expect(targets('User', { memberOf: ['group:default/team-a'] }, 'development')).toEqual(['memberOf group:default/team-a']);
    expect(targets('Component', { owner: 'user:jdoe' }, 'ops')).toEqual(['ownedBy user:ops/jdoe']);
  });

  it('validates refs with the entity namespace too', () => {
    expect(issuesOf('Component', { dependsOn: ['resource:db'] }, 'ops')).toEqual([]);
  });
});
