import type { DocsHit, DocsLibrary, DocsSiteSummary } from '../../core/docs/docs-library.ts';
import type { DocsNavItem } from '../../core/docs/docs-site.ts';
import { docsPageUrl } from '../../core/docs/docs-url.ts';

/** What the docs answers need: the built sites and the address links to them start with (`http.publicUrl`). */
export interface PublishedDocs {
  library: DocsLibrary;
  /** `http.publicUrl`, else `http://<host>:<port>`. */
  publicUrl: string;
}

/** An entity's rendered site, as answers link to it. */
export interface DocsHome {
  entityRef: string;
  siteName: string;
  url: string;
  pageCount: number;
  builtAt: string;
  commit?: string;
  /** Why the latest build failed; the site linked is the last good build. */
  lastError?: string;
  /** The site's pages as its nav lists them, in order (sections flattened, external links left out). */
  pages: Array<{ title: string; url: string }>;
}

/** Enough pages to find one's way in a site; the site's own nav has the rest. */
const MAX_NAV_PAGES = 12;

const navPages = (items: readonly DocsNavItem[]): Array<{ title: string; path: string }> =>
  items.flatMap((item) => [...(item.path !== undefined ? [{ title: item.title, path: item.path }] : []), ...navPages(item.children ?? [])]);

/** A search hit with the deep link to its section. */
export interface LinkedDocsHit extends DocsHit {
  url: string;
}

export const docsHomeOf = (access: PublishedDocs, site: DocsSiteSummary): DocsHome => ({
  entityRef: site.entityRef,
  siteName: site.siteName,
  url: docsPageUrl(access.publicUrl, site.entityRef),
  pageCount: site.pageCount,
  builtAt: site.builtAt,
  ...(site.commit ? { commit: site.commit } : {}),
  ...(site.lastError ? { lastError: site.lastError } : {}),
  pages: navPages(site.nav)
    .slice(0, MAX_NAV_PAGES)
    .map((page) => ({ title: page.title, url: docsPageUrl(access.publicUrl, site.entityRef, page.path) })),
});

export const linkDocsHit = (access: PublishedDocs, hit: DocsHit): LinkedDocsHit => ({
  ...hit,
  url: docsPageUrl(access.publicUrl, hit.entityRef, hit.pagePath, hit.anchor),
});

/** The rendered site's home URL of `ref`, when it has a built site (the Docs button's target). */
export const builtDocsUrl = (access: PublishedDocs | undefined, ref: string): string | undefined => {
  // A borrower (`backstage.io/techdocs-entity`) is listed under its own ref too, so its URL is its own.
  return access?.library.site(ref) ? docsPageUrl(access.publicUrl, ref) : undefined;
};
