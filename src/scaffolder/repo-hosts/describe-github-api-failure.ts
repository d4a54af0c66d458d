import { ConflictError, InvalidInputError, SourceUnavailableError } from '../../core/errors.ts';

interface RequestFailure {
  status: number;
  message: string;
  name?: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

/** An Octokit request error (it has a numeric status); network failures come as status 500 without a response. */
export const isRequestFailure = (error: unknown): error is RequestFailure =>
  error instanceof Error && typeof (error as { status?: unknown }).status === 'number';

/** GitHub's 422 for a name taken: "name already exists on this account" in the message or in `errors[]`. */
const saysAlreadyExists = (error: RequestFailure): boolean => /already exists/i.test(`${error.message} ${JSON.stringify(error.response?.data ?? '')}`);

/**
 * Turns an Octokit failure of `doing` (e.g. `create acme/new-service`) into an error that says what to do:
 * ConflictError for a taken name, SourceUnavailableError for auth, rate limits and the network (the step can be
 * retried), InvalidInputError for what GitHub refused as invalid. Anything else (a bug) passes through.
 */
export const describeGithubApiFailure = (failure: unknown, doing: string, apiBaseUrl: string): unknown => {
  if (!isRequestFailure(failure)) return failure;
  // Octokit appends " - <documentation_url>" to GitHub's message; the link helps nobody reading a run's log.
  const error = { ...failure, status: failure.status, message: failure.message.replace(/ - https?:\/\/\S+$/, ''), response: failure.response };
  const headers = error.response?.headers ?? {};
  if (error.status === 401)
    return new SourceUnavailableError(`GitHub rejected GITHUB_TOKEN (401 ${error.message}) while trying to ${doing}; set a valid token`);
  if ((error.status === 403 || error.status === 429) && headers['x-ratelimit-remaining'] === '0') {
    const reset = new Date(Number(headers['x-ratelimit-reset'] ?? 0) * 1000).toISOString();
    return new SourceUnavailableError(`GitHub rate limit exceeded while trying to ${doing}; it resets at ${reset}, then use Retry`);
  }
  if (error.status === 429 || /secondary rate/i.test(error.message)) {
    const wait = headers['retry-after'] ? `wait ${headers['retry-after']} s` : 'wait a minute';
    return new SourceUnavailableError(`GitHub secondary rate limit hit while trying to ${doing}; ${wait}, then use Retry`);
  }
  if (error.status === 403) {
    return new SourceUnavailableError(
      `GitHub refused to ${doing} (403 ${error.message}); the token needs the repo scope (or Administration write) on that owner`,
    );
  }
  if (error.status === 404)
    return new InvalidInputError(`GitHub answered 404 while trying to ${doing}: the owner, team or user does not exist or the token cannot see it`);
  if (error.status === 422 && saysAlreadyExists(error)) return new ConflictError(`Cannot ${doing}: the repository already exists; choose another name`);
  if (error.status === 422) return new InvalidInputError(`GitHub refused to ${doing}: ${error.message}`);
  if (!error.response)
    return new SourceUnavailableError(`Cannot reach GitHub at ${apiBaseUrl} to ${doing}: ${error.message}; check GITHUB_API_URL and the network`);
  return new SourceUnavailableError(`GitHub answered ${error.status} (${error.message}) while trying to ${doing}; try again later`);
};
