import type { DocsSiteSummary } from '../../core/docs/docs-library.ts';
import type { DocsPage } from '../../core/docs/docs-site.ts';
import { buildNavView } from './docs-nav-view.ts';
import type { EntityHeader } from './entity-header.ts';
import { formatBuiltAt } from './format-built-at.ts';
import { safeHref } from './safe-href.ts';
import { cssHref, searchBox } from './layout-view.ts';

export interface Breadcrumb {
  title: string;
  href?: string;
  current?: boolean;
}

const breadcrumbsOf = (header: EntityHeader, page: DocsPage, trail: string[]): Breadcrumb[] => {
  const docs = { title: 'Docs', href: '/docs' };
  if (page.path === '') return [docs, { title: header.entity.name, current: true }];
  return [docs, { title: header.entity.name, href: header.entity.href }, ...trail.map((title) => ({ title })), { title: page.title, current: true }];
};

const builtView = (summary: DocsSiteSummary) => ({
  at: summary.builtAt,
  atText: formatBuiltAt(summary.builtAt),
  ...(summary.commit ? { commit: summary.commit, commitShort: summary.commit.slice(0, 7) } : {}),
});

/** Everything `page.hbs` draws for one docs page. `body` is the sanitized page HTML, the one value not escaped. */
export const buildPageView = (summary: DocsSiteSummary, page: DocsPage, header: EntityHeader) => {
  const nav = buildNavView(summary.nav, summary.entityRef, page.path);
  const editUrl = safeHref(page.editUrl) ?? header.editUrl ?? safeHref(summary.repoUrl);
  return {
    title: page.path === '' ? `${summary.siteName} · Callboard docs` : `${page.title} · ${summary.siteName} · Callboard docs`,
    cssHref,
    search: searchBox({ entityRef: summary.entityRef, label: `Search ${summary.siteName}` }),
    siteName: summary.siteName,
    ...header,
    breadcrumbs: breadcrumbsOf(header, page, nav.trail),
    nav: nav.items,
    toc: page.toc.filter((heading) => heading.level >= 2 && heading.level <= 4).map((heading) => ({ ...heading, href: `#${heading.anchor}` })),
    body: page.html,
    ...(editUrl ? { editUrl } : {}),
    built: builtView(summary),
    ...(summary.lastError ? { lastError: summary.lastError } : {}),
  };
};
