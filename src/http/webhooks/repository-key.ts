import { fileURLToPath } from 'node:url';

/** `host/owner/repo` in lower case, or a local path: one spelling for the many ways a repository URL is written. */
export const repositoryKey = (url: string): string | undefined => {
  const trimmed = url.trim();
  if (trimmed.startsWith('/')) return stripGitSuffix(trimmed);
  if (/^file:\/\//i.test(trimmed)) return readFileUrl(trimmed);
  const scp = /^(?:[^@/:]+@)?([^/:]+):(?!\/\/)(.+)$/.exec(trimmed);
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return hostAndPath(scp[1]!, scp[2]!);
  try {
    const parsed = new URL(trimmed);
    return parsed.hostname ? hostAndPath(parsed.hostname, decodeURIComponent(parsed.pathname)) : undefined;
  } catch {
    return undefined;
  }
};

const readFileUrl = (url: string): string | undefined => {
  try {
    return stripGitSuffix(fileURLToPath(url));
  } catch {
    return undefined;
  }
};

const stripGitSuffix = (path: string): string => path.replace(/\/+$/, '').replace(/\.git$/, '');

/** Hosts and owners on GitHub are case-insensitive, so the whole key is compared in lower case. */
const hostAndPath = (host: string, path: string): string => `${host.toLowerCase()}/${stripGitSuffix(path.replace(/^\/+/, '')).toLowerCase()}`;
