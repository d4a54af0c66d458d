import { normalizeRelativePath } from '../core/docs/find-docs-root.ts';
import { encodePathForUrl } from '../sources/git/git-remote-url.ts';

export interface DocsWebLinks {
  /** The web address of the docs root's folder on the host's edit page, for "Edit this page". */
  editBase?: string;
  /** The repository's web address. */
  repoUrl?: string;
}

/**
 * Where the docs of an entity can be edited, from the edit URL the catalog computed for its catalog file
 * (`https://github.com/o/r/edit/<branch>/<path>`): the same address with the docs root instead of the file. Only
 * for docs next to the catalog file; sources without web addresses (folders, plain git remotes) have none.
 */
export const findDocsWebLinks = (annotations: Readonly<Record<string, string>>, catalogPath: string, docsFolder: string): DocsWebLinks => {
  const editUrl = annotations['backstage.io/edit-url'];
  const encoded = encodePathForUrl(catalogPath);
  if (!editUrl?.endsWith(`/${encoded}`)) return {};
  const marker = editUrl.indexOf('/edit/');
  const repoUrl = marker > 0 ? editUrl.slice(0, marker) : undefined;
  const folder = normalizeRelativePath(docsFolder);
  if (folder === undefined) return repoUrl ? { repoUrl } : {};
  const prefix = editUrl.slice(0, editUrl.length - encoded.length);
  return { editBase: `${prefix}${folder === '' ? '' : `${encodePathForUrl(folder)}/`}`, ...(repoUrl ? { repoUrl } : {}) };
};
