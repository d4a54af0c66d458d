/**
 * A small seeded PRNG (mulberry32): the same seed gives the same numbers in [0, 1), so a randomised
 * test that fails can be replayed with the seed it printed.
 */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/**
 * The seed for a randomised test: `name` from the environment when set (to replay a failure), else the
 * fixed default, so CI runs are reproducible. A value that is not a whole number is refused by name.
 */
export const seedFrom = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const seed = Number(text);
  if (!Number.isSafeInteger(seed)) throw new Error(`${name}=${text} is not a whole number; unset it to use the default seed ${fallback}`);
  return seed;
};
