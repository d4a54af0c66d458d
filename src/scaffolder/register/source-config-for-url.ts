import { fileURLToPath } from 'node:url';
import type { SourceConfig } from '../../config/load-config.ts';
import { InvalidInputError } from '../../core/errors.ts';

/** What is at a local path, as the registrar finds it on disk. */
export type LocalPathKind = 'git' | 'dir' | 'file' | 'missing';

/** Backstage registers a repository by its root `catalog-info.yaml`; so does Callboard (not every nested one). */
const ROOT_CATALOG_FILE = ['catalog-info.yaml'];

const supportedForms =
  'give a Git URL (https://…, ssh://…, git@host:owner/repo.git), a repository URL (https://github.com/<owner>/<repo>), ' +
  'a catalog file URL (…/blob/<branch>/catalog-info.yaml) or an absolute local path';

const refuse = (url: string, why: string): InvalidInputError => new InvalidInputError(`Cannot register "${url}": ${why}; ${supportedForms}.`);

/** A file in a repository, named by a `…/blob/<branch>/<path>` or `…/tree/<branch>/<folder>` URL. */
interface RepoLocation {
  repoUrl: string;
  /** What the id shows for the repository: no scheme, no `.git`. */
  display: string;
  branch?: string;
  file?: string;
  folder?: string;
}

/** Splits `<repo>/blob/<branch>/<path>` (GitHub, Gitea) or `<repo>/-/blob/…` (GitLab); `tree` names a folder. */
const splitRepoPath = (path: string): { repo: string; kind?: 'blob' | 'tree'; branch?: string; rest?: string } => {
  const match = /^(.+?)(?:\/-)?\/(blob|tree)\/([^/]+)(?:\/(.*))?$/.exec(path);
  if (!match) return { repo: path };
  return { repo: match[1]!, kind: match[2] as 'blob' | 'tree', branch: match[3]!, ...(match[4] ? { rest: match[4].replace(/\/+$/, '') } : {}) };
};

const toLocation = (repoUrl: string, display: string, path: string): RepoLocation => {
  const { repo, kind, branch, rest } = splitRepoPath(path);
  const base: RepoLocation = { repoUrl: repoUrl + repo, display: display + repo };
  // `HEAD` in a web URL means the default branch, which is what a source without `branch` follows.
  const branchPart = branch && branch !== 'HEAD' ? { branch: decodeURIComponent(branch) } : {};
  if (kind === 'blob' && rest) return { ...base, ...branchPart, file: decodeURIComponent(rest) };
  if (kind === 'tree') return { ...base, ...branchPart, ...(rest ? { folder: decodeURIComponent(rest) } : {}) };
  return base;
};

const parseWebUrl = (url: string): RepoLocation => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse(url, 'it is not a valid URL');
  }
  if (parsed.username || parsed.password) throw refuse(url, 'it holds credentials, which would be stored in the database; set GITHUB_TOKEN instead');
  if (parsed.search || parsed.hash) throw refuse(url, 'a query or fragment cannot name a repository');
  const path = parsed.pathname.replace(/\/+$/, '');
  if (path.split('/').filter(Boolean).length < 1) throw refuse(url, 'it names no repository');
  const location = toLocation(parsed.origin, parsed.host, path);
  // github.com/<o>/<r> and …/<r>.git are one repository: clone and name it one way. A web file URL (GitHub, GitLab,
  // Gitea) clones with `.git` added; any other URL is a Git URL and is cloned as given (Azure's …/_git/<r> has none).
  const isWebUrl = parsed.hostname === 'github.com' || location.branch !== undefined || location.file !== undefined || location.folder !== undefined;
  const repoUrl = /\.git$/.test(location.repoUrl) || !isWebUrl ? location.repoUrl : `${location.repoUrl}.git`;
  return { ...location, repoUrl, display: location.display.replace(/\.git$/, '') };
};

const parseLocalPath = (url: string, path: string): RepoLocation => {
  if (path.split('/').includes('..')) throw refuse(url, 'a local path must not contain ".."');
  const trimmed = path.replace(/\/+$/, '');
  const split = splitRepoPath(trimmed);
  // Only a `.git` folder can be followed by /blob/<branch>/: a plain folder named "blob" is a folder.
  if (split.kind && split.repo.endsWith('.git')) return toLocation('', '', trimmed);
  return { repoUrl: trimmed, display: trimmed };
};

/** A file URL's path; one Node cannot read as a local path (another host, an encoded "/") is refused. */
const localPathOf = (given: string, url: string): string => {
  try {
    return fileURLToPath(url);
  } catch (error) {
    throw refuse(given, `it is not a file URL of this machine (${(error as Error).message})`);
  }
};

/** The `catalog.sources` entry a located repository file becomes, with an id that is the same for the same place. */
const toGitSource = (location: RepoLocation): { id: string; config: SourceConfig } => {
  const target = location.file ?? (location.folder ? `${location.folder}/**/catalog-info.yaml` : undefined);
  const id = `registered:${location.display}${location.branch ? `#${location.branch}` : ''}${target ? `:${target}` : ''}`;
  const folder = location.file ? location.file.split('/').slice(0, -1).join('/') : location.folder;
  const config: SourceConfig = {
    type: 'git',
    id,
    url: location.repoUrl,
    patterns: target ? [target] : ROOT_CATALOG_FILE,
    ...(location.branch ? { branch: location.branch } : {}),
    // Only list the folder the file is in: a catalog file in a big monorepo should not list the whole tree.
    ...(folder ? { paths: [folder] } : {}),
  };
  return { id, config };
};

/** The URL as a person meant it: trimmed, and without Slack's link wrapping (<https://…> or <https://…|label>). */
export const cleanRegistrationUrl = (given: string): string => given.trim().replace(/^<([^|>]*)(?:\|[^>]*)?>$/, '$1');

/**
 * The `catalog.sources`-shaped config a registration URL becomes (see SourceRegistrar.register): a git source
 * for remotes and for local repositories, a dir source for a plain local folder or file. `inspect` says what is
 * at a local path (the only part that needs the disk). `remoteOnly` (Slack) refuses every local path and file URL.
 */
export const sourceConfigForUrl = (
  given: string,
  inspect: (path: string) => LocalPathKind,
  options: { remoteOnly?: boolean } = {},
): { id: string; config: SourceConfig } => {
  const url = cleanRegistrationUrl(given);
  if (url === '' || url.startsWith('-')) throw refuse(given, 'it is empty or starts with "-"');
  if (/^https?:\/\//i.test(url)) return toGitSource(parseWebUrl(url));
  if (/^(ssh|git|git\+ssh):\/\//i.test(url) || /^[^/:]+@[^/:]+:/.test(url) || /^[a-z0-9.-]+\.[a-z]{2,}:[^/]/i.test(url)) {
    if (/:\/\/[^/@]*:[^/@]*@/.test(url)) throw refuse(given, 'it holds credentials, which would be stored in the database');
    return toGitSource({ repoUrl: url, display: url.replace(/^[a-z+]+:\/\//i, '').replace(/\.git$/, '') });
  }
  // Refused before anything looks at the disk, so Slack cannot even learn what exists on the server.
  if (options.remoteOnly) {
    throw new InvalidInputError(
      `Cannot register "${given}" from Slack: it is a path on the Callboard server, which only \`callboard register ${url}\` run on the server may register; from Slack give a Git URL, a repository URL (https://github.com/<owner>/<repo>) or a catalog file URL (…/blob/<branch>/catalog-info.yaml).`,
    );
  }
  const path = /^file:\/\//i.test(url) ? localPathOf(given, url) : url;
  if (!path.startsWith('/')) throw refuse(given, 'a local path must be absolute');
  const location = parseLocalPath(given, path);
  const kind = inspect(location.repoUrl);
  if (kind === 'missing') throw refuse(given, `nothing exists at ${location.repoUrl}`);
  if (kind === 'git') return toGitSource(location);
  if (location.branch || location.file) throw refuse(given, `${location.repoUrl} is not a Git repository, so it has no branches`);
  const folder = kind === 'file' ? location.repoUrl.split('/').slice(0, -1).join('/') : location.repoUrl;
  const patterns = kind === 'file' ? [location.repoUrl.split('/').pop()!] : ['**/catalog-info.yaml'];
  const id = `registered:${location.repoUrl}`;
  return { id, config: { type: 'dir', id, path: folder || '/', patterns } };
};
