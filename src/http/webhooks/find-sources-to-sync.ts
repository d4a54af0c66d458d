import type { GitSourceConfig, GithubSourceConfig, SourceConfig } from '../../config/load-config.ts';
import { repositoryKey } from './repository-key.ts';

/** The fields of a push or repository delivery that decide which sources it concerns. */
interface DeliveredRepository {
  name?: unknown;
  full_name?: unknown;
  default_branch?: unknown;
  archived?: unknown;
  owner?: { login?: unknown };
  [urlField: string]: unknown;
}

export interface GithubDelivery {
  event: string;
  payload: Record<string, unknown>;
}

/** `repository` actions that change what a github source lists. */
const listingActions = new Set(['created', 'deleted', 'archived', 'unarchived', 'renamed', 'transferred', 'publicized', 'privatized']);
const urlFields = ['clone_url', 'ssh_url', 'git_url', 'html_url', 'svn_url', 'url'];

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const same = (a: string | undefined, b: string | undefined): boolean => a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

const repositoryOf = (payload: Record<string, unknown>): DeliveredRepository | undefined => {
  const repository = payload.repository;
  return typeof repository === 'object' && repository !== null ? (repository as DeliveredRepository) : undefined;
};

/** A git source follows this repository: one of its URLs is the source's, or the source's path ends in its full name. */
const followsRepository = (source: GitSourceConfig, repository: DeliveredRepository): boolean => {
  const sourceKey = repositoryKey(source.url);
  if (sourceKey === undefined) return false;
  const keys = urlFields.flatMap((field) => {
    const url = text(repository[field]);
    return url ? [repositoryKey(url)] : [];
  });
  const fullName = text(repository.full_name)?.toLowerCase();
  return keys.includes(sourceKey) || (fullName !== undefined && sourceKey.endsWith(`/${fullName}`));
};

const isWantedByGithubSource = (source: GithubSourceConfig, repository: DeliveredRepository): boolean => {
  const name = text(repository.name);
  return repository.archived !== true && (source.repoFilter === undefined || (name !== undefined && new RegExp(source.repoFilter).test(name)));
};

/** A push to a branch: the git sources that follow that branch of that repository, the github sources of its org's default branches. */
const sourcesForPush = (payload: Record<string, unknown>, sources: readonly SourceConfig[]): string[] => {
  const repository = repositoryOf(payload);
  const ref = text(payload.ref);
  if (!repository || !ref?.startsWith('refs/heads/')) return [];
  const branch = ref.slice('refs/heads/'.length);
  const defaultBranch = text(repository.default_branch);
  const owner = text(repository.owner?.login);
  return sources
    .filter((source) => {
      if (source.type === 'git') return followsRepository(source, repository) && branch === (source.branch ?? defaultBranch);
      if (source.type === 'github') return same(source.org, owner) && branch === defaultBranch && isWantedByGithubSource(source, repository);
      return false;
    })
    .map((source) => source.id);
};

/** The organisations a repository event touches: its owner, and for a transfer the owner it left. */
const ownersOf = (payload: Record<string, unknown>, repository: DeliveredRepository): string[] => {
  const from = (payload.changes as { owner?: { from?: { organization?: { login?: unknown }; user?: { login?: unknown } } } } | undefined)?.owner?.from;
  return [repository.owner?.login, from?.organization?.login, from?.user?.login].flatMap((login) => (text(login) ? [text(login)!] : []));
};

/** A repository created, renamed, archived, moved...: the github sources whose listing it changes. */
const sourcesForRepositoryEvent = (payload: Record<string, unknown>, sources: readonly SourceConfig[]): string[] => {
  const repository = repositoryOf(payload);
  const action = text(payload.action);
  const changesDefaultBranch = action === 'edited' && typeof (payload.changes as { default_branch?: unknown } | undefined)?.default_branch === 'object';
  if (!repository || action === undefined || !(listingActions.has(action) || changesDefaultBranch)) return [];
  const owners = ownersOf(payload, repository);
  return sources.filter((source) => source.type === 'github' && owners.some((owner) => same(owner, source.org))).map((source) => source.id);
};

/** The configured sources a GitHub delivery asks to re-sync; none for events Callboard does not act on. */
export const findSourcesToSync = (delivery: GithubDelivery, sources: readonly SourceConfig[]): string[] => {
  if (delivery.event === 'push') return sourcesForPush(delivery.payload, sources);
  if (delivery.event === 'repository') return sourcesForRepositoryEvent(delivery.payload, sources);
  return [];
};
