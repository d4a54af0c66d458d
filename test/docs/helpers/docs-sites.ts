import type { BuiltDocsSite, DocsPage } from '../../../src/core/docs/docs-site.ts';

/** A page whose sections are given as [heading, text] pairs (the first heading is the page's title). */
export const docsPage = (path: string, title: string, sections: [heading: string, text: string][]): DocsPage => ({
  path,
  sourcePath: path === '' ? 'index.md' : `${path.slice(0, -1)}.md`,
  title,
  html: `<h1>${title}</h1>${sections.map(([heading, text]) => `<h2>${heading}</h2><p>${text}</p>`).join('')}`,
  toc: sections.map(([heading]) => ({ level: 2, text: heading, anchor: heading.toLowerCase().replace(/\s+/g, '-') })),
  sections: sections.map(([heading, text]) => ({ anchor: heading.toLowerCase().replace(/\s+/g, '-'), heading, text })),
});

export const docsSite = (entityRef: string, pages: DocsPage[], extra: Partial<BuiltDocsSite> = {}): BuiltDocsSite => ({
  entityRef,
  siteName: `${entityRef} docs`,
  nav: pages.map((page) => ({ title: page.title, path: page.path })),
  pages,
  assets: [],
  warnings: [],
  ...extra,
});
