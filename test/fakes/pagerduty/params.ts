import { AnswerError, errorAnswer, invalidInput } from './answers.ts';

/**
 * Strict readers of PagerDuty query parameters (reference §1.2, §1.5): array parameters only in their bracketed,
 * repeated form, `include[]` values from each endpoint's enum, `limit` 25 by default and at most 100, the 10,000
 * offset ceiling, `total` only as lower-case `true`.
 */

const MAX_LIMIT = 100;
const OFFSET_CEILING = 10_000;
const DAY_MS = 86_400_000;

/** `name[]` values. The bare `name` is refused: PagerDuty would ignore it and answer unfiltered, which hides the bug. */
export function readArray(params: URLSearchParams, name: string): string[] {
  if (params.has(name)) throw new AnswerError(invalidInput(`${name} is an array parameter: send it as ${name}[]=… (one per value)`));
  return params.getAll(`${name}[]`);
}

export function readInclude(params: URLSearchParams, allowed: readonly string[]): string[] {
  const include = readArray(params, 'include');
  const unknown = include.find((value) => !allowed.includes(value));
  if (unknown !== undefined) throw new AnswerError(invalidInput(`include[] must be one of ${allowed.join(', ')} (got ${unknown})`));
  return include;
}

export interface Page {
  limit: number;
  offset: number;
  /** `total=true` exactly; `True` or `1` count as false, as in PagerDuty (python-pagerduty lower-cases for this reason). */
  total: boolean;
}

export function readPage(params: URLSearchParams): Page {
  const limit = readCount(params, 'limit', 25, 1);
  const offset = readCount(params, 'offset', 0, 0);
  const clamped = Math.min(limit, MAX_LIMIT);
  if (offset + clamped > OFFSET_CEILING) {
    const message = `Offset+limit exceeds maximum allowed value of ${OFFSET_CEILING}. Please try to refine your search to reduce the number of results.`;
    throw new AnswerError(errorAnswer(400, 2002, 'Arguments Caused Error', [message]));
  }
  return { limit: clamped, offset, total: params.get('total') === 'true' };
}

function readCount(params: URLSearchParams, name: string, fallback: number, min: number): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min) throw new AnswerError(invalidInput(`${name} must be an integer of at least ${min} (got ${raw})`));
  return value;
}

/** The page of `items` that `page` asks for, in PagerDuty's envelope fields. */
export function paginate<T>(items: readonly T[], page: Page): { items: T[]; limit: number; offset: number; more: boolean; total: number | null } {
  const slice = items.slice(page.offset, page.offset + page.limit);
  return { items: slice, limit: page.limit, offset: page.offset, more: page.offset + slice.length < items.length, total: page.total ? items.length : null };
}

export interface Window {
  since: number;
  until: number;
}

/** `since`/`until` default to now; `until` before `since` or more than 90 days after it is refused. */
export function readWindow(params: URLSearchParams, now: number): Window {
  const since = readInstant(params, 'since', now);
  const until = readInstant(params, 'until', now);
  if (until < since) throw new AnswerError(errorAnswer(400, 2005, 'Invalid Query Date Range', ['until must not be before since']));
  if (until - since > 90 * DAY_MS) {
    throw new AnswerError(errorAnswer(400, 2005, 'Invalid Query Date Range', ['on-call shifts are limited to 90 days: until is too far after since']));
  }
  return { since, until };
}

function readInstant(params: URLSearchParams, name: string, fallback: number): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  const value = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(value))
    throw new AnswerError(errorAnswer(400, 2004, 'Invalid since or until', [`${name} is not an ISO 8601 date-time (got ${raw})`]));
  return value;
}

/** `true`/`false` only, lower case. */
export function readFlag(params: URLSearchParams, name: string): boolean {
  return params.get(name) === 'true';
}
