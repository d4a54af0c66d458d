/**
 * Whatever a template author writes, an expression or a skeleton reaches no constructor, prototype, process, module
 * loader or file, and a loop or a size explosion fails its render with TemplateRenderError instead of hanging.
 */
import { describe, expect, it } from 'vitest';
import { createTemplateEngine } from '../../../src/core/scaffolder/expressions.ts';
import { TemplateRenderError } from '../../../src/core/scaffolder/template-engine.ts';

const engine = createTemplateEngine();
const scope = { parameters: { name: 'svc', obj: { a: 1 } }, values: { name: 'svc' } };

const ESCAPES = [
  '${{ parameters.constructor }}',
  "${{ parameters.name.constructor.constructor('return process')() }}",
  "${{ parameters['constructor'] }}",
  '${{ parameters.__proto__ }}',
  '${{ __proto__ }}',
  '${{ parameters.obj.prototype }}',
  "${{ require('fs') }}",
  "${{ process.mainModule.require('child_process') }}",
  "${{ import('fs') }}",
  "{% include '/etc/passwd' %}",
  "{% import 'fs' as fs %}",
  "{% extends '/etc/hosts' %}",
  "${{ parameters.obj.hasOwnProperty('a') }}",
];

const LOOPS_AND_EXPLOSIONS = [
  ['range(1e9)', '${{ range(1e9) | length }}'],
  ['a range of a billion', '${{ range(0, 1000000000) | length }}'],
  ['a loop over a billion', '{% for i in range(0, 1000000000) %}{% endfor %}'],
  ['nested loops', '{% for i in range(0, 100000) %}{% for j in range(0, 100000) %}x{% endfor %}{% endfor %}'],
  ['a string doubled to 10 MB and more', '{% set s = "xxxxxxxxxx" %}{% for i in range(0, 24) %}{% set s = s + s %}{% endfor %}${{ s }}'],
  ['a macro calling itself', '{% macro f(n) %}${{ f(n + 1) }}{% endmacro %}${{ f(1) }}'],
  ['a list grown in a loop', '{% set l = [1] %}{% for i in range(0, 30) %}{% set l = l.concat(l) %}{% endfor %}${{ l | length }}'],
] as const;

describe('no way out of the template language', () => {
  it.each(ESCAPES)('%s fails, or renders nothing, in step values and in skeletons', (source) => {
    for (const render of [() => engine.renderValue(source, scope), () => engine.renderText(source, scope)]) {
      let result: unknown;
      try {
        result = render();
      } catch (error) {
        expect(error).toBeInstanceOf(TemplateRenderError);
        continue;
      }
      expect(result === undefined || result === '').toBe(true);
    }
  });

  it('process, require and globalThis are simply not there', () => {
    expect(engine.renderValue('${{ process }}|${{ require }}|${{ globalThis }}|${{ global }}', scope)).toBe('|||');
  });

  it('pick reads own data only, never a prototype', () => {
    expect(engine.renderValue("${{ parameters.obj | pick('constructor') }}", scope)).toBeUndefined();
    expect(engine.renderValue("${{ parameters.obj | pick('toString') }}", scope)).toBeUndefined();
    expect(engine.renderValue("${{ parameters.obj | pick('a') }}", scope)).toBe(1);
  });

  it('a value named like a prototype key is refused as data, not followed', () => {
    const hostile = JSON.parse('{"parameters":{"__proto__":{"polluted":true}}}') as Record<string, unknown>;
    try {
      engine.renderValue('${{ parameters.polluted }}', hostile);
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateRenderError);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('render limits', () => {
  it.each(LOOPS_AND_EXPLOSIONS)('%s throws TemplateRenderError from renderValue and renderText', (_label, source) => {
    expect(() => engine.renderValue(source, scope)).toThrow(TemplateRenderError);
    expect(() => engine.renderText(source, scope)).toThrow(TemplateRenderError);
  });

  it('says which limit was hit and what to do', () => {
    expect(() => engine.renderValue({ input: { loop: LOOPS_AND_EXPLOSIONS[3][1] } }, scope)).toThrow(
      /\(at input\.loop\) hit a render limit: .*make it smaller/,
    );
  });

  it('a 10 MB value cannot be rendered into a step input', () => {
    const big = { parameters: { text: 'x'.repeat(10 * 1024 * 1024) } };
    expect(() => engine.renderValue('${{ parameters.text }}', big)).toThrow(TemplateRenderError);
    expect(() => engine.renderValue('about: ${{ parameters.text }}', big)).toThrow(TemplateRenderError);
  });

  it('a skeleton file may still be large (a lock file), within its own limit', () => {
    const large = 'y'.repeat(2 * 1024 * 1024);
    expect(engine.renderText('${{ values.text }}', { values: { text: large } })).toHaveLength(large.length);
  });
});
