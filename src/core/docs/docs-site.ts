/**
 * A built TechDocs site: what the renderer makes of one docs folder, what the store keeps, and what the HTTP
 * pages, search and Slack answers read. Pure data, no I/O.
 */

/** A heading of a page, with the anchor mkdocs' toc extension gives it (so links made for mkdocs keep working). */
export interface DocsHeading {
  /** 1 for `#`, 2 for `##`, … */
  level: number;
  text: string;
  anchor: string;
}

/** The plain text under one heading, up to the next heading of any level: one search document. */
export interface DocsSection {
  /** '' for the text before the page's first heading. */
  anchor: string;
  heading: string;
  text: string;
}

export interface DocsPage {
  /**
   * Where the page is served below the site root, mkdocs' `use_directory_urls` shape: '' for `index.md`,
   * `guides/setup/` for `guides/setup.md` or `guides/setup/index.md`. Always '' or ending in '/'.
   */
  path: string;
  /** The Markdown file, relative to `docs_dir`, e.g. `guides/setup.md`. */
  sourcePath: string;
  /** The nav title, else the page's first `#` heading, else the file name. */
  title: string;
  /** The page body: rendered, links rewritten, sanitized. Never trusted further: serve it under the site's CSP. */
  html: string;
  toc: DocsHeading[];
  sections: DocsSection[];
  /** Where "Edit this page" goes, when the source can say. */
  editUrl?: string;
}

/** One nav entry: a page (`path`), an external link (`url`), or a section (`children`). */
export interface DocsNavItem {
  title: string;
  path?: string;
  url?: string;
  children?: DocsNavItem[];
}

/** A non-Markdown file of the docs folder that pages refer to (images, downloads), served as is. */
export interface DocsAsset {
  /** Relative to `docs_dir`, e.g. `images/flow.png`. */
  path: string;
  contentType: string;
  data: Uint8Array;
}

/** Something the author should fix; the build still succeeds. `file` is relative to the source root. */
export interface DocsWarning {
  file: string;
  line?: number;
  message: string;
}

export interface BuiltDocsSite {
  /** The entity whose docs these are (for borrowed docs, the entity that owns the folder). */
  entityRef: string;
  siteName: string;
  nav: DocsNavItem[];
  pages: DocsPage[];
  assets: DocsAsset[];
  warnings: DocsWarning[];
  /** `repo_url` of mkdocs.yml, or the source's repository. */
  repoUrl?: string;
}
