import { describe, expect, it } from 'vitest';
import { seededRandom, seedFrom } from './seeded-random.ts';

const take = (random: () => number, n: number) => Array.from({ length: n }, random);

describe('seededRandom', () => {
  it('replays the same numbers for the same seed, other numbers for another, all in [0, 1)', () => {
    const first = take(seededRandom(42), 1000);
    expect(take(seededRandom(42), 1000)).toEqual(first);
    expect(take(seededRandom(43), 1000)).not.toEqual(first);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(new Set(first).size).toBeGreaterThan(990);
  });
});

describe('seedFrom', () => {
  it('takes the environment variable when set, else the default', () => {
    expect(seedFrom({ CRASH_SEED: '7' }, 'CRASH_SEED', 1)).toBe(7);
    expect(seedFrom({}, 'CRASH_SEED', 1)).toBe(1);
    expect(seedFrom({ CRASH_SEED: '' }, 'CRASH_SEED', 1)).toBe(1);
  });

  it('refuses a seed that is not a whole number, naming the variable', () => {
    expect(() => seedFrom({ CRASH_SEED: 'abc' }, 'CRASH_SEED', 1)).toThrow('CRASH_SEED=abc is not a whole number');
    expect(() => seedFrom({ CRASH_SEED: '1.5' }, 'CRASH_SEED', 1)).toThrow('CRASH_SEED=1.5');
  });
});
