import { describe, expect, it } from 'vitest';
import { parseYamlDocuments } from '../../../src/core/catalog/parse-yaml-documents.ts';

const FILE = 'catalog-info.yaml';

const errorsOf = (content: string | Uint8Array, limits?: Parameters<typeof parseYamlDocuments>[2]) =>
  parseYamlDocuments(content, FILE, limits).problems.filter((problem) => problem.severity === 'error');

describe('parseYamlDocuments: documents', () => {
  it('returns each mapping document with its index and start position', () => {
    const { documents, problems } = parseYamlDocuments('# header\nkind: A\n---\nkind: B\n', FILE);
    expect(problems).toEqual([]);
    expect(documents.map((d) => [d.index, d.value, d.line, d.column])).toEqual([
      [0, { kind: 'A' }, 2, 1],
      [1, { kind: 'B' }, 4, 1],
    ]);
  });

  it('keeps the other documents when one has a syntax error (partial success)', () => {
    const text = 'kind: A\n---\nfoo: [\nbar: 1\n---\nkind: C\n';
    const { documents, problems } = parseYamlDocuments(text, FILE);
    expect(documents.map((d) => d.value)).toEqual([{ kind: 'A' }, { kind: 'C' }]);
    expect(documents.map((d) => d.index)).toEqual([0, 2]);
    expect(problems).toEqual([{ severity: 'error', message: expect.stringMatching(/^YAML syntax error: Flow sequence/), file: FILE, line: 4, column: 1 }]);
  });

  it('reports a duplicate key as a syntax error of that document only', () => {
    const { documents, problems } = parseYamlDocuments('a: 1\na: 2\n---\nb: 1\n', FILE);
    expect(documents.map((d) => d.value)).toEqual([{ b: 1 }]);
    expect(problems).toEqual([{ severity: 'error', message: 'YAML syntax error: Map keys must be unique', file: FILE, line: 2, column: 1 }]);
  });

  it.each([
    ['- a\n- b\n', 'a list'],
    ['just text\n', 'a string'],
    ['42\n', 'a number'],
  ])('rejects a document that is not a mapping: %j', (text, shape) => {
    expect(parseYamlDocuments(text, FILE)).toEqual({
      documents: [],
      problems: [{ severity: 'error', message: `expected a mapping (an entity), found ${shape}`, file: FILE, line: 1, column: 1 }],
    });
  });

  it.each([[''], ['# only a comment\n'], ['---\n---\n'], ['\n\n'], ['~\n']])('rejects %j, which contains no entities (a truncated file?)', (text) => {
    expect(parseYamlDocuments(text, FILE)).toEqual({
      documents: [],
      problems: [
        {
          severity: 'error',
          message: 'file contains no entities; any entities it held before are kept until it has entities again or is deleted',
          file: FILE,
        },
      ],
    });
  });

  it('skips empty documents between entities, like a trailing ---', () => {
    const { documents, problems } = parseYamlDocuments('---\nkind: A\n---\n---\nkind: B\n---\n', FILE);
    expect(problems).toEqual([]);
    expect(documents.map((d) => d.value)).toEqual([{ kind: 'A' }, { kind: 'B' }]);
  });

  it('does not merge << keys (merge keys are off, as in Backstage)', () => {
    const { documents } = parseYamlDocuments('base: &base {owner: team-a}\nspec:\n  <<: *base\n  type: service\n', FILE);
    expect(documents[0]!.value).toEqual({ base: { owner: 'team-a' }, spec: { '<<': { owner: 'team-a' }, type: 'service' } });
  });

  it('uses the YAML 1.2 core schema: yes, dates and octal-looking strings stay as in 1.2', () => {
    const { documents } = parseYamlDocuments('a: yes\nb: 2001-01-01\nc: 0o12\nd: 012\ne: ~\n', FILE);
    expect(documents[0]!.value).toEqual({ a: 'yes', b: '2001-01-01', c: 10, d: 12, e: null });
  });

  it('warns about unknown tags and keeps the value as written', () => {
    const { documents, problems } = parseYamlDocuments('a: !custom value\nb: !!binary aGk=\n', FILE);
    expect(documents[0]!.value).toEqual({ a: 'value', b: 'aGk=' });
    expect(problems.map((p) => [p.severity, p.line])).toEqual([
      ['warning', 1],
      ['warning', 2],
    ]);
    expect(problems[0]!.message).toContain('!custom');
  });

  it('reads bytes, and drops a byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('kind: A\n')]);
    expect(parseYamlDocuments(bytes, FILE).documents[0]!.value).toEqual({ kind: 'A' });
    expect(parseYamlDocuments('\uFEFFkind: A\n', FILE).documents[0]!.value).toEqual({ kind: 'A' });
  });
});

describe('parseYamlDocuments: locate', () => {
  const text = 'apiVersion: v1\nkind: Component\nmetadata:\n  name: x\nspec:\n  owner: team-a\n  providesApis:\n    - a\n    - b\n';
  const [document] = parseYamlDocuments(text, FILE).documents;

  it.each<[(string | number)[], number, number]>([
    [[], 1, 1],
    [['spec'], 5, 1],
    [['spec', 'owner'], 6, 3],
    [['spec', 'providesApis', 1], 9, 7],
    [['spec', 'providesApis', 5], 7, 3],
    [['spec', 'type'], 5, 1],
    [['metadata', 'name', 'deeper'], 4, 3],
    [['nope'], 1, 1],
  ])('%j → line %i, column %i', (path, line, column) => {
    expect(document!.locate(path)).toEqual({ line, column });
  });

  it('locates within later documents by absolute line', () => {
    const [, second] = parseYamlDocuments('kind: A\n---\nkind: B\nspec:\n  owner: x\n', FILE).documents;
    expect(second!.locate(['spec', 'owner'])).toEqual({ line: 5, column: 3 });
  });
});

describe('parseYamlDocuments: hostile input', () => {
  it('rejects a 10 MB file quickly, naming its size and the limit', () => {
    const big = new Uint8Array(10 * 1024 * 1024).fill(0x61);
    const started = performance.now();
    const problems = errorsOf(big);
    expect(performance.now() - started).toBeLessThan(50);
    expect(problems).toEqual([{ severity: 'error', message: 'file is 10.0 MiB (10485760 bytes); the limit is 4.0 MiB (4194304 bytes)', file: FILE }]);
  });

  it('measures strings in UTF-8 bytes', () => {
    expect(errorsOf('a: ' + 'é'.repeat(600), { maxBytes: 1000 })[0]!.message).toBe('file is 1203 bytes; the limit is 1000 bytes');
    expect(errorsOf('a: ' + 'x'.repeat(2000), { maxBytes: 1000 })[0]!.message).toBe('file is more than 1000 bytes; the limit is 1000 bytes');
    expect(errorsOf('a: ' + 'é'.repeat(400), { maxBytes: 1000 })).toEqual([]);
  });

  it('stops an alias bomb (billion laughs) with an error', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [prev, next] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
      ['e', 'f'],
      ['f', 'g'],
      ['g', 'h'],
      ['h', 'i'],
    ]) {
      lines.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = performance.now();
    const problems = errorsOf(lines.join('\n') + '\n');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(problems).toEqual([
      { severity: 'error', message: 'document expands aliases beyond the limit of 100 (an alias bomb?)', file: FILE, line: 1, column: 1 },
    ]);
  });

  it('allows a few ordinary aliases', () => {
    const { documents, problems } = parseYamlDocuments('x: &o team-a\nspec:\n  owner: *o\n', FILE);
    expect(problems).toEqual([]);
    expect(documents[0]!.value).toEqual({ x: 'team-a', spec: { owner: 'team-a' } });
  });

  it('rejects an alias that makes a value refer to itself', () => {
    expect(errorsOf('a: &a [1, *a]\n')[0]!.message).toContain('refers to itself');
  });

  it.each([
    ['10,000 nested [ ]', 'a: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n'],
    ['10,000 unclosed [', 'a: ' + '['.repeat(10_000) + '\n'],
    ['10,000 nested { }', 'a: ' + '{a: '.repeat(10_000) + '}'.repeat(10_000) + '\n'],
    ['10,000 nested block lists', '- '.repeat(10_000) + 'x\n'],
    ['100 nested [ ]', 'a: ' + '['.repeat(100) + ']'.repeat(100) + '\n'],
    ['100 nested block mappings', Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n'],
  ])('rejects %s with an error and no crash', (_label, text) => {
    const problems = errorsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/more than (64|1024) levels deep/);
  });

  it('accepts nesting up to the limit and applies a custom limit', () => {
    expect(errorsOf('a: ' + '['.repeat(63) + ']'.repeat(63) + '\n')).toEqual([]);
    expect(errorsOf('a: [[[1]]]\n', { maxDepth: 3 })[0]!.message).toBe('document nests mappings and lists more than 3 levels deep');
  });

  it('keeps the other documents when one is nested too deep', () => {
    const { documents, problems } = parseYamlDocuments('kind: A\n---\nb: ' + '['.repeat(70) + ']'.repeat(70) + '\n---\nkind: C\n', FILE);
    expect(documents.map((d) => d.value)).toEqual([{ kind: 'A' }, { kind: 'C' }]);
    expect(problems.map((p) => [p.severity, p.line])).toEqual([['error', 3]]);
  });

  it('names the offset and line of bytes that are not UTF-8', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('kind: A\nname: caf'), 0xe9, 0x0a]);
    expect(errorsOf(bytes)).toEqual([{ severity: 'error', message: 'file is not valid UTF-8: invalid byte at offset 17', file: FILE, line: 2, column: 10 }]);
  });

  it.each([
    ['a truncated sequence', [0x61, 0xe2, 0x82], 1],
    ['an overlong encoding', [0x61, 0xc0, 0xaf], 1],
    ['an encoded surrogate', [0x61, 0xed, 0xa0, 0x80], 1],
    ['a stray continuation byte', [0x61, 0x80], 1],
  ])('finds %s', (_label, bytes, offset) => {
    expect(errorsOf(new Uint8Array(bytes))[0]!.message).toBe(`file is not valid UTF-8: invalid byte at offset ${offset}`);
  });
});
