import { describe, expect, it } from 'vitest';
import { parseFieldPath, readFieldPath } from '../../../src/core/scorecards/parse-field-path.ts';

const segmentsOf = (path: string) => {
  const parsed = parseFieldPath(path);
  return parsed.ok ? parsed.segments : parsed.message;
};

describe('parseFieldPath', () => {
  it.each<[string, (string | number)[]]>([
    ['kind', ['kind']],
    ['spec.type', ['spec', 'type']],
    ['metadata.annotations["backstage.io/techdocs-ref"]', ['metadata', 'annotations', 'backstage.io/techdocs-ref']],
    ['metadata.labels["acme.com/tier"].x', ['metadata', 'labels', 'acme.com/tier', 'x']],
    ['metadata.links[0].url', ['metadata', 'links', 0, 'url']],
    ['["a.b"]', ['a.b']],
    ['metadata.annotations["with \\"quote\\""]', ['metadata', 'annotations', 'with "quote"']],
    ['spec.my-field_2', ['spec', 'my-field_2']],
  ])('%s', (path, segments) => {
    expect(segmentsOf(path)).toEqual(segments);
  });

  it.each<[string, string]>([
    ['', 'it is empty'],
    ['spec.', 'it ends with a dot'],
    ['.spec', 'it must start with a key'],
    ['spec..type', 'a dot must be followed by a key'],
    ['spec.["x"]', 'a dot must be followed by a key'],
    ['metadata.annotations["a.b', 'is not a ["quoted key"] or a [number]'],
    ["metadata.annotations['a.b']", 'is not a ["quoted key"] or a [number]'],
    ['spec type', 'must start with a dot or a bracket'],
    ['spec[x]', 'is not a ["quoted key"] or a [number]'],
  ])('refuses %j: %s', (path, why) => {
    const parsed = parseFieldPath(path);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toContain(why);
    expect(parsed.ok ? '' : parsed.message).toContain('expected a field path such as spec.type');
  });
});

describe('readFieldPath', () => {
  const entity = {
    kind: 'Component',
    metadata: { name: 'a', annotations: { 'backstage.io/techdocs-ref': 'dir:.' }, links: [{ url: 'https://x' }] },
    spec: { type: 'service' },
  };

  it('reads keys, bracketed keys and list items', () => {
    expect(readFieldPath(entity, ['metadata', 'annotations', 'backstage.io/techdocs-ref'])).toBe('dir:.');
    expect(readFieldPath(entity, ['metadata', 'links', 0, 'url'])).toBe('https://x');
    expect(readFieldPath(entity, ['spec', 'type'])).toBe('service');
  });

  it('answers undefined for absent steps, scalars, list keys and out-of-range items', () => {
    expect(readFieldPath(entity, ['spec', 'owner'])).toBeUndefined();
    expect(readFieldPath(entity, ['spec', 'type', 'length'])).toBeUndefined();
    expect(readFieldPath(entity, ['metadata', 'links', 'length'])).toBeUndefined();
    expect(readFieldPath(entity, ['metadata', 'links', 1])).toBeUndefined();
    expect(readFieldPath(entity, ['metadata', 'links', '0'])).toBeUndefined();
  });

  it.each<[string, (string | number)[]]>([
    ['__proto__', ['__proto__']],
    ['constructor', ['constructor']],
    ['constructor.name', ['constructor', 'name']],
    ['metadata.__proto__.toString', ['metadata', '__proto__', 'toString']],
    ['metadata.hasOwnProperty', ['metadata', 'hasOwnProperty']],
    ['metadata.links.constructor', ['metadata', 'links', 'constructor']],
    ['spec.type.constructor', ['spec', 'type', 'constructor']],
  ])('never reads a prototype key: %s', (_name, path) => {
    expect(readFieldPath(entity, path)).toBeUndefined();
  });

  it('reads own keys named like prototype keys (the catalog keeps them as data)', () => {
    const data = JSON.parse('{"metadata":{"annotations":{"constructor":"yes","__proto__":"own"}}}') as unknown;
    expect(readFieldPath(data, ['metadata', 'annotations', 'constructor'])).toBe('yes');
    expect(readFieldPath(data, ['metadata', 'annotations', '__proto__'])).toBe('own');
  });

  it('does not call getters', () => {
    let called = false;
    const tricky = Object.defineProperty({}, 'x', {
      get: () => {
        called = true;
        return 1;
      },
      enumerable: true,
    });
    expect(readFieldPath(tricky, ['x'])).toBeUndefined();
    expect(called).toBe(false);
  });
});
