/**
 * "Edit this page" links. With mkdocs.yml's `repo_url`, mkdocs' rule: `edit_uri` (default `edit/master/docs/` on
 * GitHub and GitLab, `src/default/docs/` on Bitbucket, none elsewhere; `''` turns links off) joined onto
 * `repo_url`, then the page's path below docs_dir. Without `repo_url`: the source's own web URL of the docs root.
 */
export interface EditUrlInput {
  repoUrl?: string;
  editUri?: string;
  /** Web URL of the docs root folder in the source's repository. */
  editBase?: string;
  docsDir: string;
}

/** Returns the edit URL of a file given relative to the docs root (`docs/guides/setup.md`, `README.md`). */
export type EditUrlOf = (filePath: string) => string | undefined;

const DEFAULT_EDIT_URI: [RegExp, string][] = [
  [/^github\.com$/i, 'edit/master/docs/'],
  [/^gitlab\.com$/i, 'edit/master/docs/'],
  [/^bitbucket\.org$/i, 'src/default/docs/'],
];

const tryUrl = (relative: string, base?: string): URL | undefined => {
  try {
    return new URL(relative, base);
  } catch {
    return undefined;
  }
};

const withSlash = (url: string): string => (url.endsWith('/') ? url : `${url}/`);

const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

export const createEditUrl = ({ repoUrl, editUri, editBase, docsDir }: EditUrlInput): EditUrlOf => {
  if (repoUrl) {
    const repo = tryUrl(withSlash(repoUrl));
    const uri = editUri ?? DEFAULT_EDIT_URI.find(([host]) => repo && host.test(repo.hostname))?.[1];
    if (!repo || !uri) return () => undefined;
    const depth = docsDir.split('/').length;
    const belowDocs = (filePath: string): string =>
      filePath.startsWith(`${docsDir}/`) ? filePath.slice(docsDir.length + 1) : `${'../'.repeat(depth)}${filePath}`;
    // `?path=/docs/`-style edit URIs are appended to as text; path-style ones are resolved like links.
    if (/^[?#]/.test(uri)) return (filePath) => `${repo.href.replace(/\/$/, '')}${uri}${belowDocs(filePath)}`;
    const base = tryUrl(withSlash(uri), repo.href)?.href;
    if (!base) return () => undefined;
    return (filePath) => tryUrl(encodePath(belowDocs(filePath)), base)?.href;
  }
  if (editBase) return (filePath) => tryUrl(encodePath(filePath), withSlash(editBase))?.href;
  return () => undefined;
};
