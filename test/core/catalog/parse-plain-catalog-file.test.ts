/**
 * The fast path of parseCatalogFile must answer exactly what the full path answers, on every
 * file it accepts, over every corpus we have; and it must accept the common file, or it is
 * not worth having.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuiltinKindRegistry } from '../../../src/core/catalog/kind-registry.ts';
import { parseCatalogFile, parseCatalogFileFully } from '../../../src/core/catalog/parse-catalog-file.ts';
import { parsePlainCatalogFile } from '../../../src/core/catalog/parse-plain-catalog-file.ts';
import type { ReadTarget } from '../../../src/core/catalog/placeholders.ts';
import { generateOrg } from '../../helpers/gen-org.ts';
import { EXAMPLES_DIR } from './corpus-walker.ts';

const registry = createBuiltinKindRegistry();
const ACME_DIR = path.resolve(import.meta.dirname, '../../../examples/acme');

// Files the fast path accepts have no placeholder, so nothing is read; the others are only
// compared with themselves, through parseCatalogFile, which then takes the full path.
const offlineReader: ReadTarget = async () => ({ ok: false, message: 'offline in this test', transient: true });
const deps = { registry, readTarget: offlineReader };

const yamlFilesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return yamlFilesUnder(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });

/** Compares both paths on every file; returns the files the fast path accepted. */
const compareBothPaths = async (files: string[]): Promise<string[]> => {
  const accepted: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    const full = await parseCatalogFileFully(bytes, file, deps);
    const fast = parsePlainCatalogFile(bytes.toString('utf8'), registry);
    if (fast) {
      accepted.push(file);
      expect(fast, file).toStrictEqual(full);
    }
    expect(await parseCatalogFile(bytes, file, deps), file).toStrictEqual(full);
  }
  return accepted;
};

describe('parsePlainCatalogFile gives what the full path gives', () => {
  let syntheticDir: string;
  beforeAll(() => {
    syntheticDir = mkdtempSync(path.join(tmpdir(), 'callboard-gen-org-'));
    generateOrg(2000, syntheticDir);
  });
  afterAll(() => rmSync(syntheticDir, { recursive: true, force: true }));

  it('on the Backstage examples, taking the fast path for most files', async () => {
    // Template skeletons (software-templates/*/skeleton, …/template) are not catalog files.
    const files = yamlFilesUnder(EXAMPLES_DIR).filter((file) => !/[/\\](skeleton|template)[/\\]/.test(file));
    const accepted = await compareBothPaths(files);
    // Locations, placeholders, invalid entities and non-catalog YAML take the full path.
    expect(accepted.length).toBeGreaterThan(files.length / 2);
  });

  it('on the acme example org', async () => {
    const files = yamlFilesUnder(ACME_DIR);
    const accepted = await compareBothPaths(files);
    expect(accepted.length).toBeGreaterThan(files.length / 2);
  });

  it('on a synthetic org of 2000 components, taking the fast path for every entity file', async () => {
    const entityFiles = yamlFilesUnder(path.join(syntheticDir, 'entities'));
    const accepted = await compareBothPaths([...entityFiles, path.join(syntheticDir, 'locations.yaml')]);
    expect(entityFiles.length).toBeGreaterThan(3800);
    expect(accepted.sort()).toEqual(entityFiles.sort());
  }, 60_000);
});

describe('parsePlainCatalogFile leaves to the full path', () => {
  const component = (name: string, extra = '') =>
    `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n${extra}`;

  it.each([
    ['an invalid entity', component('not valid!')],
    ['a placeholder', component('a', '  definition:\n    $text: ./x.md\n')],
    ['a near-miss placeholder (a warning)', component('a', '  notes:\n    $text: ./x.md\n    extra: 1\n')],
    ['a Location, whose targets need positions', 'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: l\nspec:\n  target: ./a.yaml\n'],
    ['a duplicate ref', `${component('a')}---\n${component('a')}`],
    ['a file with no entity', '# nothing here\n'],
    ['a document that is not a mapping', `${component('a')}---\n- a list\n`],
    ['a YAML error', `${component('a')}  bad: [\n`],
  ])('%s', async (_name, text) => {
    expect(parsePlainCatalogFile(text, registry)).toBeUndefined();
    const full = await parseCatalogFileFully(text, 'f.yaml', deps);
    expect(full.problems.length + full.locationTargets.length).toBeGreaterThan(0);
    expect(await parseCatalogFile(text, 'f.yaml', deps)).toStrictEqual(full);
  });

  it('takes a plain multi-document file, with each entity placed where its document starts', async () => {
    const text = `# a comment first\n\n${component('a')}---\n# b\n${component('b')}\n---\n\n---\n  ${component('c').replaceAll('\n', '\n  ')}`;
    const result = parsePlainCatalogFile(text, registry);
    expect(result?.entities.map((entity) => [entity.ref, entity.line, entity.column])).toEqual([
      ['component:default/a', 3, 1],
      ['component:default/b', 13, 1],
      ['component:default/c', 25, 3],
    ]);
    expect(result).toStrictEqual(await parseCatalogFileFully(text, 'f.yaml', deps));
  });
});
