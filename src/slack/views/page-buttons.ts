import type { Button } from '@slack/types';
import { ActionIds } from '../ids.ts';
import { encodePageValue, type PageRequest } from './action-values.ts';
import { button } from './blocks.ts';

/** Which slice of a long list one page shows: items `start` (inclusive) to `end` (exclusive), pages from 1. */
export interface PageSlice {
  page: number;
  pageCount: number;
  start: number;
  end: number;
  total: number;
}

/** The slice for `page`, kept within the list: a page past the end (the list shrank since) shows the last. */
export const pageSlice = (total: number, requested: number, pageSize: number): PageSlice => {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(requested)), pageCount);
  const start = (page - 1) * pageSize;
  return { page, pageCount, start, end: Math.min(total, start + pageSize), total };
};

const count = (value: number): string => value.toLocaleString('en-US');

/** "21–40 of 137" (an en dash, as a range reads in print). */
export const pageCounterText = (slice: PageSlice): string =>
  slice.end - slice.start === 1 ? `${count(slice.end)} of ${count(slice.total)}` : `${count(slice.start + 1)}–${count(slice.end)} of ${count(slice.total)}`;

/**
 * Previous / Next for a list longer than a page, and "Download CSV" for the whole of it. Each carries
 * the question with its page, so the listener rebuilds the answer from the value alone.
 */
export const pageButtons = (slice: PageSlice, request: PageRequest): Button[] => {
  if (slice.pageCount <= 1) return [];
  const buttons: Button[] = [];
  if (slice.page > 1)
    buttons.push(button({ text: '← Previous', actionId: ActionIds.pagePrevious, value: encodePageValue({ ...request, page: slice.page - 1 }) }));
  if (slice.page < slice.pageCount)
    buttons.push(button({ text: 'Next →', actionId: ActionIds.pageNext, value: encodePageValue({ ...request, page: slice.page + 1 }) }));
  buttons.push(button({ text: 'Download CSV', actionId: ActionIds.exportList, value: encodePageValue({ ...request, page: slice.page }) }));
  return buttons;
};
