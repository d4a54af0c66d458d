import { describe, expect, it } from 'vitest';
import { createBuiltinKindRegistry } from '../../../src/core/catalog/kind-registry.ts';
import { parseCatalogFile } from '../../../src/core/catalog/parse-catalog-file.ts';
import type { ReadTarget } from '../../../src/core/catalog/placeholders.ts';

const FILE = 'services/catalog-info.yaml';
const registry = createBuiltinKindRegistry();

const refusingReader: ReadTarget = async () => {
  throw new Error('readTarget must not be called');
};

const parse = (text: string, readTarget: ReadTarget = refusingReader) => parseCatalogFile(text, FILE, { registry, readTarget });

const component = (name: string, spec = 'type: service\n  lifecycle: production\n  owner: team-a') =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  ${spec}\n`;

describe('parseCatalogFile', () => {
  it('returns valid entities with their refs, positions and relations', async () => {
    const result = await parse(`${component('a')}---\n${component('b')}`);
    expect(result.entities.map((e) => [e.ref, e.line, e.column])).toEqual([
      ['component:default/a', 1, 1],
      ['component:default/b', 10, 1],
    ]);
    expect(result.entities[0]!.relations).toEqual([
      { sourceRef: 'component:default/a', type: 'ownedBy', targetRef: 'group:default/team-a' },
      { sourceRef: 'group:default/team-a', type: 'ownerOf', targetRef: 'component:default/a' },
    ]);
    expect(result.entities[0]!.entity.metadata.namespace).toBe('default');
    expect(result).toMatchObject({ problems: [], unidentified: false, rejectedRefs: [], transient: false, locationTargets: [] });
  });

  it('accepts bytes', async () => {
    const result = await parseCatalogFile(new TextEncoder().encode(component('a')), FILE, { registry, readTarget: refusingReader });
    expect(result.entities.map((e) => e.ref)).toEqual(['component:default/a']);
  });

  it('pins problems to the field, with the entity ref, and rejects only that document', async () => {
    const result = await parse(
      `${component('good')}---\n${component('bad', 'type: service\n  lifecycle: production\n  owner: team-a\n  dependsOn: [artists-db]')}`,
    );
    expect(result.entities.map((e) => e.ref)).toEqual(['component:default/good']);
    expect(result.rejectedRefs).toEqual(['component:default/bad']);
    expect(result.unidentified).toBe(false);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        message: expect.stringContaining('spec.dependsOn[0] "artists-db" is not valid'),
        file: FILE,
        line: 18,
        column: 15,
        entityRef: 'component:default/bad',
      },
    ]);
  });

  it.each([
    ['a syntax error', 'kind: [\n'],
    ['a list document', '- a\n'],
    ['a document without a name', 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {}\nspec: {}\n'],
  ])('marks the file unidentified after %s, and keeps the valid documents', async (_label, broken) => {
    const result = await parse(`${component('a')}---\n${broken}`);
    expect(result.entities.map((e) => e.ref)).toEqual(['component:default/a']);
    expect(result.unidentified).toBe(true);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ severity: 'error', file: FILE, line: expect.any(Number) });
  });

  it('reports the second of two documents with the same ref, whatever their case', async () => {
    const result = await parse(`${component('Dup')}---\n${component('dup')}`);
    expect(result.entities.map((e) => e.ref)).toEqual(['component:default/dup']);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        message: 'component:default/dup is defined twice in this file (first at line 1); this document is ignored',
        file: FILE,
        line: 10,
        column: 1,
        entityRef: 'component:default/dup',
      },
    ]);
  });

  it('lists Location targets in order, spec.target first, with type, presence and position', async () => {
    const text = [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Location',
      'metadata:',
      '  name: org',
      'spec:',
      '  type: url',
      '  targets:',
      '    - ./b.yaml',
      '    - ./c.yaml',
      '  target: ./a.yaml',
      '  presence: optional',
      '---',
      'apiVersion: backstage.io/v1alpha1',
      'kind: Location',
      'metadata:',
      '  name: plain',
      'spec:',
      '  target: ./d.yaml',
      '',
    ].join('\n');
    const result = await parse(text);
    const common = { entityRef: 'location:default/org', type: 'url', presence: 'optional' };
    expect(result.locationTargets).toEqual([
      { target: './a.yaml', line: 10, column: 3, ...common },
      { target: './b.yaml', line: 8, column: 7, ...common },
      { target: './c.yaml', line: 9, column: 7, ...common },
      { target: './d.yaml', line: 18, column: 3, entityRef: 'location:default/plain', presence: 'required' },
    ]);
  });

  it('takes no targets from an invalid Location', async () => {
    const result = await parse('apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: l\nspec:\n  target: ./a.yaml\n  presence: maybe\n');
    expect(result.locationTargets).toEqual([]);
    expect(result.rejectedRefs).toEqual(['location:default/l']);
  });

  it('resolves placeholders before validating', async () => {
    const reader: ReadTarget = async (kind, target) => ({ ok: true, text: `${kind} of ${target}` });
    const text =
      'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: a\nspec:\n  type: openapi\n  lifecycle: x\n  owner: t\n  definition:\n    $text: ./a.yaml\n';
    const result = await parse(text, reader);
    expect(result.entities[0]!.entity.spec!.definition).toBe('text of ./a.yaml');
    expect(result.problems).toEqual([]);
  });

  it('reports an unreachable $text once, as transient, and keeps the entity identified', async () => {
    const reader: ReadTarget = async () => ({ ok: false, message: 'timed out', transient: true });
    const text =
      'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: a\nspec:\n  type: openapi\n  lifecycle: x\n  owner: t\n  definition:\n    $text: https://example.com/a.yaml\n';
    const result = await parse(text, reader);
    expect(result.entities).toEqual([]);
    expect(result.rejectedRefs).toEqual(['api:default/a']);
    expect(result.transient).toBe(true);
    expect(result.unidentified).toBe(false);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        message: 'spec.definition: $text "https://example.com/a.yaml" could not be read: timed out',
        file: FILE,
        line: 9,
        column: 3,
        entityRef: 'api:default/a',
      },
    ]);
  });

  it('keeps an entity valid when a placeholder only earned a warning', async () => {
    const text = component('a', 'type: service\n  lifecycle: production\n  owner: team-a\n  notes:\n    $text: ./x.md\n    extra: 1');
    const result = await parse(text);
    expect(result.entities.map((e) => e.ref)).toEqual(['component:default/a']);
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'warning', line: 9, entityRef: 'component:default/a' })]);
  });

  it.each([[''], ['# all entities were removed\n'], ['---\n']])(
    'rejects the empty file %j and marks it unidentified, so a truncated file keeps its entities',
    async (text) => {
      expect(await parse(text)).toEqual({
        entities: [],
        locationTargets: [],
        problems: [
          {
            severity: 'error',
            message: 'file contains no entities; any entities it held before are kept until it has entities again or is deleted',
            file: FILE,
          },
        ],
        unidentified: true,
        rejectedRefs: [],
        transient: false,
      });
    },
  );

  it('marks a file over the size limit unidentified', async () => {
    const result = await parseCatalogFile(new Uint8Array(5 * 1024 * 1024), FILE, { registry, readTarget: refusingReader });
    expect(result.unidentified).toBe(true);
    expect(result.problems[0]!.message).toContain('the limit is 4.0 MiB');
  });
});
