import { computeBlobSha, type FakeOrg, type FakeRepo } from './github-fake-data.ts';

/** Where the fake lives: API base (with `/api/v3` for Enterprise) and the web base of html_url. */
export interface FakeUrls {
  api: string;
  html: string;
  raw: string;
}

const docs = 'https://docs.github.com/rest';

/** GitHub's error body: `{ message, documentation_url, status }`. */
export function createErrorBody(status: number, message: string, documentationUrl = docs): Record<string, string> {
  return { message, documentation_url: documentationUrl, status: String(status) };
}

/** A repository as `GET /orgs/{org}/repos` returns it (the fields clients use, plus some realistic extras). */
export function createRepoJson(org: FakeOrg, repo: FakeRepo, urls: FakeUrls): Record<string, unknown> {
  return {
    id: repo.id,
    node_id: `R_${repo.id}`,
    name: repo.name,
    full_name: `${org.login}/${repo.name}`,
    private: false,
    owner: { login: org.login, id: org.id, type: 'Organization' },
    html_url: `${urls.html}/${org.login}/${repo.name}`,
    url: `${urls.api}/repos/${org.login}/${repo.name}`,
    fork: false,
    archived: repo.archived,
    disabled: false,
    visibility: 'public',
    default_branch: repo.defaultBranch,
    pushed_at: repo.pushedAt,
    updated_at: repo.pushedAt,
  };
}

/** One file of `GET /repos/{o}/{r}/contents/{path}`: base64 wrapped at 60 columns, as GitHub sends it. */
export function createFileJson(org: FakeOrg, repo: FakeRepo, path: string, ref: string, urls: FakeUrls): Record<string, unknown> {
  const content = repo.files.get(path) ?? Buffer.alloc(0);
  const base64 = content.toString('base64').replace(/.{60}/g, '$&\n');
  return { ...createEntryJson(org, repo, path, ref, urls, 'file'), encoding: 'base64', content: base64 };
}

/** A folder of `GET /repos/{o}/{r}/contents/{path}`: an array of its direct entries. */
export function createFolderJson(org: FakeOrg, repo: FakeRepo, folder: string, ref: string, urls: FakeUrls): Record<string, unknown>[] {
  const prefix = folder === '' ? '' : `${folder}/`;
  const names = new Map<string, 'file' | 'dir'>();
  for (const path of repo.files.keys()) {
    if (!path.startsWith(prefix)) continue;
    const [name, ...rest] = path.slice(prefix.length).split('/');
    if (name) names.set(name, rest.length > 0 ? 'dir' : 'file');
  }
  return [...names].sort().map(([name, type]) => createEntryJson(org, repo, `${prefix}${name}`, ref, urls, type));
}

/** Whether `folder` holds any file of the repository. */
export function isFolder(repo: FakeRepo, folder: string): boolean {
  return folder === '' || [...repo.files.keys()].some((path) => path.startsWith(`${folder}/`));
}

function createEntryJson(org: FakeOrg, repo: FakeRepo, path: string, ref: string, urls: FakeUrls, type: 'file' | 'dir'): Record<string, unknown> {
  const content = repo.files.get(path);
  const sha = content ? computeBlobSha(content) : computeBlobSha(Buffer.from(`tree:${path}`));
  const self = `${urls.api}/repos/${org.login}/${repo.name}/contents/${path}?ref=${ref}`;
  const git = `${urls.api}/repos/${org.login}/${repo.name}/git/${type === 'file' ? 'blobs' : 'trees'}/${sha}`;
  const html = `${urls.html}/${org.login}/${repo.name}/${type === 'file' ? 'blob' : 'tree'}/${ref}/${path}`;
  return {
    type,
    name: path.split('/').pop(),
    path,
    sha,
    size: content?.length ?? 0,
    url: self,
    git_url: git,
    html_url: html,
    download_url: type === 'file' ? `${urls.raw}/${org.login}/${repo.name}/${ref}/${path}` : null,
    _links: { self, git, html },
  };
}

/** The Link header of page `page` of `pages`, with GitHub's rel order (prev, next, last, first). */
export function createLinkHeader(baseUrl: string, perPage: number, page: number, pages: number): string | undefined {
  if (pages <= 1) return undefined;
  const at = (n: number): string => `<${baseUrl}?per_page=${perPage}&page=${n}>`;
  const links: string[] = [];
  if (page > 1) links.push(`${at(page - 1)}; rel="prev"`);
  if (page < pages) links.push(`${at(page + 1)}; rel="next"`, `${at(pages)}; rel="last"`);
  if (page > 1) links.push(`${at(1)}; rel="first"`);
  return links.join(', ');
}
