import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

export interface GithubClientOptions {
  baseUrl: string;
  token: string | undefined;
  /** Retry a rate-limited request only when GitHub asks to wait at most this long. */
  maxRetryAfterSeconds: number;
  maxRetries: number;
}

const ignore = (): void => {};

/** The Octokit type with the throttling and retry plugins applied. */
export type GithubClient = InstanceType<ReturnType<typeof createClientClass>>;

function createClientClass() {
  return Octokit.plugin(throttling, retry);
}

/**
 * An Octokit that waits out short rate limits and retries server errors a few times, but gives up at once
 * on a long wait: a sync that sleeps until the hourly reset is worse than a sync reported as failed.
 */
export function createGithubClient(options: GithubClientOptions): GithubClient {
  const shouldRetry = (retryAfter: number, _request: unknown, _octokit: unknown, retryCount: number): boolean =>
    retryCount < options.maxRetries && retryAfter <= options.maxRetryAfterSeconds;
  const Client = createClientClass();
  return new Client({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'callboard',
    // Octokit logs every 304 and 404 as an error; both are expected here and real failures are rethrown.
    log: { debug: ignore, info: ignore, warn: ignore, error: ignore },
    throttle: { onRateLimit: shouldRetry, onSecondaryRateLimit: shouldRetry },
    // 403 and 429 are the throttling plugin's to judge (with retry-after); this plugin retries 5xx only.
    retry: { retries: options.maxRetries, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
  });
}
