/** A limit GitHub would answer with instead of serving the request. */
export interface SecondaryLimit {
  status: 403 | 429;
  retryAfterSeconds: number;
}

/**
 * The primary rate limit (a budget of requests per window) and queued secondary-limit refusals of the fake.
 * As on GitHub, a 304 answer to a conditional request costs nothing.
 */
export class FakeRateLimit {
  private used = 0;
  private readonly secondary: SecondaryLimit[] = [];

  constructor(
    private limit: number,
    private resetEpochSeconds: number,
  ) {}

  get remaining(): number {
    return Math.max(0, this.limit - this.used);
  }

  /** Replaces the budget: `remaining` requests left until `resetAt`. */
  set(remaining: number, resetAt: Date): void {
    this.used = Math.max(0, this.limit - remaining);
    this.resetEpochSeconds = Math.floor(resetAt.getTime() / 1000);
  }

  /** The next `count` requests get a secondary-limit refusal with `retry-after`. */
  refuseNext(count: number, limit: SecondaryLimit): void {
    for (let i = 0; i < count; i++) this.secondary.push(limit);
  }

  takeSecondaryRefusal(): SecondaryLimit | undefined {
    return this.secondary.shift();
  }

  consume(): void {
    this.used += 1;
  }

  /** The x-ratelimit-* headers GitHub puts on every answer. */
  headers(): Record<string, string> {
    return {
      'x-ratelimit-limit': String(this.limit),
      'x-ratelimit-remaining': String(this.remaining),
      'x-ratelimit-reset': String(this.resetEpochSeconds),
      'x-ratelimit-used': String(Math.min(this.used, this.limit)),
      'x-ratelimit-resource': 'core',
    };
  }
}
