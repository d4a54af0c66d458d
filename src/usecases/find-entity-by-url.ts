import { stringifyEntityRef } from '../core/catalog/refs.ts';
import type { CatalogReader } from '../core/ports.ts';

/** `https://github.com/acme/checkout-service/blob/main/x` → `acme/checkout-service`. */
const githubSlug = (url: URL): string | undefined => {
  if (url.hostname !== 'github.com' && url.hostname !== 'www.github.com') return undefined;
  const [owner, repo] = url.pathname.split('/').filter(Boolean);
  return owner && repo ? `${owner}/${repo.replace(/\.git$/, '')}` : undefined;
};

/** A path segment decoded, or undefined when its percent-escapes are malformed (`%E0%A4%A`): such a link names no entity. */
const decodeSegment = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

/** Backstage's entity page path, which Callboard keeps: `<base>/catalog/<namespace>/<kind>/<name>`. */
const callboardRef = (url: URL, callboardUrl: string | undefined): string | undefined => {
  if (!callboardUrl) return undefined;
  const base = new URL(callboardUrl);
  const prefix = base.pathname.replace(/\/$/, '');
  if (url.host !== base.host || !url.pathname.startsWith(`${prefix}/catalog/`)) return undefined;
  const [namespace, kind, name] = url.pathname
    .slice(prefix.length + '/catalog/'.length)
    .split('/')
    .map(decodeSegment);
  return namespace && kind && name ? stringifyEntityRef({ kind, namespace, name }) : undefined;
};

const parseUrl = (text: string): URL | undefined => {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
};

/**
 * The catalog entity a shared link is about: a Callboard entity page, or a repository known to the
 * catalog through `github.com/project-slug` or `backstage.io/source-location`. Components win over
 * other kinds that name the same repository.
 */
export const findEntityByUrl = (store: CatalogReader, text: string, options: { callboardUrl?: string } = {}): string | undefined => {
  const url = parseUrl(text);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return undefined;
  const ref = callboardRef(url, options.callboardUrl);
  if (ref) return store.entity(ref) ? ref : undefined;
  const slug = githubSlug(url);
  const candidates = slug
    ? [
        ...store.entitiesWithAnnotation('github.com/project-slug', slug),
        ...store.entitiesWithAnnotation('backstage.io/source-location', `url:https://github.com/${slug}/`, { prefix: true }),
      ]
    : [];
  return candidates.find((candidate) => candidate.startsWith('component:')) ?? candidates[0];
};
