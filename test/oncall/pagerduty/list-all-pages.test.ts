import { describe, expect, it } from 'vitest';
import { OnCallUnavailableError } from '../../../src/core/oncall/on-call.ts';
import { listAllPages } from '../../../src/oncall/pagerduty/list-all-pages.ts';
import { readRateLimitWaitMs } from '../../../src/oncall/pagerduty/rate-limit-wait.ts';

/** A list of `size` numbers served as PagerDuty would, recording the offset and limit of each call. */
function pagedList(size: number, options: { pageCap?: number } = {}) {
  const calls: Array<[number, number]> = [];
  const fetchPage = async (offset: number, limit: number) => {
    calls.push([offset, limit]);
    const served = Math.min(limit, options.pageCap ?? limit);
    const items = Array.from({ length: Math.max(0, Math.min(served, size - offset)) }, (_, index) => offset + index);
    return { items, more: offset + items.length < size };
  };
  return { calls, fetchPage };
}

describe('listAllPages', () => {
  it('advances by what came back, not by the limit asked for', async () => {
    const list = pagedList(130, { pageCap: 40 });
    expect(await listAllPages(list.fetchPage, 'things')).toEqual(Array.from({ length: 130 }, (_, index) => index));
    expect(list.calls.map(([offset]) => offset)).toEqual([0, 40, 80, 120]);
  });

  it('reads exactly 10,000 and refuses a list longer than the offset ceiling instead of answering part of it', async () => {
    expect(await listAllPages(pagedList(10_000).fetchPage, 'things')).toHaveLength(10_000);
    const longer = pagedList(10_001);
    const error = await listAllPages(longer.fetchPage, 'on-call entries').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OnCallUnavailableError);
    expect((error as Error).message).toBe('PagerDuty lists more than 10,000 on-call entries; Callboard reads at most that many');
    expect(longer.calls.every(([offset, limit]) => offset + limit <= 10_000)).toBe(true);
  });

  it('stops on an empty page even if more is claimed', async () => {
    const pages = [
      { items: [1], more: true },
      { items: [], more: true },
    ];
    expect(await listAllPages(async () => pages.shift()!, 'things')).toEqual([1]);
  });
});

describe('readRateLimitWaitMs', () => {
  const now = Date.parse('2026-12-07T10:00:00Z');
  it.each([
    [{ 'ratelimit-reset': '7', 'retry-after': '30' }, 7000],
    [{ 'retry-after': '3' }, 3000],
    [{ 'retry-after': 'Mon, 07 Dec 2026 10:00:12 GMT' }, 12_000],
    [{ 'ratelimit-reset': 'soon' }, undefined],
    [{}, undefined],
  ])('reads %o as %s ms', (headers, expected) => {
    expect(readRateLimitWaitMs(new Headers(headers), now)).toBe(expected);
  });
});
