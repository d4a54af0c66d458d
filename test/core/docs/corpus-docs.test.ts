import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocsSite } from '../../../src/core/docs/build-docs-site.ts';
import { readDocsFolder } from './read-docs-folder.ts';

const repoRoot = new URL('../../../', import.meta.url).pathname;

/** Every catalog file under `root` with a `dir:` techdocs-ref, and the docs root it names. */
const documentedEntities = (root: string): { name: string; docsRoot: string }[] =>
  readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('catalog-info.yaml'))
    .flatMap((path) => {
      const text = readFileSync(join(root, path), 'utf8');
      const ref = /backstage\.io\/techdocs-ref:\s*["']?dir:([^"'\s]+)/.exec(text)?.[1];
      const name = /^\s{2}name:\s*(\S+)/m.exec(text)?.[1] ?? path;
      return ref ? [{ name, docsRoot: join(root, dirname(path), ref) }] : [];
    })
    .sort((a, b) => a.docsRoot.localeCompare(b.docsRoot));

const build = (docsRoot: string, name: string) =>
  buildDocsSite({
    entityRef: `component:default/${name}`,
    entityName: name,
    files: readDocsFolder(docsRoot),
    rootInSource: relative(repoRoot, docsRoot),
    maxPageBytes: 5 * 1024 * 1024,
  });

describe('the example org (examples/acme) docs', () => {
  const entities = documentedEntities(join(repoRoot, 'examples/acme'));

  it('has documented entities to build', () => {
    expect(entities.length).toBeGreaterThanOrEqual(9);
  });

  it.each(entities.map((entity) => [entity.name, entity] as const))('%s builds with no error and no warning', (_name, { name, docsRoot }) => {
    const result = build(docsRoot, name);
    if (!result.ok) throw new Error(result.error);
    expect(result.site.warnings).toEqual([]);
    expect(result.site.pages.length).toBeGreaterThan(0);
    expect(result.site.pages[0]!.path).toBe('');
  });
});

// The Backstage corpus is vendored once, in test/fixtures/backstage-corpus (see its NOTICE.md); its template
// skeletons are the entities there that carry techdocs-ref.
describe('the Backstage corpus entities that carry techdocs-ref', () => {
  const entities = documentedEntities(join(repoRoot, 'test/fixtures/backstage-corpus'));

  it('finds the six template skeletons that declare docs', () => {
    expect(entities.map((entity) => relative(repoRoot, entity.docsRoot))).toEqual([
      'test/fixtures/backstage-corpus/software-templates/clean-architecture-app/skeleton',
      'test/fixtures/backstage-corpus/software-templates/create-react-app/skeleton',
      'test/fixtures/backstage-corpus/software-templates/docs-template-cookiecutter/skeleton',
      'test/fixtures/backstage-corpus/software-templates/docs-template/skeleton',
      'test/fixtures/backstage-corpus/software-templates/react-ssr-template/skeleton',
      'test/fixtures/backstage-corpus/software-templates/springboot-grpc-template/skeleton',
    ]);
  });

  it.each(
    entities.filter((entity) => !entity.docsRoot.includes('clean-architecture-app')).map((entity) => [relative(repoRoot, entity.docsRoot), entity] as const),
  )('%s builds with no error', (_root, { name, docsRoot }) => {
    const result = build(docsRoot, name);
    if (!result.ok) throw new Error(result.error);
    expect(result.site.nav).toEqual([{ title: 'Introduction', path: '' }]);
    expect(result.site.pages.map((page) => page.title)).toEqual(['Introduction']);
  });

  it('clean-architecture-app declares docs but has neither docs/ nor a README: a build error saying what to add', () => {
    const entity = entities.find((candidate) => candidate.docsRoot.includes('clean-architecture-app'))!;
    const result = build(entity.docsRoot, entity.name);
    const root = relative(repoRoot, entity.docsRoot);
    expect(result).toEqual({ ok: false, error: `${root}/docs/ has no Markdown pages; add ${root}/docs/index.md or ${root}/README.md` });
  });
});
