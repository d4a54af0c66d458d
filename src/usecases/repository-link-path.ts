import { posix } from 'node:path';
import type { Entity } from '../core/catalog/entity.ts';
import { parseHttpUrl } from '../core/resolve/url-key.ts';

/**
 * Where in a repository a GitHub-shaped link points. `/tree/<ref>/…` and `/blob/<ref>/…` cannot say
 * where a branch name with slashes ends, so `candidates` holds the in-repository path for every split
 * (`/blob/feature/x/docs/a.md` → `x/docs/a.md`, `docs/a.md`, `a.md`); a match on any of them counts.
 */
export type RepositoryPath =
  { kind: 'root'; slug: string } | { kind: 'file' | 'folder'; slug: string; candidates: string[] } | { kind: 'other'; slug: string; candidates: [] };

const decode = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** `a/./b/` → `a/b`; `.` and `` → `` (the repository root). */
const normalize = (path: string): string => posix.normalize(`/${path}`).replace(/^\/+|\/+$/g, '');

/** `/owner/repo[.git]/…` of a link: the repository root (bare, or a branch's tree), a file, a folder, or something else (a pull request, commit, issue). */
export const repositoryPathOf = (url: URL): RepositoryPath => {
  const [owner = '', repo = '', ...rest] = url.pathname.split('/').filter(Boolean).map(decode);
  const slug = `${owner}/${repo.replace(/\.git$/i, '')}`.toLowerCase();
  const [view, ...refAndPath] = rest;
  if (view === undefined) return { kind: 'root', slug };
  if (view !== 'tree' && view !== 'blob') return { kind: 'other', slug, candidates: [] };
  if (view === 'tree' && refAndPath.length <= 1) return { kind: 'root', slug };
  const candidates = refAndPath.slice(1).map((_, index) => normalize(refAndPath.slice(index + 1).join('/')));
  return { kind: view === 'blob' ? 'file' : 'folder', slug, candidates };
};

/** True when `path` is `folder` or inside it (`docs` holds `docs` and `docs/a.md`, not `docs2`); `` holds everything. */
export const isUnderFolder = (path: string, folder: string): boolean => {
  const inner = normalize(path);
  const outer = normalize(folder);
  return outer === '' || inner === outer || inner.startsWith(`${outer}/`);
};

export interface DocsLocation {
  /** True when a path in repository `slug` (`owner/repo`, lower case) is part of the entity's TechDocs. */
  matches(slug: string, path: string): boolean;
}

/** The folder of the entity's catalog file in its repository, from the view/edit URL Backstage records; the root when unknown. */
const catalogFolderOf = (entity: Entity): string => {
  const annotations = entity.metadata.annotations ?? {};
  const location = annotations['backstage.io/view-url'] ?? annotations['backstage.io/edit-url'];
  const url = location ? parseHttpUrl(location) : undefined;
  const path = url ? repositoryPathOf(url) : undefined;
  // The shortest candidate assumes a one-segment branch name, which is what Backstage writes for the default branch.
  const file = path && path.kind === 'file' ? path.candidates[0] : undefined;
  return file ? posix.dirname(file).replace(/^\.$/, '') : '';
};

/** MkDocs' layout under a TechDocs root in the entity's own repository: `mkdocs.yml` and the `docs/` folder. */
const mkdocsUnder = (root: string): DocsLocation => {
  const configFiles = ['mkdocs.yml', 'mkdocs.yaml'].map((file) => normalize(posix.join(root || '.', file)));
  return { matches: (_slug, path) => configFiles.includes(normalize(path)) || isUnderFolder(path, posix.join(root || '.', 'docs')) };
};

/**
 * Where the entity's TechDocs live in its repository, from `backstage.io/techdocs-ref`: `dir:<path>`
 * (relative to the catalog file's folder, MkDocs layout) or `url:<repository folder>`.
 */
export const docsLocationOf = (entity: Entity): DocsLocation[] => {
  const ref = entity.metadata.annotations?.['backstage.io/techdocs-ref']?.trim();
  if (!ref) return [];
  if (ref.startsWith('dir:')) return [mkdocsUnder(normalize(posix.join(catalogFolderOf(entity) || '.', ref.slice('dir:'.length))))];
  const url = ref.startsWith('url:') ? parseHttpUrl(ref.slice('url:'.length)) : undefined;
  const path = url ? repositoryPathOf(url) : undefined;
  if (!path || path.kind === 'other') return [];
  const folder = path.kind === 'root' ? '' : (path.candidates[0] ?? '');
  return [{ matches: (slug, candidate) => slug === path.slug && isUnderFolder(candidate, folder) }];
};
