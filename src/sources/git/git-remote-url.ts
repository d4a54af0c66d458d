/** Drops `user:password@` from scheme URLs so remotes can be shown and logged. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}

/** The https origin of a remote, when a token could be sent to it. */
export function findHttpsOrigin(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

const githubRemotePatterns = [
  /^https:\/\/(?:[^/@]*@)?github\.com\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/i,
  /^git@github\.com:([^/]+)\/([^/]+?)(?:\.git)?$/i,
  /^ssh:\/\/git@github\.com\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/i,
];

/** `https://github.com/<owner>/<repo>` for a github.com remote in any of its spellings, else undefined. */
export function findGithubWebBase(url: string): string | undefined {
  for (const pattern of githubRemotePatterns) {
    const match = pattern.exec(url);
    if (match) return `https://github.com/${match[1]}/${match[2]}`;
  }
  return undefined;
}

/** Encodes each path segment for a URL while keeping the slashes. */
export function encodePathForUrl(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** How git reaches a remote, as `callboard sources` shows it. */
export type GitTransport = 'ssh (scp-style host:path)' | 'ssh' | 'https' | 'http' | 'git' | 'file' | 'local path' | `${string} (remote helper)`;

const SCHEME_TRANSPORTS: Record<string, GitTransport> = {
  ssh: 'ssh',
  'git+ssh': 'ssh',
  'ssh+git': 'ssh',
  https: 'https',
  http: 'http',
  git: 'git',
  file: 'file',
};

/**
 * The transport git itself would choose for a remote: `<scheme>://` by its scheme; otherwise a colon
 * before any slash makes it scp-like ssh (`host:path`, `user@host:path`), as git's
 * `url_is_local_not_ssh` rules, except for a Windows drive (`C:\repo`, `C:/repo`). Anything else
 * (`./foo:bar`, `/srv/repo`, `repo`) is a local path.
 */
export function describeGitTransport(url: string): GitTransport {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
  if (scheme) return SCHEME_TRANSPORTS[scheme[1]!.toLowerCase()] ?? `${scheme[1]!.toLowerCase()} (remote helper)`;
  const colon = url.indexOf(':');
  const slash = url.indexOf('/');
  if (colon < 0 || (slash >= 0 && slash < colon)) return 'local path';
  if (/^[a-z]:/i.test(url)) return 'local path';
  return 'ssh (scp-style host:path)';
}
