/**
 * How long PagerDuty asks a client to wait after a 429 (reference §1.7): `ratelimit-reset` in seconds, else a
 * standard `Retry-After` (seconds or an HTTP date). Undefined when it says nothing usable.
 */
export function readRateLimitWaitMs(headers: Headers, nowMs: number): number | undefined {
  const reset = readSeconds(headers.get('ratelimit-reset'));
  if (reset !== undefined) return reset * 1000;
  const retryAfter = headers.get('retry-after');
  if (retryAfter === null) return undefined;
  const seconds = readSeconds(retryAfter);
  if (seconds !== undefined) return seconds * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function readSeconds(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}
