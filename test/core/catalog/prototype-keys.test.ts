/**
 * The validation bypass found by probing: `metadata.__proto__.annotations` validated clean (nothing
 * own to check) and was then copied onto the stored entity's prototype, unchecked. Every own
 * `__proto__` key is now refused where it is, on both YAML paths and through placeholders, while
 * `constructor` and `prototype` stay ordinary, validated data.
 */
import { describe, expect, it } from 'vitest';
import { createBuiltinKindRegistry } from '../../../src/core/catalog/kind-registry.ts';
import { parseCatalogFile, parseCatalogFileFully } from '../../../src/core/catalog/parse-catalog-file.ts';
import { parsePlainCatalogFile } from '../../../src/core/catalog/parse-plain-catalog-file.ts';
import type { ReadTarget } from '../../../src/core/catalog/placeholders.ts';

const FILE = 'catalog-info.yaml';
const registry = createBuiltinKindRegistry();
const BAD_ANNOTATIONS = '{ "!! bad !!": { x: 1 }, "backstage.io/managed-by-location": "file:/etc/shadow" }';

const targets: Record<string, string> = {
  'proto.json': '{ "__proto__": { "annotations": { "!! bad !!": { "x": 1 } } }, "name": "p" }',
  'proto.yaml': '__proto__:\n  annotations:\n    "!! bad !!": { x: 1 }\nname: p\n',
  'annotations.json': '{ "backstage.io/managed-by-location": "file:/etc/shadow" }',
};
const readTarget: ReadTarget = async (_kind, target) =>
  target in targets ? { ok: true, text: targets[target]! } : { ok: false, message: 'missing', transient: false };
const deps = { registry, readTarget };

const componentWith = (metadata: string, spec = '{ type: service, lifecycle: production, owner: team-a }') =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: ${metadata}\nspec: ${spec}\n`;

const BLOCK_FORM = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: p
  __proto__:
    annotations:
      "!! bad !!": { x: 1 }
      backstage.io/managed-by-location: file:/etc/shadow
spec:
  type: service
  lifecycle: production
  owner: team-a
`;

describe('an own __proto__ key is refused, never read through', () => {
  it.each<[string, string, number, string]>([
    ['the probe (flow form)', componentWith(`{ name: p, __proto__: { annotations: ${BAD_ANNOTATIONS} } }`), 3, 'metadata.__proto__'],
    ['the probe (block form)', BLOCK_FORM, 5, 'metadata.__proto__'],
    ['at the top level', `__proto__: { kind: Group }\n${componentWith('{ name: p }')}`, 1, '__proto__'],
    ['inside annotations', componentWith('{ name: p, annotations: { __proto__: { a: b } } }'), 3, 'metadata.annotations.__proto__'],
    [
      'inside a list item of spec',
      componentWith('{ name: p }', '{ type: service, lifecycle: production, owner: team-a, x: [{ __proto__: 1 }] }'),
      4,
      'spec.x[0].__proto__',
    ],
    ['with a quoted key', componentWith(`{ name: p, "__proto__": { annotations: { a: b } } }`), 3, 'metadata.__proto__'],
    ['under a placeholder that resolves', componentWith('{ name: p, __proto__: { annotations: { $json: annotations.json } } }'), 3, 'metadata.__proto__'],
    ['from a $json target', componentWith('{ $json: proto.json }'), 3, 'metadata.__proto__'],
    ['from a $yaml target', componentWith('{ $yaml: proto.yaml }'), 3, 'metadata.__proto__'],
  ])('%s: one error naming the key path and the line, nothing stored', async (_label, text, line, path) => {
    for (const result of [await parseCatalogFile(text, FILE, deps), await parseCatalogFileFully(text, FILE, deps)]) {
      expect(result.entities).toEqual([]);
      const errors = result.problems.filter((problem) => problem.severity === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ file: FILE, line, entityRef: 'component:default/p' });
      expect(errors[0]!.message).toContain(`${path}: the key "__proto__" is not allowed`);
      expect(errors[0]!.message).toContain('rename or remove it');
    }
  });

  it('the fast path steps aside for it, so the full path reports it', () => {
    expect(parsePlainCatalogFile(BLOCK_FORM, registry)).toBeUndefined();
  });
});

describe('constructor and prototype keys are data, validated like any other key', () => {
  it('are kept as own keys, so the stored entity is exactly what was validated', async () => {
    const text = componentWith(
      '{ name: p, constructor: { annotations: { a: b } }, prototype: x, annotations: { constructor: "1", prototype: "2" } }',
      '{ type: service, lifecycle: production, owner: team-a, constructor: [1], prototype: { a: 1 } }',
    );
    for (const result of [await parseCatalogFile(text, FILE, deps), await parseCatalogFileFully(text, FILE, deps)]) {
      expect(result.problems).toEqual([]);
      const { metadata, spec } = result.entities[0]!.entity;
      expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
      // (toStrictEqual would compare the `constructor` keys as classes.)
      expect(JSON.stringify(metadata)).toBe(
        '{"name":"p","constructor":{"annotations":{"a":"b"}},"prototype":"x","annotations":{"constructor":"1","prototype":"2"},"namespace":"default"}',
      );
      expect(Object.hasOwn(spec!, 'constructor') && Object.hasOwn(spec!, 'prototype')).toBe(true);
    }
  });

  it('the fast path keeps them as own keys too, exactly as the full path does', async () => {
    const text =
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: p\n  constructor: x\n  annotations:\n    prototype: "1"\n    toString: "2"\n' +
      'spec:\n  type: service\n  lifecycle: production\n  owner: team-a\n  constructor:\n    - a\n';
    const fast = parsePlainCatalogFile(text, registry);
    expect(fast).toBeDefined();
    const full = await parseCatalogFileFully(text, FILE, deps);
    expect(JSON.stringify(fast!.entities)).toBe(JSON.stringify(full.entities));
    const { metadata, spec } = fast!.entities[0]!.entity;
    expect(Object.hasOwn(metadata, 'constructor') && Object.hasOwn(metadata.annotations!, 'toString') && Object.hasOwn(spec!, 'constructor')).toBe(true);
  });

  it('an annotation named constructor that is not a string is an error', async () => {
    const result = await parseCatalogFile(componentWith('{ name: p, annotations: { constructor: { x: 1 } } }'), FILE, deps);
    expect(result.entities).toEqual([]);
    expect(result.problems.map((problem) => problem.message)).toEqual([expect.stringContaining('metadata.annotations.constructor')]);
  });

  it('a constructor key beside a $ key is not mistaken for a placeholder', async () => {
    const text = componentWith('{ name: p }', '{ type: service, lifecycle: production, owner: team-a, schema: { $ref: "#/x", constructor: y } }');
    const result = await parseCatalogFile(text, FILE, deps);
    expect(result.problems).toEqual([]);
    expect(result.entities[0]!.entity.spec!.schema).toStrictEqual({ $ref: '#/x', constructor: 'y' });
  });
});
