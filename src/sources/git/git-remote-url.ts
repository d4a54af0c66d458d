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
