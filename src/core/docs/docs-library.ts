import type { DocsNavItem, DocsPage, DocsWarning } from './docs-site.ts';

/** What is known about one entity's served docs (the last good build). */
export interface DocsSiteSummary {
  /** The entity the docs are served under (a `techdocs-entity` borrower is listed under its own ref too). */
  entityRef: string;
  siteName: string;
  nav: DocsNavItem[];
  pageCount: number;
  repoUrl?: string;
  /** The commit (git sources) the last good build was made from. */
  commit?: string;
  /** ISO-8601 time of the last good build. */
  builtAt: string;
  /** ISO-8601 time the site's content last changed (for the scorecard `docs: { maxAgeDays }` check). */
  changedAt: string;
  warnings: DocsWarning[];
  /** Why the latest build failed, when it did; the last good build is still served. */
  lastError?: string;
}

/** One docs search hit: a section of a page. */
export interface DocsHit {
  entityRef: string;
  /** Page path below the site root ('' or ending in '/'). */
  pagePath: string;
  pageTitle: string;
  /** '' for the top of the page. */
  anchor: string;
  heading: string;
  /** Plain text with the matched words marked by `snippetMark` pairs (\u0002 … \u0003). */
  snippet: string;
}

export interface DocsSearchOptions {
  /** Only this entity's docs. */
  entityRef?: string;
  limit?: number;
}

/** The read side of built docs: the HTTP pages, search, Slack answers, incident cards and scorecards read this. */
export interface DocsLibrary {
  site(entityRef: string): DocsSiteSummary | undefined;
  sites(): DocsSiteSummary[];
  page(entityRef: string, pagePath: string): DocsPage | undefined;
  asset(entityRef: string, assetPath: string): { contentType: string; data: Uint8Array } | undefined;
  search(words: string, options?: DocsSearchOptions): DocsHit[];
}

/** Marks around matched words in `DocsHit.snippet`: control characters no Markdown page can contain. */
export const snippetMark = { start: '\u0002', end: '\u0003' } as const;
