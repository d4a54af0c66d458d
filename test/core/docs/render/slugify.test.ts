import { describe, expect, it } from 'vitest';
import { slugify, uniqueId } from '../../../../src/core/docs/render/slugify.ts';

// Expected values are what python-markdown's toc `slugify` and `unique` give for the same text.
describe('slugify (python-markdown toc)', () => {
  it.each([
    ['Hello World!', 'hello-world'],
    ['Ünïcode Tëxt', 'unicode-text'],
    ['a -- b', 'a-b'],
    ['  Leading and trailing  ', 'leading-and-trailing'],
    ['snake_case stays', 'snake_case-stays'],
    ['C++ & C#', 'c-c'],
    ['Version 1.2.3', 'version-123'],
    ['日本語', ''],
    ['Café Crème', 'cafe-creme'],
    ['What’s new?', 'whats-new'],
    ['ﬁle ligature', 'file-ligature'],
    ['tabs\tand\nnewlines', 'tabs-and-newlines'],
    ['API: GET /orders/{id}', 'api-get-ordersid'],
    ['--dashes--', '-dashes-'],
  ])('%j → %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });
});

describe('uniqueId', () => {
  it('numbers duplicates x, x_1, x_2 and counts on from an id that already ends in _N', () => {
    const taken = new Set<string>();
    expect(['x', 'x', 'x', 'y_1', 'y_1'].map((id) => uniqueId(id, taken))).toEqual(['x', 'x_1', 'x_2', 'y_1', 'y_2']);
  });

  it('gives an empty slug (a heading with no ASCII) the id _1, then _2', () => {
    const taken = new Set<string>();
    expect([uniqueId('', taken), uniqueId('', taken)]).toEqual(['_1', '_2']);
  });
});
