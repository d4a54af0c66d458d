import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slugify } from './index.js';

describe('slugify', () => {
  it('joins lowercase words with dashes', () => {
    assert.equal(slugify('Hello, World!'), 'hello-world');
  });

  it('drops accents and leading or trailing separators', () => {
    assert.equal(slugify('  Crème brûlée  '), 'creme-brulee');
  });

  it('returns an empty string when nothing is left', () => {
    assert.equal(slugify('!!!'), '');
  });
});
