/**
 * The RepoUrlPicker's value as Backstage writes it: `host?owner=o&repo=r` (URLSearchParams, so encoded), and
 * read back the same way. Other query keys Backstage knows (organization, workspace, project) are kept when read.
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

/** Undefined when the text has no host. */
export const parseRepoUrl = (value: string): RepoUrlParts | undefined => {
  const question = value.indexOf('?');
  const host = (question < 0 ? value : value.slice(0, question)).trim();
  if (host.length === 0) return undefined;
  const params = new URLSearchParams(question < 0 ? '' : value.slice(question + 1));
  const extra: Record<string, string> = {};
  for (const [key, entry] of params) if (key !== 'owner' && key !== 'repo') extra[key] = entry;
  const owner = params.get('owner') ?? undefined;
  const repo = params.get('repo') ?? undefined;
  return { host, ...(owner ? { owner } : {}), ...(repo ? { repo } : {}), extra };
};
