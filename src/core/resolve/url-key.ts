/**
 * URLs as lookup keys. Every way a repository or file is written (https with or without `.git`, a trailing
 * slash, `www.`, `/tree/<branch>/…`, `/blob/<branch>/…`, ssh `git@github.com:o/r.git`, `ssh://git@github.com/o/r`,
 * Slack's `<url|label>`, Backstage's `url:` locations) becomes one key: host and path, lower case, without
 * protocol, query, fragment, branch or trailing slash, e.g. `github.com/acme/checkout-service/docs/runbook.md`.
 */

/** Path words GitHub puts between a repository and a branch name: `/blob/main/…`, `/tree/main/…`. */
const BRANCH_VIEWS = new Set(['tree', 'blob', 'edit', 'raw', 'blame']);

/** Slack's `<url>` and `<url|label>` wrapping, `url:` locations, ssh and scheme-less forms, as an https URL text. */
export const toUrlText = (text: string): string | undefined => {
  let value = text.trim();
  const wrapped = /^<([^<>|]+)(?:\|[^<>]*)?>$/.exec(value);
  if (wrapped) value = wrapped[1]!;
  value = value.replace(/^url:/i, '').replace(/^git\+/i, '');
  const scp = /^[\w.-]+@([\w.-]+):(?!\/\/)(.+)$/.exec(value);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  const ssh = /^(?:ssh|git):\/\/(?:[\w.-]+@)?([\w.-]+)(?::\d+)?\/(.+)$/i.exec(value);
  if (ssh) return `https://${ssh[1]}/${ssh[2]}`;
  if (/^https?:\/\//i.test(value)) return value;
  if (/^(?:www\.)?github\.com\//i.test(value)) return `https://${value}`;
  return undefined;
};

/** True when the text is a link in any of the forms above. */
export const looksLikeUrl = (text: string): boolean => toUrlText(text) !== undefined;

/** The text as an http(s) URL, or undefined for anything else (another scheme, not a URL at all). */
export const parseHttpUrl = (text: string): URL | undefined => {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
};

/** GitHub and GitHub Enterprise hosts (any case, with or without `www.`), whose paths are `owner/repo[/view/branch/path]`. */
export const isGithubHost = (host: string): boolean => {
  const name = host.toLowerCase().replace(/^www\./, '');
  return name === 'github.com' || name.startsWith('github.') || name.includes('.github.');
};

const githubSegments = (segments: readonly string[]): string[] => {
  const [owner, repo, view, , ...path] = segments;
  if (!owner || !repo) return [...segments];
  const repoName = repo.replace(/\.git$/, '');
  if (view !== undefined && BRANCH_VIEWS.has(view)) return [owner, repoName, ...path];
  return [owner, repoName, ...segments.slice(2)];
};

/** The lookup key of a URL in any form above, or undefined for text that is no http(s) link. */
export const urlLookupKey = (text: string): string | undefined => {
  const urlText = toUrlText(text);
  const url = urlText ? parseHttpUrl(urlText) : undefined;
  if (!url) return undefined;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const rawSegments = url.pathname
    .toLowerCase()
    .split('/')
    .filter((segment) => segment !== '');
  const segments = isGithubHost(host) ? githubSegments(rawSegments) : rawSegments;
  return [host, ...segments].join('/');
};

/**
 * The key itself, then its parent paths, longest first, down to a repository (`host/owner/repo`) on GitHub
 * or a first path segment elsewhere: a pull request or a deep file of a catalogued repository still finds
 * the repository's entity, but a bare host or GitHub organisation finds nothing.
 */
export const urlKeyLevels = (key: string): string[] => {
  const parts = key.split('/');
  const shortest = isGithubHost(parts[0]!) ? 3 : 2;
  const levels = [key];
  for (let length = parts.length - 1; length >= shortest; length -= 1) levels.push(parts.slice(0, length).join('/'));
  return levels;
};
