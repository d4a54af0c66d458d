import { readRepoUrl, type RepoUrlQuery } from '../repo-url.ts';

/**
 * The RepoUrlPicker's value as Backstage writes it: `host?owner=o&repo=r` (URLSearchParams, so encoded), and
 * read back with the one reader (../repo-url.ts). Other query keys Backstage knows (organization, workspace,
 * project) are kept when read.
 */

export interface RepoUrlParts {
  host: string;
  owner?: string;
  repo?: string;
  /** Any other query key (`organization`, `workspace`, `project`). */
  extra: Record<string, string>;
}

export const formatRepoUrl = (parts: { host: string; owner?: string; repo?: string }): string => {
  const params = new URLSearchParams();
  if (parts.owner) params.set('owner', parts.owner);
  if (parts.repo) params.set('repo', parts.repo);
  return `${parts.host}?${params.toString()}`;
};

/** Undefined when the text cannot be read as a host (and a query), as Backstage's picker reads it. */
export const parseRepoUrl = (value: string): RepoUrlParts | undefined => {
  let query: RepoUrlQuery;
  try {
    query = readRepoUrl(value.trim());
  } catch {
    return undefined;
  }
  const { host, params } = query;
  if (host.length === 0) return undefined;
  const extra: Record<string, string> = {};
  for (const [key, entry] of params) if (key !== 'owner' && key !== 'repo') extra[key] = entry;
  const owner = params.get('owner') ?? undefined;
  const repo = params.get('repo') ?? undefined;
  return { host, ...(owner ? { owner } : {}), ...(repo ? { repo } : {}), extra };
};
