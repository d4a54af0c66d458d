import { SourceUnavailableError } from '../../core/errors.ts';

export interface GithubFailureContext {
  id: string;
  org: string;
  apiBaseUrl: string;
  timeoutMs: number;
}

interface RequestFailure {
  status: number;
  message: string;
  name?: string;
  response?: { headers?: Record<string, string | undefined> };
}

/**
 * Turns Octokit's errors into SourceUnavailableError with a next step; other errors (bugs) pass through.
 * Octokit reports network failures and timeouts as status 500 without a response.
 */
export function describeGithubFailure(error: unknown, context: GithubFailureContext): unknown {
  if (error instanceof SourceUnavailableError) return new SourceUnavailableError(`github source "${context.id}": ${error.message}`);
  if (!isRequestFailure(error)) return error;
  return new SourceUnavailableError(findMessage(error, context));
}

function findMessage(error: RequestFailure, context: GithubFailureContext): string {
  const headers = error.response?.headers ?? {};
  const source = `github source "${context.id}" (org ${context.org})`;
  if (error.status === 401) {
    return `GitHub rejected the token of ${source} (401 ${error.message}); give it a valid token with read access to the repositories`;
  }
  if ((error.status === 403 || error.status === 429) && headers['x-ratelimit-remaining'] === '0') {
    const reset = new Date(Number(headers['x-ratelimit-reset'] ?? 0) * 1000).toISOString();
    return `GitHub rate limit exceeded; resets at ${reset}. ${source} will sync after that; a token raises the limit`;
  }
  if (error.status === 429 || /secondary rate/i.test(error.message)) {
    const wait = headers['retry-after'] ? `it asks to wait ${headers['retry-after']} s` : 'it asks to slow down';
    return `GitHub secondary rate limit hit by ${source}; ${wait}. Sync less often or lower concurrency`;
  }
  if (error.status === 403) return `GitHub refused ${source} (403 ${error.message}); check that the token may read the organisation's repositories`;
  if (!error.response) return describeNetworkFailure(error, context, source);
  return `GitHub answered ${error.status} (${error.message}) to ${source}; try again later`;
}

function describeNetworkFailure(error: RequestFailure, context: GithubFailureContext, source: string): string {
  if (error.name === 'AbortError' || /abort|timeout/i.test(error.message)) {
    return `GitHub at ${context.apiBaseUrl} gave ${source} no answer within ${context.timeoutMs} ms; check the network or raise timeoutMs`;
  }
  return `cannot reach GitHub at ${context.apiBaseUrl} for ${source}: ${error.message}; check apiBaseUrl and the network`;
}

function isRequestFailure(error: unknown): error is RequestFailure {
  return error instanceof Error && typeof (error as { status?: unknown }).status === 'number';
}
