/**
 * The four filters Backstage's scaffolder adds to the template language (plugin-scaffolder-backend
 * lib/templating/filters): parseRepoUrl, parseEntityRef, pick and projectSlug, with the same inputs,
 * outputs and failures. They are handed to nunjitsu, which copies their inputs and results, so they
 * only ever see and return plain data.
 */
import { parseEntityRef as parseRef, type EntityRefInput } from '../catalog/refs.ts';
import { readRepoUrl, type RepoUrlQuery } from './repo-url.ts';

/** The SCM integration types Backstage's parseRepoUrl distinguishes, each with its required query parameters. */
export type RepoHostType = 'github' | 'gitlab' | 'bitbucketCloud' | 'bitbucketServer' | 'azure' | 'gitea' | 'gerrit';

/** Host → integration type. Backstage's defaults when no integration is configured; add GitHub Enterprise hosts to these. */
export const DEFAULT_REPO_HOSTS: Readonly<Record<string, RepoHostType>> = {
  'github.com': 'github',
  'gitlab.com': 'gitlab',
  'bitbucket.org': 'bitbucketCloud',
  'dev.azure.com': 'azure',
};

export interface RepoSpec {
  host: string;
  repo: string;
  owner?: string;
  organization?: string;
  workspace?: string;
  project?: string;
}

// Backstage's key order.
const REPO_PARAMS = ['owner', 'repo', 'organization', 'workspace', 'project'] as const;

const REQUIRED_PARAMS: Record<RepoHostType, readonly string[]> = {
  github: ['repo', 'owner'],
  gitlab: ['owner', 'repo'],
  bitbucketCloud: ['workspace', 'project', 'repo'],
  bitbucketServer: ['project', 'repo'],
  azure: ['project', 'repo'],
  gitea: ['repo'],
  gerrit: ['repo'],
};

const trimSlashes = (text: string): string => text.replace(/^\/+|\/+$/g, '');

/**
 * `github.com?owner=o&repo=r` (what RepoUrlPicker produces) → `{ host, owner, repo, … }`. Like Backstage, the host
 * must be a known integration, and each host type requires its own parameters (GitLab accepts `project` instead of owner).
 * Absent parameters are left out rather than set to undefined (the same once serialised).
 */
export function parseRepoUrl(repoUrl: unknown, hosts: Readonly<Record<string, RepoHostType>> = DEFAULT_REPO_HOSTS): RepoSpec {
  let parsed: RepoUrlQuery;
  try {
    parsed = readRepoUrl(String(repoUrl));
  } catch (error) {
    throw new Error(`Invalid repo URL passed to publisher, got ${String(repoUrl)}, ${String(error)}`);
  }
  const { host, params } = parsed;
  const type = Object.hasOwn(hosts, host) ? hosts[host] : undefined;
  if (!type) {
    throw new Error(
      `No matching integration configuration for host ${host}, please check your integrations config (known hosts: ${Object.keys(hosts).join(', ')})`,
    );
  }
  const required = type === 'gitlab' && params.get('project') ? [] : REQUIRED_PARAMS[type];
  for (const name of required) {
    if (!params.get(name)) throw new Error(`Invalid repo URL passed to publisher: ${parsed.href}, missing ${name}`);
  }
  const spec: Record<string, string> = { host };
  for (const name of REPO_PARAMS) {
    const value = params.get(name);
    if (value !== null) spec[name] = trimSlashes(value);
  }
  // Only a GitLab URL with a project may lack repo; Backstage returns it undefined then, as here.
  return spec as unknown as RepoSpec;
}

/** `owner/repo` of a repo URL, as Backstage's projectSlug (which does not check that owner is there). */
export function projectSlug(repoUrl: unknown, hosts: Readonly<Record<string, RepoHostType>> = DEFAULT_REPO_HOSTS): string {
  const { owner, repo } = parseRepoUrl(repoUrl, hosts);
  return `${String(owner)}/${String(repo)}`;
}

/** The options object of `parseEntityRef({ defaultKind, defaultNamespace })`. */
export interface ParseEntityRefOptions {
  defaultKind?: string;
  defaultNamespace?: string;
}

const readOptions = (options: unknown): ParseEntityRefOptions => {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options))
    throw new Error('parseEntityRef takes an options object such as { defaultKind: "group", defaultNamespace: "default" }');
  const { defaultKind, defaultNamespace } = options as Record<string, unknown>;
  // Backstage treats an empty default namespace as absent.
  return {
    ...(typeof defaultKind === 'string' && defaultKind !== '' ? { defaultKind } : {}),
    ...(typeof defaultNamespace === 'string' && defaultNamespace !== '' ? { defaultNamespace } : {}),
  };
};

/** A ref string or `{ kind?, namespace?, name }` → `{ kind, namespace, name }`, case kept, namespace defaulted. */
export function parseEntityRefFilter(ref: unknown, options?: unknown): { kind: string; namespace: string; name: string } {
  if (!ref) throw new Error('Entity reference must not be empty');
  if (typeof ref !== 'string' && typeof ref !== 'object') throw new Error(`Entity reference must be a string or an object, got ${typeof ref}`);
  const { kind, namespace, name } = parseRef(ref as string | EntityRefInput, readOptions(options));
  return { kind, namespace, name };
}

// lodash's path syntax: `a.b`, `a[0]`, `a["b.c"]`, `a['b']`.
const PATH_SEGMENT = /[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]/g;

const toPath = (path: unknown): string[] => {
  if (Array.isArray(path)) return path.map(String);
  if (typeof path === 'number') return [String(path)];
  if (typeof path !== 'string') return [];
  const segments: string[] = [];
  if (path.startsWith('.')) segments.push('');
  for (const match of path.matchAll(PATH_SEGMENT)) segments.push(match[3] ?? match[1] ?? match[0]);
  return segments;
};

/**
 * Backstage's `pick` is lodash `get(object, path, default)`; this reads own properties only, so a path can never
 * reach a prototype (`constructor`, `__proto__`) whatever the template writes.
 */
export function pick(object: unknown, path: unknown, defaultValue?: unknown): unknown {
  let current: unknown = object;
  for (const segment of toPath(path)) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return defaultValue;
    current = (current as Record<string, unknown>)[segment];
  }
  return current === undefined ? defaultValue : current;
}
