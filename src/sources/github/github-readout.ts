import type { ResolvedTarget, SourceFile, SourceFileContent, SourceReadout } from '../../core/ports.ts';
import { encodePathForUrl } from '../git/git-remote-url.ts';
import { findUrlScheme, isHttpUrl, resolveRelativeTarget } from '../resolve-relative-target.ts';
import { computeBlobSha } from './compute-blob-sha.ts';
import type { GithubClient } from './create-github-client.ts';
import type { GithubRepoSummary, GithubSourceState } from './github-source-state.ts';
import { readGithubFile } from './read-github-file.ts';

export interface GithubReadoutInit {
  org: string;
  /** `https://github.com/<org>` or its Enterprise equivalent: the source as a whole. */
  orgWebUrl: string;
  version: string;
  state: GithubSourceState;
  files: SourceFile[];
  /** Catalog file contents that came inline with the listing, by source path. */
  contents: Map<string, Buffer>;
  /** Listed (not archived, not filtered out) repositories. */
  repos: readonly GithubRepoSummary[];
  client: GithubClient;
  timeoutMs: number;
}

/** One scan of an organisation. Source paths are `<repo>/<path in repo>`. */
export class GithubReadout implements SourceReadout {
  readonly version: string;
  /** The version digests the catalog files only; other files are read at the branch tip when asked. */
  readonly versionCoversEveryFile = false;
  /** Files outside the listing are fetched from the API: the sync reads them before it takes the write lock. */
  readonly readsOverNetwork = true;
  readonly state: GithubSourceState;
  private readonly repos: Map<string, GithubRepoSummary>;

  constructor(private readonly init: GithubReadoutInit) {
    this.version = init.version;
    this.state = init.state;
    this.repos = new Map(init.repos.map((repo) => [repo.name.toLowerCase(), repo]));
  }

  async listFiles(): Promise<SourceFile[]> {
    return [...this.init.files];
  }

  /** Any file of a listed repository, at its default branch; content not inlined is fetched (one request). */
  async readFile(path: string): Promise<SourceFileContent | undefined> {
    const inlined = this.init.contents.get(path);
    if (inlined) return { content: inlined, hash: computeBlobSha(inlined) };
    const located = this.locate(path);
    if (!located) return undefined;
    const { repo, inRepo } = located;
    const file = { owner: this.init.org, repo: repo.name, path: inRepo, ref: repo.defaultBranch };
    const content = await readGithubFile(this.init.client, file, this.init.timeoutMs);
    return content ? { content, hash: computeBlobSha(content) } : undefined;
  }

  resolve(fromPath: string, target: string): ResolvedTarget {
    if (isHttpUrl(target)) return this.mapOrgUrl(target) ?? { url: target };
    const scheme = findUrlScheme(target);
    if (scheme !== undefined) {
      return { error: `target "${target}" uses the unsupported scheme "${scheme}:"; use a path in the repository or an http(s) URL` };
    }
    const [repo = '', ...rest] = fromPath.split('/');
    const resolved = resolveRelativeTarget(rest.join('/'), target);
    if (!resolved) return { error: `target "${target}" resolves outside the repository ${this.init.org}/${repo}` };
    return { path: `${repo}/${resolved.path}` };
  }

  displayPath(path: string): string {
    return this.urlOf(path) ?? `${this.init.orgWebUrl}/${path}`;
  }

  urlOf(path: string): string | undefined {
    if (path === '') return this.init.orgWebUrl;
    const located = this.locate(path);
    if (!located) return undefined;
    return `${located.repo.htmlUrl}/blob/${encodePathForUrl(located.repo.defaultBranch)}/${encodePathForUrl(located.inRepo)}`;
  }

  /** GitHub's in-browser editor for the file on the default branch. */
  editUrlOf(path: string): string | undefined {
    const located = path === '' ? undefined : this.locate(path);
    if (!located) return undefined;
    return `${located.repo.htmlUrl}/edit/${encodePathForUrl(located.repo.defaultBranch)}/${encodePathForUrl(located.inRepo)}`;
  }

  async close(): Promise<void> {}

  private locate(path: string): { repo: GithubRepoSummary; inRepo: string } | undefined {
    const resolved = resolveRelativeTarget('', path);
    if (!resolved) return undefined;
    const [name = '', ...rest] = resolved.path.split('/');
    const repo = this.repos.get(name.toLowerCase());
    return repo && rest.length > 0 ? { repo, inRepo: rest.join('/') } : undefined;
  }

  /** `<html_url>/blob/<default branch>/<path>` of a listed repository is that repository's file. */
  private mapOrgUrl(target: string): ResolvedTarget | undefined {
    const [name = '', kind = '', ...refAndPath] = this.stripOrgUrl(target.replace(/[?#].*$/, ''))?.split('/') ?? [];
    const repo = this.repos.get(name.toLowerCase());
    if (!repo || (kind !== 'blob' && kind !== 'tree')) return undefined;
    const branch = encodePathForUrl(repo.defaultBranch).split('/');
    // Another ref may hold other content than the default branch we read, so it stays a URL.
    if (branch.some((part, index) => refAndPath[index] !== part)) return undefined;
    const resolved = resolveRelativeTarget('', safeDecode(refAndPath.slice(branch.length).join('/')));
    return resolved ? { path: `${repo.name}/${resolved.path}` } : undefined;
  }

  /** `<org web URL>/rest` → `rest`; the org web URL is html_url without the repository name. */
  private stripOrgUrl(target: string): string | undefined {
    const sample = this.repos.values().next().value;
    if (!sample) return undefined;
    const orgUrl = `${sample.htmlUrl.slice(0, sample.htmlUrl.length - sample.name.length)}`;
    return target.toLowerCase().startsWith(orgUrl.toLowerCase()) ? target.slice(orgUrl.length) : undefined;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
