import { parseDocsPath } from '../../core/docs/docs-url.ts';
import { parseHttpUrl } from '../../core/resolve/url-key.ts';
import type { PublishedDocs, DocsHome } from './docs-ports.ts';
import { docsHomeOf } from './docs-ports.ts';

/** A link to a page of Callboard's docs site: which entity, page and section it opens. */
export interface DocsLinkTarget {
  entityRef: string;
  /** '' or ending in '/', as DocsPage.path. */
  pagePath: string;
  anchor: string;
}

/** What a shared docs link shows: the site, and the page and section when they still exist. */
export interface DocsLinkAnswer extends DocsLinkTarget {
  home: DocsHome;
  pageTitle?: string;
  heading?: string;
  /** The start of the section's text (plain). */
  excerpt?: string;
}

const decode = (text: string): string | undefined => {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
};

/** `guides/setup`, `guides/setup/`, `guides/setup/index.html` → `guides/setup/`; the site root → ''. */
const pagePathOf = (rest: string): string => {
  const path = rest.replace(/(?:^|\/)index\.html?$/i, '').replace(/^\/+|\/+$/g, '');
  return path ? `${path}/` : '';
};

/** The docs page a URL opens when it lies under one of `bases` (`http.publicUrl`, `slack.callboardUrl`); else undefined. */
export const docsLinkTarget = (text: string, bases: readonly string[]): DocsLinkTarget | undefined => {
  const url = parseHttpUrl(text.trim());
  if (!url) return undefined;
  for (const baseText of bases) {
    const base = parseHttpUrl(baseText);
    if (!base || base.host !== url.host) continue;
    const prefix = base.pathname.replace(/\/+$/, '');
    if (!url.pathname.startsWith(`${prefix}/docs/`)) continue;
    const path = decode(url.pathname.slice(prefix.length));
    const target = path === undefined || path.includes('\0') ? undefined : parseDocsPath(path);
    if (!target) continue;
    return { entityRef: target.entityRef, pagePath: pagePathOf(target.rest), anchor: decode(url.hash.replace(/^#/, '')) ?? '' };
  }
  return undefined;
};

const EXCERPT_CHARS = 400;

/**
 * A shared link to Callboard's docs, answered from the built site: the page's title and the section the anchor
 * names. Undefined when the link is not a docs link or the entity has no site (the entity card answers then).
 */
export const findDocsLink = (access: PublishedDocs, text: string, bases: readonly string[]): DocsLinkAnswer | undefined => {
  const target = docsLinkTarget(text, bases);
  const site = target ? access.library.site(target.entityRef) : undefined;
  if (!target || !site) return undefined;
  const home = docsHomeOf(access, { ...site, entityRef: target.entityRef });
  const page = access.library.page(target.entityRef, target.pagePath);
  if (!page) return { ...target, home };
  const section = target.anchor ? page.sections.find((candidate) => candidate.anchor === target.anchor) : undefined;
  const heading = section?.heading ?? (target.anchor ? page.toc.find((entry) => entry.anchor === target.anchor)?.text : undefined);
  const excerpt = (section ?? page.sections[0])?.text.replace(/\s+/g, ' ').trim().slice(0, EXCERPT_CHARS);
  return { ...target, home, pageTitle: page.title, ...(heading ? { heading } : {}), ...(excerpt ? { excerpt } : {}) };
};
