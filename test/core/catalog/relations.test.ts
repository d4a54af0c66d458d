import { describe, expect, it } from 'vitest';
import type { Entity, RelationRow } from '../../../src/core/catalog/entity.ts';
import { createBuiltinKindRegistry } from '../../../src/core/catalog/kind-registry.ts';
import { validateEntity } from '../../../src/core/catalog/validate-entity.ts';

const registry = createBuiltinKindRegistry();

const relationsOf = (raw: Omit<Entity, 'apiVersion'> & { apiVersion?: string }): string[] => {
  const result = validateEntity({ apiVersion: 'backstage.io/v1alpha1', ...raw }, registry);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const definition = registry.find(result.entity.kind, result.entity.apiVersion)!;
  return definition.relations(result.entity).map((row) => `${row.sourceRef} ${row.type} ${row.targetRef}`);
};

describe('relations emitted per kind (compat §4.1)', () => {
  it('Component: owner, subcomponentOf, providesApis, consumesApis, dependsOn, system', () => {
    const rows = relationsOf({
      kind: 'Component',
      metadata: { name: 'c' },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'team-a',
        subcomponentOf: 'parent',
        providesApis: ['api-p'],
        consumesApis: ['api-c'],
        dependsOn: ['resource:db'],
        system: 'sys',
      },
    });
    expect(rows).toEqual([
      'component:default/c ownedBy group:default/team-a',
      'group:default/team-a ownerOf component:default/c',
      'component:default/c partOf component:default/parent',
      'component:default/parent hasPart component:default/c',
      'component:default/c providesApi api:default/api-p',
      'api:default/api-p apiProvidedBy component:default/c',
      'component:default/c consumesApi api:default/api-c',
      'api:default/api-c apiConsumedBy component:default/c',
      'component:default/c dependsOn resource:default/db',
      'resource:default/db dependencyOf component:default/c',
      'component:default/c partOf system:default/sys',
      'system:default/sys hasPart component:default/c',
    ]);
  });

  it('Component: dependencyOf is emitted like Resource (trap 13, decided: accept and emit)', () => {
    const rows = relationsOf({
      kind: 'Component',
      metadata: { name: 'lib' },
      spec: { type: 'library', lifecycle: 'production', owner: 'team-a', dependencyOf: ['component:app'] },
    });
    expect(rows).toContain('component:default/lib dependencyOf component:default/app');
    expect(rows).toContain('component:default/app dependsOn component:default/lib');
  });

  it('API: owner and system; definition yields nothing', () => {
    expect(
      relationsOf({ kind: 'API', metadata: { name: 'a' }, spec: { type: 'openapi', lifecycle: 'x', owner: 'user:jdoe', system: 'sys', definition: 'x' } }),
    ).toEqual([
      'api:default/a ownedBy user:default/jdoe',
      'user:default/jdoe ownerOf api:default/a',
      'api:default/a partOf system:default/sys',
      'system:default/sys hasPart api:default/a',
    ]);
  });

  it('Resource: owner, dependsOn, dependencyOf, system', () => {
    expect(
      relationsOf({
        kind: 'Resource',
        metadata: { name: 'r' },
        spec: { type: 'db', owner: 't', dependsOn: ['resource:o'], dependencyOf: ['component:c'], system: 's' },
      }),
    ).toEqual([
      'resource:default/r ownedBy group:default/t',
      'group:default/t ownerOf resource:default/r',
      'resource:default/r dependsOn resource:default/o',
      'resource:default/o dependencyOf resource:default/r',
      'resource:default/r dependencyOf component:default/c',
      'component:default/c dependsOn resource:default/r',
      'resource:default/r partOf system:default/s',
      'system:default/s hasPart resource:default/r',
    ]);
  });

  it('System: owner and domain', () => {
    expect(relationsOf({ kind: 'System', metadata: { name: 's' }, spec: { owner: 't', domain: 'd' } })).toEqual([
      'system:default/s ownedBy group:default/t',
      'group:default/t ownerOf system:default/s',
      'system:default/s partOf domain:default/d',
      'domain:default/d hasPart system:default/s',
    ]);
  });

  it('Domain: owner and subdomainOf', () => {
    expect(relationsOf({ kind: 'Domain', metadata: { name: 'artists' }, spec: { owner: 't', subdomainOf: 'audio' } })).toEqual([
      'domain:default/artists ownedBy group:default/t',
      'group:default/t ownerOf domain:default/artists',
      'domain:default/artists partOf domain:default/audio',
      'domain:default/audio hasPart domain:default/artists',
    ]);
  });

  it('Group: parent, children, members', () => {
    expect(relationsOf({ kind: 'Group', metadata: { name: 'g' }, spec: { type: 'team', parent: 'p', children: ['k'], members: ['u'] } })).toEqual([
      'group:default/g childOf group:default/p',
      'group:default/p parentOf group:default/g',
      'group:default/g parentOf group:default/k',
      'group:default/k childOf group:default/g',
      'group:default/g hasMember user:default/u',
      'user:default/u memberOf group:default/g',
    ]);
  });

  it('User: memberOf, across namespaces (trap 11)', () => {
    expect(relationsOf({ kind: 'User', metadata: { name: 'guest', namespace: 'development' }, spec: { memberOf: ['group:default/team-a', 'local'] } })).toEqual(
      [
        'user:development/guest memberOf group:default/team-a',
        'group:default/team-a hasMember user:development/guest',
        'user:development/guest memberOf group:development/local',
        'group:development/local hasMember user:development/guest',
      ],
    );
  });

  it('Template: owner', () => {
    const rows = relationsOf({
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: 't' },
      spec: { type: 'service', steps: [], owner: 'backstage/techdocs-core' },
    });
    expect(rows).toEqual(['template:default/t ownedBy group:backstage/techdocs-core', 'group:backstage/techdocs-core ownerOf template:default/t']);
  });

  it('Template without owner and Location emit nothing', () => {
    expect(
      relationsOf({ apiVersion: 'scaffolder.backstage.io/v1beta3', kind: 'Template', metadata: { name: 't' }, spec: { type: 'service', steps: [] } }),
    ).toEqual([]);
    expect(relationsOf({ kind: 'Location', metadata: { name: 'l' }, spec: { targets: ['./a.yaml'] } })).toEqual([]);
  });

  it('unknown spec fields such as apiConsumedBy produce nothing (trap 6)', () => {
    const rows = relationsOf({
      kind: 'Component',
      metadata: { name: 'c' },
      spec: { type: 's', lifecycle: 'p', owner: 't', apiConsumedBy: ['component:www-artist'] },
    });
    expect(rows).toEqual(['component:default/c ownedBy group:default/t', 'group:default/t ownerOf component:default/c']);
  });

  it('lowercases refs and deduplicates repeated targets within one entity', () => {
    const rows = relationsOf({ kind: 'Group', metadata: { name: 'Team-A' }, spec: { type: 'team', children: ['Kid', 'kid', 'group:default/KID'] } });
    expect(rows).toEqual(['group:default/team-a parentOf group:default/kid', 'group:default/kid childOf group:default/team-a']);
  });
});

describe('relations across entities', () => {
  const union = (lists: string[][]): Set<string> => new Set(lists.flat());

  it('parent on the child and children on the parent give one edge pair (trap 9)', () => {
    const child = relationsOf({ kind: 'Group', metadata: { name: 'team-a' }, spec: { type: 'team', parent: 'backstage', children: [] } });
    const parent = relationsOf({ kind: 'Group', metadata: { name: 'backstage' }, spec: { type: 'dept', children: ['team-a'] } });
    expect([...union([child, parent])].sort()).toEqual([
      'group:default/backstage parentOf group:default/team-a',
      'group:default/team-a childOf group:default/backstage',
    ]);
  });

  it('a one-sided parent still gives the parent its parentOf row (trap 9)', () => {
    const child = relationsOf({ kind: 'Group', metadata: { name: 'team-e' }, spec: { type: 'team', parent: 'boxoffice', children: [] } });
    expect(child).toContain('group:default/boxoffice parentOf group:default/team-e');
  });

  it('sub-components give their parent hasPart rows (compat §10)', () => {
    const sub = (name: string) =>
      relationsOf({ kind: 'Component', metadata: { name }, spec: { type: 's', lifecycle: 'p', owner: 'team-a', subcomponentOf: 'wayback-archive' } });
    const parent = relationsOf({
      kind: 'Component',
      metadata: { name: 'wayback-archive' },
      spec: { type: 's', lifecycle: 'p', owner: 'team-a', providesApis: ['wayback-archive'] },
    });
    const onParent = [...union([sub('wayback-archive-ingestion'), sub('wayback-archive-storage'), parent])]
      .filter((row) => row.startsWith('component:default/wayback-archive '))
      .map((row) => row.split(' ').slice(1).join(' '));
    expect(onParent.sort()).toEqual([
      'hasPart component:default/wayback-archive-ingestion',
      'hasPart component:default/wayback-archive-storage',
      'ownedBy group:default/team-a',
      'providesApi api:default/wayback-archive',
    ]);
  });

  it('returns rows shaped as RelationRow', () => {
    const result = validateEntity({ apiVersion: 'backstage.io/v1alpha1', kind: 'System', metadata: { name: 's' }, spec: { owner: 't' } }, registry);
    const rows: RelationRow[] = result.ok ? registry.find('System', 'backstage.io/v1alpha1')!.relations(result.entity) : [];
    expect(rows[0]).toEqual({ sourceRef: 'system:default/s', type: 'ownedBy', targetRef: 'group:default/t' });
  });
});
