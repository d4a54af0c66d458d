import { describe, expect, it } from 'vitest';
import { findListedHash } from '../../../src/usecases/sync/read-source-file.ts';

describe('findListedHash', () => {
  const listed = ['a.yaml', 'b/c.yaml', 'b/d.yaml', 'e.yaml', 'z/y.yaml'].map((path, i) => ({ path, hash: `h${i}` }));
  it.each(listed)('finds $path', ({ path, hash }) => expect(findListedHash(listed, path)).toBe(hash));
  it('misses paths that are not listed', () => {
    for (const path of ['', 'a', 'b/c', 'f.yaml', 'zz']) expect(findListedHash(listed, path)).toBeUndefined();
    expect(findListedHash([], 'a.yaml')).toBeUndefined();
  });
});
