import { describe, expect, it } from 'vitest';
import { ActionIds } from '../../../src/slack/ids.ts';
import { parsePageValue } from '../../../src/slack/views/action-values.ts';
import { pageButtons, pageCounterText, pageSlice } from '../../../src/slack/views/page-buttons.ts';

describe('pageSlice', () => {
  it.each([
    { total: 137, page: 1, expected: { page: 1, pageCount: 7, start: 0, end: 20 }, counter: '1–20 of 137' },
    { total: 137, page: 2, expected: { page: 2, pageCount: 7, start: 20, end: 40 }, counter: '21–40 of 137' },
    { total: 137, page: 7, expected: { page: 7, pageCount: 7, start: 120, end: 137 }, counter: '121–137 of 137' },
    { total: 137, page: 99, expected: { page: 7, pageCount: 7, start: 120, end: 137 }, counter: '121–137 of 137' },
    { total: 137, page: 0, expected: { page: 1, pageCount: 7, start: 0, end: 20 }, counter: '1–20 of 137' },
    { total: 21, page: 2, expected: { page: 2, pageCount: 2, start: 20, end: 21 }, counter: '21 of 21' },
    { total: 0, page: 3, expected: { page: 1, pageCount: 1, start: 0, end: 0 }, counter: '0–0 of 0' },
    { total: 12_345, page: 2, expected: { page: 2, pageCount: 618, start: 20, end: 40 }, counter: '21–40 of 12,345' },
  ])('$total items, page $page', ({ total, page, expected, counter }) => {
    const slice = pageSlice(total, page, 20);
    expect(slice).toEqual({ ...expected, total });
    if (total > 0) expect(pageCounterText(slice)).toBe(counter);
  });
});

describe('pageButtons', () => {
  const request = { view: 'find', query: 'pay', page: 1 } as const;

  it('are none when everything fits one page', () => {
    expect(pageButtons(pageSlice(20, 1, 20), request)).toEqual([]);
  });

  it('carry the question with the page each one shows', () => {
    const buttons = pageButtons(pageSlice(137, 3, 20), request);
    expect(buttons.map((button) => [button.action_id, parsePageValue(button.value!)?.page])).toEqual([
      [ActionIds.pagePrevious, 2],
      [ActionIds.pageNext, 4],
      [ActionIds.exportList, 3],
    ]);
  });
});
