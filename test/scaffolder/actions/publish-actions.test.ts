import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalogRuntime, type CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { loadConfig } from '../../../src/config/load-config.ts';
import { InvalidInputError, SourceUnavailableError } from '../../../src/core/errors.ts';
import { catalogRegisterAction } from '../../../src/scaffolder/actions/catalog-register.ts';
import { publishActions } from '../../../src/scaffolder/actions/publish-actions.ts';
import { publishGitAction } from '../../../src/scaffolder/actions/publish-git.ts';
import { publishGithubAction } from '../../../src/scaffolder/actions/publish-github.ts';
import { registrarForRuntime } from '../../../src/scaffolder/register/registrar-for-runtime.ts';
import { createRepoHost } from '../../../src/scaffolder/repo-hosts/create-repo-host.ts';
import { GithubRepoHost } from '../../../src/scaffolder/repo-hosts/github-repo-host.ts';
import type { RepoHost } from '../../../src/scaffolder/repo-host.ts';
import type { SourceRegistrar } from '../../../src/scaffolder/source-registrar.ts';
import { GithubApiServer } from '../../fakes/github-api-server.ts';
import { runTestGit } from '../../helpers/git-repo.ts';
import { createActionHarness, type ActionHarness } from './action-context.ts';

const CATALOG_INFO =
  'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: new-service\nspec:\n  type: service\n  lifecycle: experimental\n  owner: group:default/platform\n';

let harness: ActionHarness;
let runtime: CatalogRuntime;
let repoHost: RepoHost;
let registrar: SourceRegistrar;

beforeEach(async () => {
  harness = await createActionHarness();
  writeFileSync(join(harness.base, 'callboard.yaml'), 'database:\n  path: data/catalog.db\ncatalog:\n  sources: []\nscaffolder:\n  builtinTemplates: false\n');
  const config = loadConfig({ file: join(harness.base, 'callboard.yaml'), env: {} });
  runtime = openCatalogRuntime(config);
  repoHost = createRepoHost(config);
  registrar = registrarForRuntime(runtime, config);
  writeFileSync(join(harness.workspace, 'catalog-info.yaml'), CATALOG_INFO);
  mkdirSync(join(harness.workspace, 'docs'));
  writeFileSync(join(harness.workspace, 'docs/index.md'), '# New service\n');
});

afterEach(async () => {
  runtime.close();
  await harness.dispose();
});

describe('publish actions', () => {
  it('are publish:github, publish:git and catalog:register', () => {
    expect(publishActions().map((action) => action.id)).toEqual(['publish:github', 'publish:git', 'catalog:register']);
  });

  it('publish to the local Git host and register the new repository, whose entity answers at once', async () => {
    expect(repoHost.kind).toBe('local');
    await harness.run(
      publishGithubAction,
      { repoUrl: 'github.com?owner=acme&repo=new-service', description: 'New', protectDefaultBranch: true, requiredApprovingReviewCount: 2, topics: ['ts'] },
      { repoHost, registrar },
    );
    const bare = join(harness.base, 'data/repos/acme/new-service.git');
    expect(harness.outputs).toEqual({
      remoteUrl: bare,
      repoContentsUrl: `${pathToFileURL(bare).href}/blob/master`,
      commitHash: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    // Backstage's defaults: branch master, message "initial commit".
    expect(await runTestGit(bare, ['log', '--format=%H %an %s', 'master'])).toBe(`${harness.outputs.commitHash as string} Callboard initial commit`);
    expect(await runTestGit(bare, ['ls-tree', '-r', '--name-only', 'master'])).toBe('catalog-info.yaml\ndocs/index.md');
    expect(harness.logs).toContain('warn: not applied (Callboard does not set these on new repositories): protectDefaultBranch, requiredApprovingReviewCount');
    expect(harness.logs.some((line) => line.startsWith('warn: not applied on the local Git host: topics'))).toBe(true);

    const repoContentsUrl = harness.outputs.repoContentsUrl as string;
    await harness.run(
      catalogRegisterAction,
      { repoContentsUrl, catalogInfoPath: '/catalog-info.yaml' },
      { repoHost, registrar, user: { ref: 'user:default/ada' } },
    );
    expect(harness.outputs.entityRef).toBe('component:default/new-service');
    expect(harness.outputs.catalogInfoUrl).toBe(`${repoContentsUrl}/catalog-info.yaml`);
    expect(runtime.store.entity('component:default/new-service')?.spec?.owner).toBe('group:default/platform');
    expect(registrar.list()).toMatchObject([{ registeredBy: 'user:default/ada', type: 'git' }]);
  });

  it('refuses a sourcePath outside the workspace and a repoUrl without owner, before any repository is made', async () => {
    await expect(harness.run(publishGithubAction, { repoUrl: 'github.com?owner=acme&repo=x', sourcePath: '../' }, { repoHost })).rejects.toThrow(
      /input.sourcePath "..\/" is outside/,
    );
    await expect(harness.run(publishGithubAction, { repoUrl: 'github.com?owner=acme&repo=x', sourcePath: 'nope' }, { repoHost })).rejects.toThrow(
      /does not exist/,
    );
    await expect(harness.run(publishGithubAction, { repoUrl: 'github.com?repo=x' }, { repoHost })).rejects.toThrow(/must name both owner and repo/);
    await expect(harness.run(publishGithubAction, { repoUrl: 'github.com?owner=acme&repo=x', repoVisibility: 'secret' }, { repoHost })).rejects.toThrow(
      /input.repoVisibility/,
    );
    expect(existsSync(join(harness.base, 'data/repos/acme'))).toBe(false);
  });

  it('publish:github against the GitHub fake: outputs the clone URL, <html_url>/blob/<branch> and the pushed commit', async () => {
    const server = await GithubApiServer.start({ token: 'ghp_t', orgs: { acme: [] } });
    try {
      const github = new GithubRepoHost({ token: 'ghp_t', apiBaseUrl: server.apiBaseUrl, webHost: 'github.com' });
      await harness.run(
        publishGithubAction,
        {
          repoUrl: 'github.com?owner=acme&repo=new-service',
          defaultBranch: 'main',
          repoVisibility: 'internal',
          gitCommitMessage: 'Scaffolded',
          gitAuthorName: 'Ada',
          gitAuthorEmail: 'ada@example.com',
        },
        { repoHost: github },
      );
      const created = server.writes.find('acme', 'new-service')!;
      expect(created.visibility).toBe('internal');
      expect(harness.outputs).toMatchObject({ remoteUrl: created.bareDir, repoContentsUrl: 'https://github.com/acme/new-service/blob/main' });
      expect(await runTestGit(created.bareDir, ['log', '--format=%H %an <%ae> %s', 'main'])).toBe(
        `${harness.outputs.commitHash as string} Ada <ada@example.com> Scaffolded`,
      );
    } finally {
      await server.stop();
    }
  });

  it('against a GitHub Enterprise fake: create, push over HTTP with the token, register, and the entity answers', async () => {
    const token = 'ghp_enterprise_secret';
    const ghe = await GithubApiServer.start({ token, orgs: { acme: [] }, enterprise: true });
    const config = loadConfig({ file: join(harness.base, 'callboard.yaml'), env: { GITHUB_TOKEN: token, GITHUB_API_URL: ghe.apiBaseUrl } });
    const github = openCatalogRuntime(config);
    try {
      const host = createRepoHost(config);
      const gheHost = new URL(ghe.htmlBaseUrl).host;
      await harness.run(publishGithubAction, { repoUrl: `${gheHost}?owner=acme&repo=new-service` }, { repoHost: host });
      expect(harness.outputs).toMatchObject({
        remoteUrl: `${ghe.htmlBaseUrl}/acme/new-service.git`,
        repoContentsUrl: `${ghe.htmlBaseUrl}/acme/new-service/blob/master`,
      });
      const bare = ghe.writes.find('acme', 'new-service')!.bareDir;
      expect(await runTestGit(bare, ['rev-parse', 'master'])).toBe(harness.outputs.commitHash);
      // The token went as an http extraheader on every git request (the fake answers 401 without it), never in the URL.
      const gitRequests = ghe.requests.filter((entry) => entry.path.includes('.git/'));
      expect(gitRequests.map((entry) => entry.status)).toEqual([200, 200]);
      expect(harness.outputs.remoteUrl).not.toContain(token);

      const gheRegistrar = registrarForRuntime(github, config);
      await harness.run(catalogRegisterAction, { repoContentsUrl: harness.outputs.repoContentsUrl }, { registrar: gheRegistrar });
      expect(harness.outputs.entityRef).toBe('component:default/new-service');
      expect(github.store.entity('component:default/new-service')).toBeDefined();
      expect(JSON.stringify(gheRegistrar.list())).not.toContain(token);
    } finally {
      github.close();
      await ghe.stop();
    }
  });

  it('a failed push says the repository was created and must be deleted before Retry, keeping the error class', async () => {
    const failing: RepoHost = {
      kind: 'github',
      exists: () => Promise.resolve(false),
      create: () =>
        Promise.resolve({
          remoteUrl: 'https://github.com/acme/x.git',
          htmlUrl: 'https://github.com/acme/x',
          repoContentsUrl: 'https://github.com/acme/x/blob/master',
        }),
      push: () => Promise.reject(new SourceUnavailableError('git could not push branch "master": remote hung up')),
    };
    const error = await harness.run(publishGithubAction, { repoUrl: 'github.com?owner=acme&repo=x' }, { repoHost: failing }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect((error as Error).message).toBe(
      'git could not push branch "master": remote hung up. The repository https://github.com/acme/x was created but is empty: delete it before Retry',
    );
    expect(harness.outputs).toEqual({ remoteUrl: 'https://github.com/acme/x.git', repoContentsUrl: 'https://github.com/acme/x/blob/master' });
  });

  it('publish:git pushes to an existing empty repository; a server path is refused unless on the local Git host', async () => {
    const bare = join(harness.base, 'elsewhere.git');
    execFileSync('git', ['init', '--quiet', '--bare', bare]);
    await harness.run(publishGitAction, { remoteUrl: bare, branch: 'main', gitCommitMessage: 'first' }, { repoHost });
    expect(await runTestGit(bare, ['log', '--format=%H %s', 'main'])).toBe(`${harness.outputs.commitHash as string} first`);
    const github = { kind: 'github' } as RepoHost;
    await expect(harness.run(publishGitAction, { remoteUrl: bare }, { repoHost: github })).rejects.toThrow(/is a path on the Callboard server/);
  });

  it('catalog:register needs a URL, and with optional a failure is a warning', async () => {
    await expect(harness.run(catalogRegisterAction, {}, { registrar })).rejects.toThrow(/catalogInfoUrl: give catalogInfoUrl, or repoContentsUrl/);
    await expect(harness.run(catalogRegisterAction, { catalogInfoUrl: 'relative/catalog-info.yaml' }, { registrar, repoHost })).rejects.toThrow(
      InvalidInputError,
    );
    await harness.run(catalogRegisterAction, { catalogInfoUrl: 'relative/catalog-info.yaml', optional: true }, { registrar, repoHost });
    expect(harness.outputs).toEqual({ catalogInfoUrl: 'relative/catalog-info.yaml' });
    expect(harness.logs.at(-1)).toMatch(/^warn: not registered \(optional\): Cannot register/);
  });

  it('catalog:register refuses a path on the server unless on the local Git host, before the registrar sees it', async () => {
    const github = { kind: 'github' } as RepoHost;
    const refusing = { register: () => Promise.reject(new Error('the registrar must not be reached')) } as unknown as SourceRegistrar;
    for (const catalogInfoUrl of ['/', '/etc/passwd', 'file:///srv/data/repos/acme/x.git/blob/main/catalog-info.yaml'])
      await expect(harness.run(catalogRegisterAction, { catalogInfoUrl }, { registrar: refusing, repoHost: github })).rejects.toThrow(
        /catalogInfoUrl ".*" is a path on the Callboard server/,
      );
  });
});
