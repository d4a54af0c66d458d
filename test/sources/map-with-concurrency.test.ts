import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from '../../src/sources/map-with-concurrency.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('mapWithConcurrency', () => {
  it('keeps the input order with at most `limit` calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await mapWithConcurrency([5, 1, 4, 2, 3], 2, async (item) => {
      most = Math.max(most, ++inFlight);
      await tick();
      inFlight--;
      return item * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });

  it('after a call throws, starts no new call and throws only once the calls in flight have ended', async () => {
    const started: number[] = [];
    const ended: number[] = [];
    const run = mapWithConcurrency([0, 1, 2, 3, 4, 5], 2, async (item) => {
      started.push(item);
      if (item === 0) throw new Error('item 0 failed');
      await tick();
      ended.push(item);
      return item;
    });
    await expect(run).rejects.toThrow('item 0 failed');
    // Item 1 was in flight when item 0 failed: it ended before the error was thrown; nothing after it started.
    expect(started).toEqual([0, 1]);
    expect(ended).toEqual([1]);
  });
});
