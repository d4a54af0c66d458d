import type { z } from 'zod';
import { OnCallUnavailableError } from '../../core/oncall/on-call.ts';
import { describePagerdutyFailure } from './describe-pagerduty-failure.ts';
import { formatSeconds, type LookupDeadline } from './lookup-deadline.ts';
import { readRateLimitWaitMs } from './rate-limit-wait.ts';

export const PAGERDUTY_ACCEPT = 'application/vnd.pagerduty+json;version=2';

export interface PagerdutyHttpOptions {
  /** `https://api.pagerduty.com`, or a fake's origin. */
  baseUrl: string;
  /** A REST API key (sent as `Token token=<key>`) or, with `tokenType: 'oauth'`, an OAuth access token (`Bearer`). */
  token: string;
  tokenType?: 'api-key' | 'oauth';
  fetch?: typeof fetch;
}

export interface PagerdutyGet<T> {
  /** `/oncalls`, `/services/P123`. */
  path: string;
  /** In order; array parameters bracketed and repeated (`['include[]', 'users']`). */
  query?: ReadonlyArray<readonly [string, string]>;
  schema: z.ZodType<T>;
  /** What a 404 means to a person, naming the annotation to check. */
  notFound?: string;
  deadline: LookupDeadline;
}

/** When PagerDuty gives no usable wait on a 429, wait this long (then again, while the deadline allows). */
const DEFAULT_RATE_LIMIT_WAIT_MS = 1000;
/** `ratelimit-reset: 0` still gets a pause, so a stubborn 429 cannot turn into a busy loop until the deadline. */
const MIN_RATE_LIMIT_WAIT_MS = 200;

/**
 * GETs against PagerDuty REST API v2: auth and version headers, 429s waited out while the lookup's deadline allows,
 * every failure turned into an {@link OnCallUnavailableError} a person can act on, and the JSON checked against a schema.
 */
export class PagerdutyHttpClient {
  private readonly fetch: typeof fetch;
  private readonly baseUrl: string;

  constructor(private readonly options: PagerdutyHttpOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async get<T>(request: PagerdutyGet<T>): Promise<T> {
    if (this.options.token.trim() === '') throw new OnCallUnavailableError('no PagerDuty token: set PAGERDUTY_TOKEN');
    for (;;) {
      const response = await this.send(request);
      if (response.status !== 429) return this.read(response, request);
      await response.body?.cancel();
      await this.waitOutRateLimit(response, request.deadline);
    }
  }

  private async send(request: PagerdutyGet<unknown>): Promise<Response> {
    request.deadline.check();
    const query = new URLSearchParams(request.query?.map(([key, value]): [string, string] => [key, value]));
    const url = `${this.baseUrl}${request.path}${query.size > 0 ? `?${query}` : ''}`;
    try {
      return await this.fetch(url, { headers: this.headers(), signal: request.deadline.signal });
    } catch (error) {
      if (request.deadline.signal.aborted) throw request.deadline.failure();
      throw new OnCallUnavailableError(`could not reach PagerDuty at ${this.baseUrl} (${describeNetworkError(error)}): check PAGERDUTY_API_URL`);
    }
  }

  private headers(): Record<string, string> {
    const authorization = this.options.tokenType === 'oauth' ? `Bearer ${this.options.token}` : `Token token=${this.options.token}`;
    // The spec lists Content-Type as required even on GETs, and PagerDuty's own clients send it.
    return { authorization, accept: PAGERDUTY_ACCEPT, 'content-type': 'application/json' };
  }

  private async read<T>(response: Response, request: PagerdutyGet<T>): Promise<T> {
    const text = await this.readText(response, request.deadline);
    if (!response.ok) throw describePagerdutyFailure(response.status, text, request);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new OnCallUnavailableError(`PagerDuty answered GET ${request.path} with something that is not JSON`);
    }
    const parsed = request.schema.safeParse(json);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')}: ${issue.message})` : '';
    throw new OnCallUnavailableError(`PagerDuty answered GET ${request.path} with JSON of an unexpected shape${where}`);
  }

  /** The body can stall after the headers arrived; the deadline covers that too. */
  private async readText(response: Response, deadline: LookupDeadline): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      if (deadline.signal.aborted) throw deadline.failure();
      throw new OnCallUnavailableError(`PagerDuty's answer broke off (${describeNetworkError(error)})`);
    }
  }

  private async waitOutRateLimit(response: Response, deadline: LookupDeadline): Promise<void> {
    const waitMs = Math.max(MIN_RATE_LIMIT_WAIT_MS, readRateLimitWaitMs(response.headers, Date.now()) ?? DEFAULT_RATE_LIMIT_WAIT_MS);
    if (waitMs > deadline.remainingMs()) {
      throw new OnCallUnavailableError(
        `rate-limited by PagerDuty: it asks to wait ${formatSeconds(waitMs)}, longer than the ${formatSeconds(deadline.timeoutMs)} lookup allows; try again then`,
      );
    }
    await deadline.sleep(waitMs);
  }
}

function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  return error instanceof Error ? error.message : String(error);
}
