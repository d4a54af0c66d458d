import type { CatalogSource, PreviousSourceState, SourceReadout } from '../core/ports.ts';
import { comparePaths, computeSourceVersion } from './compute-source-version.ts';
import { readGithubSourceOptions, type GithubSourceOptions, type GithubSourceSettings } from './github-source-config.ts';
import { createGithubClient, type GithubClient } from './github/create-github-client.ts';
import { describeGithubFailure } from './github/describe-github-failure.ts';
import { findCatalogFiles } from './github/find-catalog-files.ts';
import { GithubReadout } from './github/github-readout.ts';
import { parseGithubSourceState, type GithubRepoSummary } from './github/github-source-state.ts';
import { listOrgRepos } from './github/list-org-repos.ts';

export type { GithubSourceOptions } from './github-source-config.ts';

/**
 * The catalog files of every repository of a GitHub organisation (one file per repository, at a fixed path),
 * read through the REST API with conditional requests so that an unchanged organisation costs only 304s.
 */
export class GithubSource implements CatalogSource {
  readonly id: string;
  readonly type = 'github';
  private readonly options: GithubSourceSettings;
  private readonly client: GithubClient;

  constructor(options: GithubSourceOptions) {
    this.options = readGithubSourceOptions(options);
    this.id = this.options.id;
    this.client = createGithubClient({
      baseUrl: this.options.apiBaseUrl,
      token: this.options.token,
      maxRetryAfterSeconds: this.options.maxRetryAfterSeconds,
      maxRetries: this.options.maxRetries,
    });
  }

  async open(previous: PreviousSourceState): Promise<SourceReadout> {
    try {
      return await this.scan(previous);
    } catch (error) {
      throw describeGithubFailure(error, { ...this.options });
    }
  }

  private async scan(previous: PreviousSourceState): Promise<GithubReadout> {
    const { org, catalogPath, timeoutMs, concurrency } = this.options;
    const etags = parseGithubSourceState(previous.state).etags;
    const listing = await listOrgRepos(this.client, { org, previous: etags, timeoutMs });
    const repos = listing.repos.filter((repo) => this.isWanted(repo));
    const found = await findCatalogFiles(this.client, { org, repos, catalogPath, previous: etags, timeoutMs, concurrency });
    const files = [...found.files].sort((a, b) => comparePaths(a.path, b.path));
    return new GithubReadout({
      org,
      orgWebUrl: findOrgWebUrl(listing.repos[0], this.options),
      version: computeSourceVersion(files),
      state: { etags: { ...listing.entries, ...found.entries } },
      files,
      contents: found.contents,
      repos,
      client: this.client,
      timeoutMs,
    });
  }

  private isWanted(repo: GithubRepoSummary): boolean {
    return !repo.archived && (this.options.repoFilter?.test(repo.name) ?? true);
  }
}

/** The organisation's web page: from a repository's html_url, else guessed from the API base. */
function findOrgWebUrl(sample: GithubRepoSummary | undefined, settings: GithubSourceSettings): string {
  if (sample) return sample.htmlUrl.slice(0, sample.htmlUrl.length - sample.name.length - 1);
  const api = settings.apiBaseUrl === 'https://api.github.com' ? 'https://github.com' : settings.apiBaseUrl.replace(/\/api\/v3$/, '');
  return `${api}/${settings.org}`;
}
