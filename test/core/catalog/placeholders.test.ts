import { describe, expect, it } from 'vitest';
import { resolvePlaceholders, type PlaceholderKind, type ReadTarget } from '../../../src/core/catalog/placeholders.ts';

/** A reader over an in-memory table of targets; records every call. */
const tableReader = (files: Record<string, string>) => {
  const calls: [PlaceholderKind, string][] = [];
  const read: ReadTarget = async (kind, target) => {
    calls.push([kind, target]);
    if (target.startsWith('https://')) return { ok: false, message: 'connection refused', transient: true };
    const text = files[target];
    return text === undefined ? { ok: false, message: 'no such file', transient: false } : { ok: true, text };
  };
  return { read, calls };
};

const FILES = {
  './api.yaml': 'openapi: 3.0.0\n',
  './data.json': '{"a": [1, 2]}',
  './page.yaml': 'title: Page\nproperties: {}\n',
  './list.yaml': '- a\n- b\n',
  './bad.json': '{nope',
  './two.yaml': 'a: 1\n---\nb: 2\n',
  './broken.yaml': 'a: [\n',
};

describe('resolvePlaceholders', () => {
  it('replaces $text with the text, $json and $yaml with parsed values, at any depth', async () => {
    const { read } = tableReader(FILES);
    const value = {
      spec: {
        definition: { $text: './api.yaml' },
        data: { $json: './data.json' },
        parameters: [{ $yaml: './page.yaml' }, { title: 'inline' }],
        list: { $yaml: './list.yaml' },
      },
    };
    expect(await resolvePlaceholders(value, read)).toEqual({
      value: {
        spec: {
          definition: 'openapi: 3.0.0\n',
          data: { a: [1, 2] },
          parameters: [{ title: 'Page', properties: {} }, { title: 'inline' }],
          list: ['a', 'b'],
        },
      },
      issues: [],
    });
  });

  it('does not read anything and returns the same value when there is no placeholder', async () => {
    const { read, calls } = tableReader(FILES);
    const value = { spec: { owner: 'team-a', steps: [{ action: 'x' }] } };
    const result = await resolvePlaceholders(value, read);
    expect(result.value).toBe(value);
    expect(calls).toEqual([]);
  });

  it('never mutates its input', async () => {
    const { read } = tableReader(FILES);
    const value = { spec: { definition: { $text: './api.yaml' }, other: { keep: true } } };
    const before = structuredClone(value);
    const result = await resolvePlaceholders(value, read);
    expect(value).toEqual(before);
    expect((result.value as typeof value).spec.other).toBe(value.spec.other);
  });

  it('leaves other $ keys alone, like JSON Schema $ref in template parameters', async () => {
    const { read, calls } = tableReader(FILES);
    const value = { parameters: { properties: { a: { $ref: '#/definitions/a' } }, $schema: 'x', other: { $id: 'y' } } };
    const result = await resolvePlaceholders(value, read);
    expect(result).toEqual({ value, issues: [] });
    expect(calls).toEqual([]);
  });

  it.each([
    [{ $text: './api.yaml', extra: 1 }, 'spec.definition mixes $text with other keys, so it is left as written'],
    [{ $json: 42 }, 'spec.definition.$json must be a path or URL string'],
  ])('warns about a near-miss placeholder %j and leaves it as written', async (definition, message) => {
    const { read, calls } = tableReader(FILES);
    const value = { spec: { definition } };
    const result = await resolvePlaceholders(value, read);
    expect(result.value).toBe(value);
    expect(result.issues).toEqual([{ path: ['spec', 'definition'], message: expect.stringContaining(message), transient: false, severity: 'warning' }]);
    expect(calls).toEqual([]);
  });

  it.each<[Record<string, string>, string, boolean]>([
    [{ $text: 'https://example.com/api.yaml' }, 'spec.definition: $text "https://example.com/api.yaml" could not be read: connection refused', true],
    [{ $text: './missing.yaml' }, 'spec.definition: $text "./missing.yaml" could not be read: no such file', false],
    [{ $json: './bad.json' }, 'spec.definition: $json "./bad.json" could not be parsed: invalid JSON', false],
    [{ $yaml: './two.yaml' }, 'could not be parsed: expected exactly one YAML document, found 2', false],
    [{ $yaml: './broken.yaml' }, 'could not be parsed: YAML syntax error', false],
  ])('reports %j as an error and leaves it in place', async (definition, message, transient) => {
    const { read } = tableReader(FILES);
    const result = await resolvePlaceholders({ spec: { definition } }, read);
    expect(result.value).toEqual({ spec: { definition } });
    expect(result.issues).toEqual([{ path: ['spec', 'definition'], message: expect.stringContaining(message), transient, severity: 'error' }]);
  });

  it('passes the placeholder kind and target to the reader', async () => {
    const { read, calls } = tableReader(FILES);
    await resolvePlaceholders([{ $text: './api.yaml' }, { $json: './data.json' }, { $yaml: './page.yaml' }], read);
    expect(calls).toEqual([
      ['text', './api.yaml'],
      ['json', './data.json'],
      ['yaml', './page.yaml'],
    ]);
  });

  it('treats a reader that throws as a transient failure instead of failing the file', async () => {
    const throwing: ReadTarget = async () => {
      throw new Error('socket hang up');
    };
    const result = await resolvePlaceholders({ definition: { $text: './a.yaml' } }, throwing);
    expect(result.issues).toEqual([
      { path: ['definition'], message: 'definition: $text "./a.yaml" could not be read: socket hang up', transient: true, severity: 'error' },
    ]);
  });
});
