import { ConflictError, InvalidInputError } from '../../core/errors.ts';
import { createGithubClient, type GithubClient } from '../../sources/github/create-github-client.ts';
import { findHttpsOrigin } from '../../sources/git/git-remote-url.ts';
import type { CreatedRepo, CreateRepoRequest, PushRequest, RepoCoordinates, RepoHost } from '../repo-host.ts';
import { describeGithubApiFailure, isRequestFailure } from './describe-github-api-failure.ts';
import { githubWebHost } from './github-web-host.ts';
import { pushFirstCommit } from './push-first-commit.ts';

export interface GithubRepoHostOptions {
  token: string;
  /** GITHUB_API_URL for GitHub Enterprise (`https://ghe.example.com/api/v3`); default https://api.github.com. */
  apiBaseUrl?: string;
  /** The host a `repoUrl` must name (`github.com`, or the Enterprise host); default from apiBaseUrl. */
  webHost?: string;
  /** Retry a rate-limited request only when GitHub asks to wait at most this long (default 60 s). */
  maxRetryAfterSeconds?: number;
  maxRetries?: number;
  /** Limit for each git command of the push; default 120 s. */
  gitTimeoutMs?: number;
}

const DEFAULT_API = 'https://api.github.com';

/**
 * Creates repositories through GitHub's REST API (Octokit with throttling and retry) and pushes the first
 * commit with the real git binary, the token sent as an http extraheader to GitHub's own origins only.
 */
export class GithubRepoHost implements RepoHost {
  readonly kind = 'github';
  private readonly client: GithubClient;
  private readonly apiBaseUrl: string;
  private readonly webHost: string;
  /** Origins the token may be sent to on a push: GitHub's web origin and those of clone URLs it returned. */
  private readonly tokenOrigins = new Set<string>();

  constructor(private readonly options: GithubRepoHostOptions) {
    this.apiBaseUrl = (options.apiBaseUrl ?? DEFAULT_API).replace(/\/+$/, '');
    this.webHost = (options.webHost ?? githubWebHost(this.apiBaseUrl)).toLowerCase();
    this.tokenOrigins.add(`https://${this.webHost}`);
    this.client = createGithubClient({
      baseUrl: this.apiBaseUrl,
      token: options.token,
      maxRetryAfterSeconds: options.maxRetryAfterSeconds ?? 60,
      maxRetries: options.maxRetries ?? 2,
    });
  }

  async exists(repo: RepoCoordinates): Promise<boolean> {
    this.checkHost(repo);
    try {
      await this.client.rest.repos.get({ owner: repo.owner, repo: repo.repo });
      return true;
    } catch (error) {
      if (isRequestFailure(error) && error.status === 404) return false;
      throw describeGithubApiFailure(error, `look up ${repo.owner}/${repo.repo}`, this.apiBaseUrl);
    }
  }

  /** Checks first that the name is free, so an existing repository is refused before anything is created. */
  async create(request: CreateRepoRequest): Promise<CreatedRepo> {
    const { owner, repo } = request;
    if (await this.exists(request)) throw new ConflictError(`${this.webHost}/${owner}/${repo} already exists; choose another repository name`);
    const created = await this.call(`create ${owner}/${repo}`, async () => {
      const fields = { name: repo, private: request.visibility !== 'public', description: request.description, homepage: request.homepage };
      if (await this.isOrganization(owner)) {
        // Octokit's types predate `internal` (Enterprise organisations), which the API accepts.
        const visibility = request.visibility as 'private' | 'public';
        return (await this.client.rest.repos.createInOrg({ org: owner, ...fields, visibility })).data;
      }
      await this.checkIsTokenUser(owner, request.visibility);
      return (await this.client.rest.repos.createForAuthenticatedUser(fields)).data;
    });
    const cloneOrigin = findHttpsOrigin(created.clone_url);
    if (cloneOrigin) this.tokenOrigins.add(cloneOrigin);
    if (request.topics.length > 0) {
      await this.call(`set the topics of ${owner}/${repo}`, () => this.client.rest.repos.replaceAllTopics({ owner, repo, names: request.topics }));
    }
    for (const collaborator of request.collaborators) await this.addCollaborator(request, collaborator);
    return { remoteUrl: created.clone_url, htmlUrl: created.html_url, repoContentsUrl: `${created.html_url}/blob/${request.defaultBranch}` };
  }

  push(request: PushRequest): Promise<{ commitHash: string }> {
    const origin = findHttpsOrigin(request.remoteUrl);
    const auth = origin && this.tokenOrigins.has(origin) ? { origin, token: this.options.token } : undefined;
    return pushFirstCommit(request, { ...(auth ? { auth } : {}), ...(this.options.gitTimeoutMs ? { timeoutMs: this.options.gitTimeoutMs } : {}) });
  }

  private checkHost(repo: RepoCoordinates): void {
    if (repo.host.toLowerCase() === this.webHost) return;
    throw new InvalidInputError(
      `repoUrl names host "${repo.host}", but Callboard publishes to ${this.webHost} (GITHUB_API_URL ${this.apiBaseUrl}); use ${this.webHost}?owner=…&repo=…`,
    );
  }

  /** Backstage's rule: an Organization account gets an org repository, any other owner must be the token's user. */
  private async isOrganization(owner: string): Promise<boolean> {
    const { data } = await this.client.rest.users.getByUsername({ username: owner });
    return data.type === 'Organization';
  }

  private async checkIsTokenUser(owner: string, visibility: CreateRepoRequest['visibility']): Promise<void> {
    const { data } = await this.client.rest.users.getAuthenticated();
    if (data.login.toLowerCase() !== owner.toLowerCase()) {
      throw new InvalidInputError(
        `repoUrl owner "${owner}" is a user other than the token's (${data.login}); GitHub lets a token create repositories only for its own user or in organisations`,
      );
    }
    if (visibility === 'internal') throw new InvalidInputError('repoVisibility "internal" exists only for organisation repositories; use private or public');
  }

  private async addCollaborator(request: CreateRepoRequest, collaborator: CreateRepoRequest['collaborators'][number]): Promise<void> {
    const { owner, repo } = request;
    const permission = collaborator.access;
    if (collaborator.team) {
      const team = collaborator.team;
      await this.call(`give team ${team} ${permission} access to ${owner}/${repo}`, () =>
        this.client.rest.teams.addOrUpdateRepoPermissionsInOrg({ org: owner, team_slug: team, owner, repo, permission }),
      );
    } else if (collaborator.user) {
      const username = collaborator.user;
      await this.call(`give ${username} ${permission} access to ${owner}/${repo}`, () =>
        this.client.rest.repos.addCollaborator({ owner, repo, username, permission }),
      );
    }
  }

  private async call<T>(doing: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof InvalidInputError || error instanceof ConflictError) throw error;
      throw describeGithubApiFailure(error, doing, this.apiBaseUrl);
    }
  }
}
