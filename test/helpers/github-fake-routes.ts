import type { FakeGithubData, FakeOrg, FakeRepo } from './github-fake-data.ts';
import { createErrorBody, createFileJson, createFolderJson, createLinkHeader, createRepoJson, isFolder, type FakeUrls } from './github-fake-payloads.ts';

/** What a route answers, before ETag and rate-limit handling. */
export interface FakeAnswer {
  status: number;
  body: string | Buffer;
  headers: Record<string, string>;
  contentType?: string;
}

const contentsDocs = 'https://docs.github.com/rest/repos/contents#get-repository-content';

/** Routes GET requests of the supported endpoints; undefined for anything else (a 404). */
export function routeGithubRequest(
  data: FakeGithubData,
  urls: FakeUrls,
  path: string,
  query: URLSearchParams,
  accept: string | undefined,
): FakeAnswer | undefined {
  const orgRepos = /^\/orgs\/([^/]+)\/repos\/?$/.exec(path);
  if (orgRepos) return answerRepoPage(data.findOrg(decodeURIComponent(orgRepos[1] as string)), urls, query);
  const byId = /^\/organizations\/(\d+)\/repos\/?$/.exec(path);
  if (byId) return answerRepoPage(data.findOrgById(Number(byId[1])), urls, query);
  const contents = /^\/repos\/([^/]+)\/([^/]+)\/contents(?:\/(.*))?$/.exec(path);
  if (!contents) return undefined;
  const [, owner = '', name = '', rest = ''] = contents;
  const org = data.findOrg(owner);
  const repo = data.findRepo(owner, name);
  if (!org || !repo) return json(404, createErrorBody(404, 'Not Found', contentsDocs));
  return answerContents(org, repo, decodeURIComponent(rest).replace(/\/+$/, ''), query.get('ref'), accept, urls);
}

function answerRepoPage(org: FakeOrg | undefined, urls: FakeUrls, query: URLSearchParams): FakeAnswer {
  if (!org) return json(404, createErrorBody(404, 'Not Found', 'https://docs.github.com/rest/repos/repos#list-organization-repositories'));
  const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  const pages = Math.max(1, Math.ceil(org.repos.length / perPage));
  const slice = org.repos.slice((page - 1) * perPage, page * perPage);
  const link = createLinkHeader(`${urls.api}/organizations/${org.id}/repos`, perPage, page, pages);
  const answer = json(
    200,
    slice.map((repo) => createRepoJson(org, repo, urls)),
  );
  return link ? { ...answer, headers: { link } } : answer;
}

function answerContents(org: FakeOrg, repo: FakeRepo, path: string, requestedRef: string | null, accept: string | undefined, urls: FakeUrls): FakeAnswer {
  const ref = requestedRef ?? repo.defaultBranch;
  if (ref !== repo.defaultBranch) return json(404, createErrorBody(404, `No commit found for the ref ${ref}`, contentsDocs));
  const content = repo.files.get(path);
  const rawType = /application\/vnd\.github(?:\.v3)?\.raw(?:\+json)?/.exec(accept ?? '')?.[0];
  if (content && rawType) {
    return { status: 200, body: content, headers: { 'x-github-media-type': 'github.v3; param=raw' }, contentType: `${rawType}; charset=utf-8` };
  }
  if (content) return json(200, createFileJson(org, repo, path, ref, urls));
  if (isFolder(repo, path)) return json(200, createFolderJson(org, repo, path, ref, urls));
  return json(404, createErrorBody(404, 'Not Found', contentsDocs));
}

/** A JSON answer with GitHub's content type. */
export function json(status: number, body: unknown): FakeAnswer {
  return { status, body: JSON.stringify(body), headers: {} };
}
