import { InvalidInputError } from '../core/errors.ts';

/** Options of {@link GithubSource}. */
export interface GithubSourceOptions {
  id: string;
  /** Organisation login whose repositories are scanned. */
  org: string;
  /** Path of the catalog file in each repository; default `/catalog-info.yaml`. */
  catalogPath?: string;
  /** JavaScript regular expression a repository name must match, e.g. `^(?!archived-)`. */
  repoFilter?: string;
  /** Token with read access to the organisation's repositories. Without it GitHub allows 60 requests an hour. */
  token?: string;
  /** REST API root; default `https://api.github.com`; `https://<host>/api/v3` for GitHub Enterprise Server. */
  apiBaseUrl?: string;
  /** Wait and retry a rate-limited request only if GitHub asks for at most this many seconds; default 5. */
  maxRetryAfterSeconds?: number;
  /** Retries of one request (rate limits, 5xx); default 2. */
  maxRetries?: number;
  /** Limit of one request; default 30000. */
  timeoutMs?: number;
  /** Catalog files requested in parallel; default 8. */
  concurrency?: number;
}

/** Checked and normalised options; `catalogPath` has no leading slash. */
export interface GithubSourceSettings {
  id: string;
  org: string;
  catalogPath: string;
  repoFilter: RegExp | undefined;
  token: string | undefined;
  apiBaseUrl: string;
  maxRetryAfterSeconds: number;
  maxRetries: number;
  timeoutMs: number;
  concurrency: number;
}

/** Checks options at startup so that a mistake is reported with its key, not as a failed sync later. */
export function readGithubSourceOptions(options: GithubSourceOptions): GithubSourceSettings {
  const fail = (message: string): never => {
    throw new InvalidInputError(`github source "${options.id}": ${message}`);
  };
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(options.org)) fail(`org "${options.org}" is not a GitHub organisation login`);
  const catalogPath = (options.catalogPath ?? '/catalog-info.yaml').replace(/^\/+/, '');
  if (catalogPath === '' || catalogPath.endsWith('/') || catalogPath.split('/').some((part) => part === '..' || part === '.')) {
    fail(`catalogPath "${options.catalogPath}" must name a file inside the repository, e.g. /catalog-info.yaml`);
  }
  if (options.token !== undefined && !/^[\x21-\x7e]+$/.test(options.token)) fail('token is empty or contains spaces or line breaks');
  const apiBaseUrl = readApiBaseUrl(options.apiBaseUrl ?? 'https://api.github.com', options.token !== undefined, fail);
  return {
    id: options.id,
    org: options.org,
    catalogPath,
    repoFilter: compileRepoFilter(options.repoFilter, fail),
    token: options.token,
    apiBaseUrl,
    maxRetryAfterSeconds: readNumber('maxRetryAfterSeconds', options.maxRetryAfterSeconds, 5, 0, 3600, fail),
    maxRetries: readNumber('maxRetries', options.maxRetries, 2, 0, 10, fail),
    timeoutMs: readNumber('timeoutMs', options.timeoutMs, 30_000, 1, 600_000, fail),
    concurrency: readNumber('concurrency', options.concurrency, 8, 1, 32, fail),
  };
}

function compileRepoFilter(source: string | undefined, fail: (message: string) => never): RegExp | undefined {
  if (source === undefined) return undefined;
  try {
    return new RegExp(source);
  } catch (error) {
    return fail(`repoFilter "${source}" is not a valid regular expression (${(error as Error).message})`);
  }
}

/** A token must not travel in clear text, so plain http is only accepted for this machine (tests, proxies). */
function readApiBaseUrl(value: string, hasToken: boolean, fail: (message: string) => never): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(`apiBaseUrl "${value}" is not a URL; use https://api.github.com or https://<host>/api/v3`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(`apiBaseUrl "${value}" must be an http(s) URL`);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol === 'http:' && hasToken && !loopback) fail(`apiBaseUrl "${value}" would send the token unencrypted; use https`);
  return value.replace(/\/+$/, '');
}

function readNumber(key: string, value: number | undefined, fallback: number, min: number, max: number, fail: (message: string) => never): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < min || value > max) fail(`${key} must be a number from ${min} to ${max}, not ${value}`);
  return value;
}
