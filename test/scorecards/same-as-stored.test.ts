import { describe, expect, it } from 'vitest';
import { sameAsStored } from '../../src/scorecards/same-as-stored.ts';

const rule = { id: 'readme', level: 'bronze', passed: false, message: 'README.md does not exist' };

const cases: [string, unknown, unknown][] = [
  ['equal results', { level: 'gold', rules: [rule] }, { level: 'gold', rules: [{ ...rule }] }],
  ['a different message', { rules: [rule] }, { rules: [{ ...rule, message: 'other' }] }],
  ['a key holding undefined and a missing key', { level: 'gold', lastKnown: undefined }, { level: 'gold' }],
  ['undefined on the other side', { level: 'gold' }, { level: 'gold', message: undefined }],
  ['keys in another order', { a: 1, b: 2 }, { b: 2, a: 1 }],
  ['null and a missing key', { next: null }, {}],
  ['null and undefined in an array', [null], [undefined]],
  ['arrays of different lengths', [1, 2], [1]],
  ['an array and an object', [], {}],
  ['true and 1', { passed: true }, { passed: 1 }],
  ['nested levels', { levels: [{ level: 'bronze', passed: 1 }] }, { levels: [{ level: 'bronze', passed: 2 }] }],
  ['an extra key', { a: 1 }, { a: 1, b: 2 }],
];

describe('sameAsStored', () => {
  for (const [name, a, b] of cases) {
    it(`answers as comparing JSON texts would: ${name}`, () => {
      expect(sameAsStored(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
      expect(sameAsStored(b, a)).toBe(JSON.stringify(b) === JSON.stringify(a));
    });
  }
});
