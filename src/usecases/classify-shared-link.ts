import { isDocsLink } from '../core/catalog/docs-link.ts';
import type { Entity } from '../core/catalog/entity.ts';
import { isGithubHost, parseHttpUrl } from '../core/resolve/url-key.ts';
import { callboardPageOf } from './callboard-page.ts';
import { docsLocationOf, isUnderFolder, repositoryPathOf } from './repository-link-path.ts';

/**
 * What a shared link to a catalogued entity points at. Only the first four mean the entity itself
 * (its card is the right preview); `other` is a pull request, commit, issue, file or folder of its
 * repository, which the GitHub app previews better than Callboard can.
 */
export type SharedLinkKind = 'repository' | 'catalog-file' | 'docs' | 'entity-page' | 'other';

/** True when the link means the entity as a whole, so it unfurls as the entity's card. */
export const meansTheEntity = (kind: SharedLinkKind): boolean => kind !== 'other';

const CATALOG_FILE = /^catalog-info\.ya?ml$/i;

/** Callboard's entity page and docs mean the entity; its other pages (search, home) do not. */
const PAGE_KINDS = { catalog: 'entity-page', docs: 'docs', other: 'other' } as const satisfies Record<string, SharedLinkKind>;

/** The link is one of the entity's declared documentation links (`metadata.links` titled or typed docs). */
const isDeclaredDocsLink = (url: URL, entity: Entity): boolean =>
  (entity.metadata.links ?? []).some((entry) => {
    const declared = parseHttpUrl(entry.url);
    return isDocsLink(entry) && declared !== undefined && declared.host === url.host && isUnderFolder(url.pathname, declared.pathname);
  });

/** A repository link: its root, its catalog file, its TechDocs folder, or anything else in it. */
const repositoryLinkKind = (url: URL, entity: Entity): SharedLinkKind => {
  // Other hosts' paths have no known shape (a dashboard's `/d/abc` is no repository root): only a catalog file is recognised.
  if (!isGithubHost(url.hostname)) return CATALOG_FILE.test(url.pathname.split('/').pop() ?? '') ? 'catalog-file' : 'other';
  const path = repositoryPathOf(url);
  if (path.kind === 'root') return 'repository';
  const docs = docsLocationOf(entity);
  if (path.candidates.some((candidate) => docs.some((location) => location.matches(path.slug, candidate)))) return 'docs';
  if (path.kind === 'file' && path.candidates.some((candidate) => CATALOG_FILE.test(candidate.split('/').pop() ?? ''))) return 'catalog-file';
  return 'other';
};

/**
 * Classifies a link that `findEntityByUrl` already tied to `entity`: which part of the entity it is
 * about. Pure: reads only the URL, the entity's annotations and links, and Callboard's base URL.
 */
export const classifySharedLink = (text: string, entity: Entity, options: { callboardUrl?: string } = {}): SharedLinkKind => {
  const url = parseHttpUrl(text);
  if (!url) return 'other';
  const page = callboardPageOf(url, options.callboardUrl);
  if (page) return PAGE_KINDS[page.section];
  if (isDeclaredDocsLink(url, entity)) return 'docs';
  return repositoryLinkKind(url, entity);
};
