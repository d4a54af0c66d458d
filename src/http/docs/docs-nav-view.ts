import type { DocsNavItem } from '../../core/docs/docs-site.ts';
import { docsPagePath } from '../../core/docs/docs-url.ts';
import { safeHref } from './safe-href.ts';

/** One nav entry as the templates draw it. */
export interface NavView {
  title: string;
  href?: string;
  external?: boolean;
  current?: boolean;
  /** A section holding the current page starts open. */
  open?: boolean;
  children?: NavView[];
}

export interface NavWithTrail {
  items: NavView[];
  /** Titles of the sections the current page sits in, outermost first (for the breadcrumbs). */
  trail: string[];
}

const itemView = (item: DocsNavItem, entityRef: string, currentPath: string): { view: NavView; trail?: string[] } => {
  if (item.children) {
    const children = item.children.map((child) => itemView(child, entityRef, currentPath));
    const inner = children.find((child) => child.trail !== undefined)?.trail;
    const view = { title: item.title, children: children.map((child) => child.view), open: inner !== undefined };
    return inner !== undefined ? { view, trail: [item.title, ...inner] } : { view };
  }
  if (item.path !== undefined) {
    const current = item.path === currentPath;
    return { view: { title: item.title, href: docsPagePath(entityRef, item.path), current }, ...(current ? { trail: [] } : {}) };
  }
  const href = safeHref(item.url);
  return { view: href ? { title: item.title, href, external: true } : { title: item.title } };
};

/** The site's nav with the current page marked, the sections above it open, and the way down to it. */
export const buildNavView = (nav: readonly DocsNavItem[], entityRef: string, currentPath: string): NavWithTrail => {
  const items = nav.map((item) => itemView(item, entityRef, currentPath));
  return { items: items.map((item) => item.view), trail: items.find((item) => item.trail !== undefined)?.trail ?? [] };
};
