import { describe, expect, it } from 'vitest';
import { createTemplateEngine } from '../../../src/core/scaffolder/expressions.ts';
import { TemplateRenderError } from '../../../src/core/scaffolder/template-engine.ts';

const engine = createTemplateEngine();
const scope = { parameters: { name: 'svc', port: 8080, repoUrl: 'github.com?owner=acme&repo=svc' } };

describe('renderValue on a step input', () => {
  it('renders every string, deeply, keeping the shape, and drops keys that render to undefined (as Backstage)', () => {
    const input = {
      url: './skeleton',
      values: { name: '${{ parameters.name }}', port: '${{ parameters.port }}', destination: '${{ parameters.repoUrl | parseRepoUrl }}' },
      list: ['${{ parameters.port }}', 'x-${{ parameters.name }}', 7, true, null],
      optional: '${{ parameters.nothing }}',
    };
    expect(engine.renderValue(input, scope)).toStrictEqual({
      url: './skeleton',
      values: { name: 'svc', port: 8080, destination: { host: 'github.com', owner: 'acme', repo: 'svc' } },
      list: [8080, 'x-svc', 7, true, null],
    });
  });

  it('returns values the caller may change (nunjitsu freezes its results)', () => {
    const rendered = engine.renderValue({ tags: '${{ parameters.tags }}' }, { parameters: { tags: ['a'] } }) as { tags: string[] };
    rendered.tags.push('b');
    expect(rendered.tags).toEqual(['a', 'b']);
  });

  it('names the expression and where it sits when a render fails', () => {
    expect(() => engine.renderValue({ values: { owner: '${{ parameters.name | parseEntityRef }}' } }, scope)).toThrow(
      /"\$\{\{ parameters.name \| parseEntityRef \}\}" \(at values\.owner\) failed: .*svc/,
    );
  });

  it('does not render keys, and treats scope values as data (undefined dropped, dates as strings)', () => {
    expect(engine.renderValue({ '${{ parameters.name }}': '${{ when }}' }, { parameters: { name: 'k' }, when: new Date(0), gone: undefined })).toEqual({
      '${{ parameters.name }}': '1970-01-01T00:00:00.000Z',
    });
  });
});

describe('always() and failure() (Backstage runs a step after a failure only when its if calls them)', () => {
  it('failure() is whether an earlier step failed, and the call is reported', () => {
    let checks = 0;
    const onStatusCheck = () => checks++;
    expect(engine.renderValue('${{ failure() }}', {}, { taskFailed: true, onStatusCheck })).toBe(true);
    expect(engine.renderValue('${{ failure() }}', {}, { onStatusCheck })).toBe(false);
    expect(engine.renderValue('${{ always() }}', {}, { onStatusCheck })).toBe(true);
    expect(checks).toBe(3);
    expect(engine.renderValue('${{ parameters.name }}', scope, { onStatusCheck })).toBe('svc');
    expect(checks).toBe(3);
  });

  it('does not exist in skeletons, as in fetch:template', () => {
    expect(() => engine.renderText('${{ always() }}', { values: {} })).toThrow(TemplateRenderError);
  });
});

describe('renderText for skeleton files and paths', () => {
  it('renders with the values scope, always to a string, with the same filters', () => {
    expect(engine.renderText('# ${{ values.name }} (${{ values.repoUrl | projectSlug }}) ${{ values.port }}', { values: { ...scope.parameters } })).toBe(
      '# svc (acme/svc) 8080',
    );
    expect(engine.renderText("${{ 'Dockerfile' if values.docker else '' }}", { values: { docker: false } })).toBe('');
  });

  it('cookiecutterCompat: {{ cookiecutter.x }} and jsonify; the delimiter is {{, so ${{ x }} keeps only its $', () => {
    const values = { cookiecutter: { name: 'svc', meta: { a: 1 } } };
    const out = engine.renderText('{{ cookiecutter.name }} {{ cookiecutter.meta | jsonify }} ${{ cookiecutter.name }}', values, { cookiecutterCompat: true });
    expect(out).toBe('svc {"a":1} $svc');
    expect(() => engine.renderText('${{ values.x | jsonify }}', { values: { x: 1 } })).toThrow(/jsonify/);
  });

  it('trimBlocks and lstripBlocks as the fetch:template inputs ask', () => {
    const source = 'a\n  {% if values.on %}\nb\n  {% endif %}\nc\n';
    expect(engine.renderText(source, { values: { on: true } })).toBe('a\n  \nb\n  \nc\n');
    expect(engine.renderText(source, { values: { on: true } }, { trimBlocks: true, lstripBlocks: true })).toBe('a\nb\nc\n');
  });

  it('fails with the line of the problem', () => {
    expect(() => engine.renderText('ok\n${{ values.name | nosuch }}', { values: { name: 'x' } })).toThrow(/line 2/);
  });
});

describe('checkSyntax', () => {
  it('reports each string that does not parse, with its path, and accepts what only fails when run', () => {
    const value = { ok: '${{ parameters.x | parseEntityRef }}', bad: '${{ parameters.x ', list: ['{% if %}', 'fine'], n: 3 };
    const issues = engine.checkSyntax(value, ['spec', 'steps', 0, 'input']);
    expect(issues.map((issue) => issue.path)).toEqual([
      ['spec', 'steps', 0, 'input', 'bad'],
      ['spec', 'steps', 0, 'input', 'list', 0],
    ]);
    expect(issues[0]!.message).toMatch(/does not parse: .*Unterminated variable tag/);
  });

  it('never evaluates: a loop without end is only parsed', () => {
    expect(engine.checkSyntax('{% for i in range(0, 100000000) %}{% for j in range(0, 100000000) %}x{% endfor %}{% endfor %}', [])).toEqual([]);
  });
});
