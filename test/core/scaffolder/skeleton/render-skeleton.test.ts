import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../../src/core/errors.ts';
import { renderSkeleton } from '../../../../src/core/scaffolder/skeleton/render-skeleton.ts';
import type { RenderedEntry, SkeletonEntry } from '../../../../src/core/scaffolder/skeleton/skeleton-entry.ts';
import { TemplateRenderError } from '../../../../src/core/scaffolder/template-engine.ts';
import { createTemplateEngine } from '../../../../src/core/scaffolder/expressions.ts';

const engine = createTemplateEngine();
const file = (path: string, text: string, binary = false): SkeletonEntry => ({ type: 'file', path, content: Buffer.from(text), binary });
const dir = (path: string): SkeletonEntry => ({ type: 'directory', path });
const tree = (entries: RenderedEntry[]): Record<string, string> =>
  Object.fromEntries(entries.map((e) => [e.path, e.type === 'file' ? e.content.toString() : e.type === 'symlink' ? `-> ${e.target}` : '<dir>']));

describe('renderSkeleton', () => {
  it('renders contents and whole paths with values only', () => {
    const result = renderSkeleton(
      [
        dir('src'),
        dir('src/${{ values.pkg }}'),
        file('src/${{ values.pkg }}/${{ values.name }}.ts', 'export const name = "${{ values.name }}";${{ parameters }}'),
      ],
      { values: { pkg: 'acme', name: 'svc' } },
      engine,
    );
    expect(tree(result.entries)).toEqual({ src: '<dir>', 'src/acme': '<dir>', 'src/acme/svc.ts': 'export const name = "svc";' });
  });

  it('skips an entry when a path segment renders empty, wherever the segment is', () => {
    const entries = [
      file("${{ 'Dockerfile' if values.docker else '' }}", 'FROM node'),
      dir("${{ 'ci' if values.docker else '' }}"),
      file("${{ 'ci' if values.docker else '' }}/build.yml", 'x'),
      file("docs/${{ 'extra' if values.docker else '' }}/page.md", 'y'),
      file("docs/${{ 'last' if values.docker else '' }}", 'z'),
      file('kept.md', 'k'),
    ];
    expect(tree(renderSkeleton(entries, { values: { docker: false } }, engine).entries)).toEqual({ 'kept.md': 'k' });
    expect(Object.keys(tree(renderSkeleton(entries, { values: { docker: true } }, engine).entries)).sort()).toEqual([
      'Dockerfile',
      'ci',
      'ci/build.yml',
      'docs/extra/page.md',
      'docs/last',
      'kept.md',
    ]);
  });

  it('copies binary files untouched and never renders them, but renders their paths', () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0x24, 0x7b, 0x7b]);
    const [entry] = renderSkeleton(
      [{ type: 'file', path: '${{ values.name }}.png', content: bytes, binary: true }],
      { values: { name: 'logo' } },
      engine,
    ).entries;
    expect(entry).toMatchObject({ path: 'logo.png', rendered: false });
    expect(entry?.type === 'file' && entry.content.equals(bytes)).toBe(true);
  });

  it('copyWithoutTemplating keeps contents raw, still renders paths, honours ! and folder names', () => {
    const entries = [
      dir('.github'),
      dir('.github/workflows'),
      file('.github/workflows/${{ values.name }}.yml', 'token: ${{ secrets.TOKEN }}'),
      file('.github/CODEOWNERS', '* ${{ values.owner }}'),
      dir('raw'),
      file('raw/a.txt', '${{ values.name }}'),
      file('raw/keep-templated.txt', '${{ values.name }}'),
    ];
    const result = renderSkeleton(
      entries,
      { values: { name: 'ci', owner: '@team' }, copyWithoutTemplating: ['.github/workflows/*', 'raw', '!raw/keep-templated.txt'] },
      engine,
    );
    expect(tree(result.entries)).toMatchObject({
      '.github/workflows/ci.yml': 'token: ${{ secrets.TOKEN }}',
      '.github/CODEOWNERS': '* @team',
      'raw/a.txt': '${{ values.name }}',
      'raw/keep-templated.txt': 'ci',
    });
  });

  it('templateFileExtension renders only matching files and drops the extension', () => {
    const entries = [file('README.md.njk', '# ${{ values.name }}'), file('plain-${{ values.name }}.md', '# ${{ values.name }}')];
    expect(tree(renderSkeleton(entries, { values: { name: 'svc' }, templateFileExtension: true }, engine).entries)).toEqual({
      'README.md': '# svc',
      'plain-svc.md': '# ${{ values.name }}',
    });
    expect(tree(renderSkeleton([file('a.tpl', '${{ values.name }}')], { values: { name: 'x' }, templateFileExtension: 'tpl' }, engine).entries)).toEqual({
      a: 'x',
    });
  });

  it('cookiecutterCompat renders {{ cookiecutter.x }} and jsonify', () => {
    const entries = [file('{{ cookiecutter.name }}/info.json', '{"name": "{{ cookiecutter.name }}", "tags": {{ cookiecutter.tags | jsonify }}}')];
    const result = renderSkeleton(entries, { values: { name: 'docs', tags: ['a'] }, cookiecutterCompat: true }, engine);
    expect(tree(result.entries)).toEqual({ 'docs/info.json': '{"name": "docs", "tags": ["a"]}' });
  });

  it('refuses the option combinations Backstage refuses, with its wording', () => {
    const refuse = (input: object) => () => renderSkeleton([], input, engine);
    expect(refuse({ templateFileExtension: true, cookiecutterCompat: true })).toThrow(
      /extension incompatible with copyWithoutTemplating and cookiecutterCompat/,
    );
    expect(refuse({ templateFileExtension: '.njk', copyWithoutTemplating: [] })).toThrow(InvalidInputError);
    expect(refuse({ copyWithoutTemplating: 'x' })).toThrow(/copyWithoutTemplating must be an Array/);
  });

  it('accepts copyWithoutRender but, as Backstage 4.x, ignores it and says so', () => {
    const result = renderSkeleton([file('a.txt', '${{ values.x }}')], { values: { x: 1 }, copyWithoutRender: ['a.txt'] }, engine);
    expect(tree(result.entries)).toEqual({ 'a.txt': '1' });
    expect(result.warnings.join()).toMatch(/copyWithoutRender .* no effect: rename it to copyWithoutTemplating/);
  });

  it('keeps existing paths and the first of two entries with the same path, unless replace', () => {
    const entries = [file('${{ values.a }}.txt', 'first'), file('${{ values.b }}.txt', 'second'), file('old.txt', 'new')];
    const exists = (path: string) => path === 'old.txt';
    expect(tree(renderSkeleton(entries, { values: { a: 'x', b: 'x' } }, engine, { exists }).entries)).toEqual({ 'x.txt': 'first' });
    expect(tree(renderSkeleton(entries, { values: { a: 'x', b: 'x' }, replace: true }, engine, { exists }).entries)).toEqual({
      'x.txt': 'second',
      'old.txt': 'new',
    });
  });

  it('passes trimBlocks and lstripBlocks to the engine', () => {
    const source = 'a\n  {% if true %}\nb\n  {% endif %}\nc';
    expect(tree(renderSkeleton([file('f', source)], { trimBlocks: true, lstripBlocks: true }, engine).entries).f).toBe('a\nb\nc');
  });

  it('names the entry whose contents or path fail to render', () => {
    expect(() => renderSkeleton([file('bad.txt', '${{ values.x ')], {}, engine)).toThrow(TemplateRenderError);
    expect(() => renderSkeleton([file('bad.txt', '${{ values.x ')], {}, engine)).toThrow(/skeleton file "bad.txt"/);
    expect(() => renderSkeleton([file('${{ %', '')], {}, engine)).toThrow(/skeleton path of "\$\{\{ %"/);
  });
});

describe('renderSkeleton against hostile input', () => {
  it('refuses a value that climbs out of the target folder, naming the entry', () => {
    const run = () => renderSkeleton([file('${{ values.name }}/catalog-info.yaml', 'x')], { values: { name: '../../x' } }, engine);
    expect(run).toThrow(InvalidInputError);
    expect(run).toThrow(/skeleton entry "\$\{\{ values.name \}\}\/catalog-info.yaml" renders to the path "..\/..\/x\/catalog-info.yaml", which is outside/);
  });

  it('refuses a skeleton file name that climbs out, and a NUL in a rendered name', () => {
    expect(() => renderSkeleton([file('a/../../evil.sh', 'x')], {}, engine)).toThrow(/outside the target folder/);
    expect(() => renderSkeleton([file('${{ values.n }}', 'x')], { values: { n: 'a\0b' } }, engine)).toThrow(/NUL/);
  });

  it('keeps a path that climbs and comes back inside, normalised', () => {
    expect(tree(renderSkeleton([file('a/../b.txt', 'x')], {}, engine).entries)).toEqual({ 'b.txt': 'x' });
  });

  it('refuses a symlink that points outside the skeleton and copies one that stays inside', () => {
    const link = (path: string, target: string): SkeletonEntry => ({ type: 'symlink', path, target });
    expect(() => renderSkeleton([link('etc', '/etc/passwd')], {}, engine)).toThrow(/skeleton symlink "etc" points to "\/etc\/passwd", outside the skeleton/);
    expect(() => renderSkeleton([link('docs/up', '../../secrets')], {}, engine)).toThrow(/outside the skeleton/);
    expect(tree(renderSkeleton([link('docs/readme', '../README.md')], {}, engine).entries)).toEqual({ 'docs/readme': '-> ../README.md' });
  });

  it('handles a 10 MB value quickly: unused it costs little, used in contents or a name it fails on the render limit', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const started = Date.now();
    const many = Array.from({ length: 40 }, (_, index) => file(`f${index}.txt`, 'hello ${{ values.name }}'));
    expect(renderSkeleton(many, { values: { big, name: 'svc' } }, engine).entries).toHaveLength(40);
    expect(() => renderSkeleton([file('a.txt', '${{ values.big }}')], { values: { big } }, engine)).toThrow(/skeleton file "a.txt": .*render limit/);
    expect(() => renderSkeleton([file('${{ values.big }}.txt', '')], { values: { big } }, engine)).toThrow(TemplateRenderError);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
