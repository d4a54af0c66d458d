import type { Entity } from '../core/catalog/entity.ts';
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

const parseUrl = (text: string): URL | undefined => {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
};

/** `<callboardUrl>/catalog/…` is an entity page and `<callboardUrl>/docs/…` its docs (Backstage's paths); undefined when not under it. */
const callboardPageKind = (url: URL, callboardUrl: string | undefined): SharedLinkKind | undefined => {
  const base = callboardUrl ? parseUrl(callboardUrl) : undefined;
  if (!base || url.host !== base.host) return undefined;
  const prefix = base.pathname.replace(/\/$/, '');
  if (url.pathname.startsWith(`${prefix}/catalog/`)) return 'entity-page';
  if (url.pathname.startsWith(`${prefix}/docs/`)) return 'docs';
  return url.pathname.startsWith(`${prefix}/`) || url.pathname === prefix ? 'other' : undefined;
};

/**
 * `<callboardUrl>/docs/<namespace>/<kind>/<name>/…` (Backstage's TechDocs path) → the same entity's page,
 * `<callboardUrl>/catalog/<namespace>/<kind>/<name>`, which `findEntityByUrl` resolves. Undefined for other links.
 */
export const entityPageUrlOfDocs = (text: string, callboardUrl: string | undefined): string | undefined => {
  const url = parseUrl(text);
  const base = callboardUrl ? parseUrl(callboardUrl) : undefined;
  if (!url || !base || url.host !== base.host) return undefined;
  const prefix = base.pathname.replace(/\/$/, '');
  if (!url.pathname.startsWith(`${prefix}/docs/`)) return undefined;
  const [namespace, kind, name] = url.pathname.slice(`${prefix}/docs/`.length).split('/');
  return namespace && kind && name ? `${base.origin}${prefix}/catalog/${namespace}/${kind}/${name}` : undefined;
};

/** The link is one of the entity's declared documentation links (`metadata.links` titled or typed docs). */
const isDeclaredDocsLink = (url: URL, entity: Entity): boolean =>
  (entity.metadata.links ?? []).some((entry) => {
    const declared = parseUrl(entry.url);
    const saysDocs = /\bdocs?\b|documentation/i.test(`${entry.title ?? ''} ${entry.type ?? ''} ${entry.icon ?? ''}`);
    return saysDocs && declared !== undefined && declared.host === url.host && isUnderFolder(url.pathname, declared.pathname);
  });

/** GitHub and GitHub Enterprise hosts, whose paths are `/owner/repo[/tree|blob/<branch>/…]`. */
const isGithubHost = (host: string): boolean => {
  const name = host.toLowerCase().replace(/^www\./, '');
  return name === 'github.com' || name.startsWith('github.') || name.includes('.github.');
};

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
  const url = parseUrl(text);
  if (!url) return 'other';
  const page = callboardPageKind(url, options.callboardUrl);
  if (page) return page;
  if (isDeclaredDocsLink(url, entity)) return 'docs';
  return repositoryLinkKind(url, entity);
};
