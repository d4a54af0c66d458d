import { errorAnswer, type PagerdutyAnswer } from './answers.ts';

/**
 * A fault that replaces the next answer(s). `status`: that HTTP status with PagerDuty's error envelope.
 * `malformed`: HTTP 200 with JSON cut short. `hang`: never answer. `ratelimited`: 429 with `ratelimit-limit`,
 * `ratelimit-remaining: 0` and `ratelimit-reset` (seconds), lower-case as documented (reference §1.7), plus
 * `Retry-After` when asked.
 */
export type FakePagerdutyFault =
  | { kind: 'status'; status: number }
  | { kind: 'malformed' }
  | { kind: 'hang' }
  | { kind: 'ratelimited'; resetSeconds: number; limit?: number; retryAfterSeconds?: number };

interface Queued {
  fault: FakePagerdutyFault;
  /** Only requests whose path (without query) starts with this; every path when absent. */
  pathPrefix?: string;
}

/** Queued faults, taken in the order requests arrive. */
export class FakePagerdutyFaults {
  private queue: Queued[] = [];

  add(fault: FakePagerdutyFault, times: number, pathPrefix?: string): void {
    for (let i = 0; i < times; i += 1) this.queue.push({ fault, ...(pathPrefix ? { pathPrefix } : {}) });
  }

  clear(): void {
    this.queue = [];
  }

  take(path: string): PagerdutyAnswer | undefined {
    const index = this.queue.findIndex((queued) => queued.pathPrefix === undefined || path.startsWith(queued.pathPrefix));
    if (index < 0) return undefined;
    const [queued] = this.queue.splice(index, 1);
    return answerFault(queued!.fault);
  }
}

function answerFault(fault: FakePagerdutyFault): PagerdutyAnswer {
  switch (fault.kind) {
    case 'status':
      return fault.status >= 500 ? errorAnswer(fault.status, 2000, 'Internal Error') : errorAnswer(fault.status, 2001, 'Invalid Input Provided');
    case 'malformed':
      return { status: 200, raw: '{"oncalls":[{"escalation_level":1,"user":{"id":"PU' };
    case 'hang':
      return { status: 0, hang: true };
    case 'ratelimited':
      return {
        ...errorAnswer(429, 2020, 'Rate Limit Exceeded'),
        headers: {
          'ratelimit-limit': String(fault.limit ?? 960),
          'ratelimit-remaining': '0',
          'ratelimit-reset': String(fault.resetSeconds),
          ...(fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) }),
        },
      };
  }
}
