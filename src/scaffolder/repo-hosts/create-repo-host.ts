import type { Config } from '../../config/load-config.ts';
import type { RepoHost } from '../repo-host.ts';
import { GithubRepoHost } from './github-repo-host.ts';
import { LocalGitHost } from './local-git-host.ts';

/**
 * Where `publish:github` publishes: GitHub (or GitHub Enterprise with GITHUB_API_URL) when GITHUB_TOKEN is set,
 * else the local Git host under config.scaffolder.localGitHost, so templates run end to end with no accounts.
 */
export const createRepoHost = (config: Pick<Config, 'github' | 'scaffolder'>): RepoHost =>
  config.github.token
    ? new GithubRepoHost({ token: config.github.token, ...(config.github.apiUrl ? { apiBaseUrl: config.github.apiUrl } : {}) })
    : new LocalGitHost(config.scaffolder.localGitHost);
