/**
 * Memory amplification under the 4 MiB size limit: a million empty documents, a million list
 * items or blank lines, or one mapping of 50,000 keys each cost `yaml` a gigabyte or tens of
 * seconds. The bulk limits refuse such files early, on both reading paths, with a problem that
 * names the limit and says what to do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeYaml } from '../../../src/core/catalog/compose-yaml.ts';
import { createBuiltinKindRegistry } from '../../../src/core/catalog/kind-registry.ts';
import { parseCatalogFile, parseCatalogFileFully } from '../../../src/core/catalog/parse-catalog-file.ts';
import { readPlainYaml } from '../../../src/core/catalog/read-plain-yaml.ts';
import { DEFAULT_BULK_LIMITS, findBulkOverflow } from '../../../src/core/catalog/yaml-bulk.ts';
import { EXAMPLES_DIR } from './corpus-walker.ts';

const registry = createBuiltinKindRegistry();
const deps = { registry, readTarget: async () => ({ ok: false as const, message: 'offline', transient: false }) };
const SMALL = { maxDocuments: 3, maxNodes: 10, maxLines: 20, maxMappingEntries: 4 };
const COMPONENT =
  'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n';

describe('findBulkOverflow', () => {
  it.each<[string, string, string, number]>([
    ['documents', '---\na: 1\n---\n---\n---\n' + 'b: 2\n'.repeat(5), 'maxDocuments', 17],
    ['nodes', '- x\n'.repeat(11) + '- more\n'.repeat(50), 'maxNodes', 40],
    ['key/value pairs (two nodes each)', 'k: v\n'.repeat(6), 'maxNodes', 26],
    ['flow entries', '[' + 'a,'.repeat(20) + 'a]\n', 'maxNodes', 20],
    ['aliases and anchors', '- &a x\n- *a\n- *a\n- *a\n- *a\n- *a\n', 'maxNodes', 27],
    ['lines', '\n'.repeat(100), 'maxLines', 20],
  ])('stops at the first %s past the limit', (_label, text, limit, offset) => {
    expect(findBulkOverflow(text, SMALL)).toEqual({ limit, offset });
  });

  it('passes text within every limit', () => {
    expect(findBulkOverflow('---\na: [b, c]\n---\nd: e\n', SMALL)).toBeUndefined();
  });

  it('passes every file of the Backstage example corpus with the default limits', () => {
    const files = readdirSync(EXAMPLES_DIR, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => path.join(EXAMPLES_DIR, name));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(findBulkOverflow(readFileSync(file, 'utf8')), file).toBeUndefined();
  });
});

describe('composeYaml refuses a file past a bulk limit before parsing it', () => {
  it('gives one error at the place of the limit and no document, not even the valid ones before it', () => {
    const { documents, faults } = composeYaml(`${COMPONENT}---\n---\n---\n---\n`, { ...SMALL, maxNodes: 100 });
    expect(documents).toEqual([]);
    expect(faults).toEqual([
      {
        severity: 'error',
        message: expect.stringContaining('file has more than 3 YAML documents'),
        line: 11,
        column: 1,
      },
    ]);
    expect(faults[0]!.message).toContain('split it into several files');
  });

  it('refuses a million empty documents at the 10,001st, with the default limits', () => {
    const text = '---\n'.repeat(1_000_000);
    const { faults } = composeYaml(text);
    expect(faults.map((fault) => [fault.message.slice(0, 42), fault.line])).toEqual([['file has more than 10,000 YAML documents (', 10_001]]);
  });

  it('refuses a mapping with too many keys and still reads the other documents', () => {
    const wide = Array.from({ length: 5 }, (_, i) => `k${i}: v\n`).join('');
    const { documents, faults } = composeYaml(`a: 1\n---\nspec:\n  x: 1\n  wide:\n    ${wide.replaceAll('\n', '\n    ').trimEnd()}\n`, {
      ...SMALL,
      maxNodes: 100,
    });
    expect(documents.map((document) => document.value)).toEqual([{ a: 1 }]);
    expect(faults).toEqual([{ severity: 'error', message: expect.stringContaining('mapping has more than 4 keys'), line: 6, column: 5 }]);
  });
});

describe('both reading paths refuse the same files', () => {
  const listItems = (count: number) => `${COMPONENT}  tags:\n${'    - x\n'.repeat(count)}`;

  it('a plain entity with more list items than the node limit is not taken by the fast path, and the full path says why', async () => {
    const text = listItems(DEFAULT_BULK_LIMITS.maxNodes);
    expect(readPlainYaml(text)).toBeUndefined();
    const result = await parseCatalogFile(text, 'big.yaml', deps);
    expect(result).toStrictEqual(await parseCatalogFileFully(text, 'big.yaml', deps));
    expect(result.entities).toEqual([]);
    expect(result.problems.map((problem) => problem.message)).toEqual([expect.stringContaining('more than 100,000 YAML nodes')]);
    expect(result.unidentified).toBe(true);
  });

  it('a plain mapping with more keys than the limit is refused the same way', async () => {
    const keys = Array.from({ length: DEFAULT_BULK_LIMITS.maxMappingEntries + 1 }, (_, i) => `    k${i}: v\n`).join('');
    const text = COMPONENT.replace('metadata:\n  name: a\n', `metadata:\n  name: a\n  labels:\n${keys}`);
    expect(readPlainYaml(text)).toBeUndefined();
    const result = await parseCatalogFile(text, 'wide.yaml', deps);
    expect(result.problems.map((problem) => [problem.message.slice(0, 36), problem.line])).toEqual([['mapping has more than 2,000 keys (th', 6]]);
  });

  it('a plain entity just under the limits is read by the fast path', () => {
    expect(readPlainYaml(listItems(1_000))).toHaveLength(1);
  });
});
