import { SourceUnavailableError } from '../../core/errors.ts';
import type { GithubClient } from './create-github-client.ts';
import { getConditional } from './get-conditional.ts';
import type { CachedResponse, GithubRepoSummary } from './github-source-state.ts';

export interface ListOrgReposInput {
  org: string;
  previous: Record<string, CachedResponse>;
  timeoutMs: number;
}

export interface ListOrgReposResult {
  repos: GithubRepoSummary[];
  /** Cache entries of the pages read, by request URL, to persist. */
  entries: Record<string, CachedResponse>;
}

/** Guards against a Link header that loops; 1,000 pages of 100 is far beyond any organisation. */
const maxPages = 1000;

/** Lists every repository of `org`, page by page following Link headers, each page a conditional request. */
export async function listOrgRepos(client: GithubClient, input: ListOrgReposInput): Promise<ListOrgReposResult> {
  const repos: GithubRepoSummary[] = [];
  const entries: Record<string, CachedResponse> = {};
  let url: string | undefined = `/orgs/${encodeURIComponent(input.org)}/repos?per_page=100`;
  for (let page = 0; url !== undefined && page < maxPages && !(url in entries); page++) {
    const entry = await readRepoPage(client, url, input);
    entries[url] = entry;
    repos.push(...(entry.repos ?? []));
    url = entry.next;
  }
  return { repos, entries };
}

async function readRepoPage(client: GithubClient, url: string, input: ListOrgReposInput): Promise<CachedResponse> {
  const cached = input.previous[url];
  const usable = cached?.etag !== undefined && Array.isArray(cached.repos) ? cached : undefined;
  const answer = await getConditional(client, url, usable?.etag, input.timeoutMs);
  if (answer.status === 304 && usable) return usable;
  if (answer.status === 304) return readRepoPage(client, url, { ...input, previous: {} });
  if (answer.status === 404) {
    throw new SourceUnavailableError(`GitHub organisation "${input.org}" was not found; check the org name and that the token can see it`);
  }
  return { etag: answer.etag, repos: parseRepos(answer.data), next: findNextLink(answer.link) };
}

function parseRepos(data: unknown): GithubRepoSummary[] {
  if (!Array.isArray(data)) throw new Error('GitHub answered the repository listing with something other than a list');
  return data.map((repo: Record<string, unknown>) => ({
    name: String(repo.name),
    defaultBranch: String(repo.default_branch ?? 'main'),
    htmlUrl: String(repo.html_url),
    archived: repo.archived === true,
    ...(typeof repo.pushed_at === 'string' ? { pushedAt: repo.pushed_at } : {}),
  }));
}

/** The `rel="next"` target of a Link header: GitHub's only supported way to page. */
export function findNextLink(link: string | undefined): string | undefined {
  for (const part of (link ?? '').split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="next"/.exec(part);
    if (match) return match[1];
  }
  return undefined;
}
