import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, InvalidInputError, SourceUnavailableError } from '../../../src/core/errors.ts';
import { createRepoHost } from '../../../src/scaffolder/repo-hosts/create-repo-host.ts';
import { GithubRepoHost } from '../../../src/scaffolder/repo-hosts/github-repo-host.ts';
import type { CreateRepoRequest } from '../../../src/scaffolder/repo-host.ts';
import { GithubApiServer } from '../../fakes/github-api-server.ts';
import { GitHttpRemote } from '../../helpers/git-http-remote.ts';
import { runTestGit } from '../../helpers/git-repo.ts';

const token = 'ghp_publish_secret';
let server: GithubApiServer;
let workspace: string;

const hostWith = (options: { token?: string } = {}): GithubRepoHost =>
  new GithubRepoHost({ token: options.token ?? token, apiBaseUrl: server.apiBaseUrl, webHost: 'github.com', maxRetryAfterSeconds: 5 });

const request = (owner: string, repo: string, extra: Partial<CreateRepoRequest> = {}): CreateRepoRequest => ({
  host: 'github.com',
  owner,
  repo,
  visibility: 'private',
  defaultBranch: 'main',
  topics: [],
  collaborators: [],
  ...extra,
});

/** The write requests the fake received: what must not happen before a refusal. */
const writes = () => server.requests.filter((entry) => entry.method !== 'GET');

beforeEach(async () => {
  server = await GithubApiServer.start({ token, orgs: { acme: [{ name: 'taken' }] }, login: 'octocat', users: ['alice'], teams: { acme: ['platform'] } });
  workspace = mkdtempSync(join(tmpdir(), 'callboard-gh-workspace-'));
  writeFileSync(join(workspace, 'catalog-info.yaml'), 'kind: Component\n');
});

afterEach(async () => {
  await server.stop();
  rmSync(workspace, { recursive: true, force: true });
});

describe('GithubRepoHost against the GitHub fake', () => {
  it('creates an organisation repository with topics and collaborators, then pushes the first commit with git', async () => {
    const host = hostWith();
    const created = await host.create(
      request('acme', 'new-service', {
        description: 'Payments',
        homepage: 'https://pay.example.com',
        topics: ['typescript', 'service'],
        collaborators: [
          { user: 'alice', access: 'push' },
          { team: 'platform', access: 'admin' },
        ],
      }),
    );
    const repo = server.writes.find('acme', 'new-service')!;
    expect(created).toEqual({
      remoteUrl: repo.bareDir,
      htmlUrl: 'https://github.com/acme/new-service',
      repoContentsUrl: 'https://github.com/acme/new-service/blob/main',
    });
    expect(repo).toMatchObject({
      ownerType: 'Organization',
      visibility: 'private',
      description: 'Payments',
      homepage: 'https://pay.example.com',
      topics: ['typescript', 'service'],
    });
    expect(Object.fromEntries(repo.collaborators)).toEqual({ alice: 'push' });
    expect(Object.fromEntries(repo.teams)).toEqual({ platform: 'admin' });
    expect(server.requests.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
      'GET /repos/acme/new-service 404',
      'GET /users/acme 200',
      'POST /orgs/acme/repos 201',
      'PUT /repos/acme/new-service/topics 200',
      'PUT /repos/acme/new-service/collaborators/alice 201',
      'PUT /orgs/acme/teams/platform/repos/acme/new-service 204',
    ]);
    expect(server.requests[2]!.body).toMatchObject({ name: 'new-service', private: true, visibility: 'private' });

    const { commitHash } = await host.push({
      sourceDir: workspace,
      remoteUrl: created.remoteUrl,
      defaultBranch: 'main',
      commitMessage: 'initial commit',
      author: { name: 'Scaffolder', email: 'scaffolder@example.com' },
    });
    expect(await runTestGit(repo.bareDir, ['log', '--format=%H %an %s', 'main'])).toBe(`${commitHash} Scaffolder initial commit`);
  });

  it("creates the token user's own repository through /user/repos, and refuses another user's", async () => {
    const host = hostWith();
    await host.create(request('octocat', 'dotfiles', { visibility: 'public' }));
    expect(server.writes.find('octocat', 'dotfiles')).toMatchObject({ ownerType: 'User', visibility: 'public' });
    expect(writes().map((entry) => entry.path)).toEqual(['/user/repos']);
    await expect(host.create(request('alice', 'hers'))).rejects.toThrow(/user other than the token's \(octocat\)/);
    await expect(host.create(request('octocat', 'inside', { visibility: 'internal' }))).rejects.toThrow(/only for organisation/);
    expect(writes()).toHaveLength(1);
  });

  it('refuses a repository that exists before anything is created', async () => {
    const host = hostWith();
    await expect(host.create(request('acme', 'taken'))).rejects.toThrow(ConflictError);
    await host.create(request('acme', 'fresh'));
    await expect(host.create(request('acme', 'fresh'))).rejects.toThrow(/github.com\/acme\/fresh already exists/);
    expect(writes().map((entry) => entry.path)).toEqual(['/orgs/acme/repos']);
    expect(readdirSync(join(server.writes.find('acme', 'fresh')!.bareDir, '..'))).toEqual(['fresh.git']);
  });

  it("turns GitHub's 422 'name already exists on this account' (two runs racing for one name) into a conflict", async () => {
    const host = hostWith();
    const results = await Promise.allSettled([host.create(request('acme', 'raced')), host.create(request('acme', 'raced'))]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((result) => result.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(ConflictError);
    expect(server.requests.filter((entry) => entry.method === 'POST').map((entry) => entry.status)).toEqual([201, 422]);
  });

  it('the fake answers a create without a name as GitHub does', async () => {
    const response = await fetch(`${server.apiBaseUrl}/orgs/acme/repos`, { method: 'POST', headers: { authorization: `token ${token}` }, body: '{}' });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ message: expect.stringContaining('"name" wasn\'t supplied') });
  });

  it('says the token was rejected (401 Bad credentials) and creates nothing', async () => {
    const error = await hostWith({ token: 'ghp_wrong' })
      .create(request('acme', 'new-service'))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect((error as Error).message).toMatch(/GitHub rejected GITHUB_TOKEN \(401 Bad credentials\)/);
    expect(writes()).toEqual([]);
  });

  it('gives up on an exhausted rate limit with the reset time, and waits out a short secondary limit', async () => {
    const reset = new Date(Date.now() + 3600_000);
    server.rate.set(0, reset);
    const error = await hostWith()
      .create(request('acme', 'new-service'))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect((error as Error).message).toContain(
      `rate limit exceeded while trying to look up acme/new-service; it resets at ${new Date(Math.floor(reset.getTime() / 1000) * 1000).toISOString()}`,
    );
    expect(writes()).toEqual([]);

    server.rate.set(5000, reset);
    server.rate.refuseNext(1, { status: 429, retryAfterSeconds: 1 });
    await hostWith().create(request('acme', 'after-wait'));
    expect(server.writes.find('acme', 'after-wait')).toBeDefined();
  }, 20_000);

  it('refuses a repoUrl host other than the GitHub it talks to, and invalid topics as GitHub does', async () => {
    await expect(hostWith().create({ ...request('acme', 'x'), host: 'gitlab.com' })).rejects.toThrow(InvalidInputError);
    await expect(hostWith().create(request('acme', 'bad-topics', { topics: ['Not Valid'] }))).rejects.toThrow(/GitHub refused to set the topics/);
  });

  it('never sends the token to a remote that is not GitHub, nor prints it', async () => {
    const remote = await GitHttpRemote.start('unauthorized');
    try {
      const error = await hostWith()
        .push({
          sourceDir: workspace,
          remoteUrl: `${remote.origin}/acme/x.git`,
          defaultBranch: 'main',
          commitMessage: 'm',
          author: { name: 'a', email: 'a@b' },
        })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SourceUnavailableError);
      expect(remote.requests.length).toBeGreaterThan(0);
      expect(remote.requests.every((headers) => headers.authorization === undefined)).toBe(true);
      expect(String((error as Error).message)).not.toContain(token);
      expect(existsSync(join(workspace, '.git'))).toBe(false);
    } finally {
      await remote.stop();
    }
  });

  it('with GITHUB_TOKEN and GITHUB_API_URL, createRepoHost publishes to GitHub Enterprise, whose host repoUrl names', async () => {
    const ghe = await GithubApiServer.start({ token, orgs: { acme: [] }, enterprise: true });
    try {
      const host = createRepoHost({ github: { token, apiUrl: ghe.apiBaseUrl }, scaffolder: { localGitHost: '/nonexistent' } } as Parameters<
        typeof createRepoHost
      >[0]);
      expect(host.kind).toBe('github');
      const gheHost = new URL(ghe.htmlBaseUrl).host;
      const created = await host.create({ ...request('acme', 'internal-tool'), host: gheHost });
      expect(created.repoContentsUrl).toBe(`${ghe.htmlBaseUrl}/acme/internal-tool/blob/main`);
      expect(ghe.requests.map((entry) => entry.path)).toContain('/orgs/acme/repos');
      // Git over HTTP on the fake wants the token, as GitHub does.
      const refs = await fetch(`${ghe.htmlBaseUrl}/acme/internal-tool.git/info/refs?service=git-upload-pack`);
      expect(refs.status).toBe(401);
      await expect(host.create(request('acme', 'other'))).rejects.toThrow(`repoUrl names host "github.com", but Callboard publishes to ${gheHost}`);
    } finally {
      await ghe.stop();
    }
    expect(createRepoHost({ github: {}, scaffolder: { localGitHost: '/tmp/x' } } as Parameters<typeof createRepoHost>[0]).kind).toBe('local');
  });
});
