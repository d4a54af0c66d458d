import { stringifyEntityRef } from '../core/catalog/refs.ts';
import { parseHttpUrl } from '../core/resolve/url-key.ts';

/**
 * A link into Callboard's own pages, which keep Backstage's paths: an entity page
 * (`<callboardUrl>/catalog/<namespace>/<kind>/<name>`), its TechDocs (`<callboardUrl>/docs/<namespace>/<kind>/<name>/…`)
 * or another page.
 */
export interface CallboardPage {
  section: 'catalog' | 'docs' | 'other';
  /** The entity a catalog or docs path names; undefined when the path is short or its escapes are malformed. */
  ref?: string;
}

/** A path segment decoded, or undefined when its percent-escapes are malformed (`%E0%A4%A`): such a link names no entity. */
const decodeSegment = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};

/** What `url` is among Callboard's pages; undefined when it is not under `callboardUrl` (or there is none). */
export const callboardPageOf = (url: URL, callboardUrl: string | undefined): CallboardPage | undefined => {
  const base = callboardUrl ? parseHttpUrl(callboardUrl) : undefined;
  if (!base || url.host !== base.host) return undefined;
  const prefix = base.pathname.replace(/\/$/, '');
  if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return undefined;
  const [section, ...path] = url.pathname.slice(prefix.length + 1).split('/');
  if ((section !== 'catalog' && section !== 'docs') || path.length === 0) return { section: 'other' };
  const [namespace, kind, name] = path.slice(0, 3).map(decodeSegment);
  return namespace && kind && name ? { section, ref: stringifyEntityRef({ kind, namespace, name }) } : { section };
};
