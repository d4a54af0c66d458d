import { DEFAULT_REPO_HOSTS, type RepoHostType } from '../../core/scaffolder/filters.ts';

/**
 * The web host repository URLs name for a GitHub API base URL: github.com for api.github.com, `<name>.ghe.com` for
 * GitHub Enterprise Cloud's `api.<name>.ghe.com`, and the server's own host for GitHub Enterprise Server (`/api/v3`).
 */
export const githubWebHost = (apiBaseUrl: string): string => {
  const host = new URL(apiBaseUrl).host.toLowerCase();
  if (host === 'api.github.com') return 'github.com';
  return host.startsWith('api.') && host.endsWith('.ghe.com') ? host.slice('api.'.length) : host;
};

/** Hosts `parseRepoUrl` and `projectSlug` accept: Backstage's defaults, plus the Enterprise host when GITHUB_API_URL is set. */
export const templateRepoHosts = (apiUrl: string | undefined): Readonly<Record<string, RepoHostType>> =>
  apiUrl === undefined ? DEFAULT_REPO_HOSTS : { ...DEFAULT_REPO_HOSTS, [githubWebHost(apiUrl)]: 'github' };
