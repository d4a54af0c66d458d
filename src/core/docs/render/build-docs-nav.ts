import type { DocsNavItem } from '../docs-site.ts';
import type { MkdocsNavEntry } from './read-mkdocs-nav.ts';
import { humanise } from './page-titles.ts';
import { folderOf, isMarkdownPath, resolvePath } from './site-paths.ts';

/** A rendered page as the nav sees it. */
export interface NavPage {
  sourcePath: string;
  servedPath: string;
  title: string;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** The nav written in mkdocs.yml: pages by served path, external links as they are; a missing page is a warning (with its line) and left out. */
export const buildConfiguredNav = (entries: MkdocsNavEntry[], pages: NavPage[], warn: (line: number, message: string) => void): DocsNavItem[] => {
  const bySource = new Map(pages.map((page) => [page.sourcePath, page]));
  const byServed = new Map(pages.map((page) => [page.servedPath, page]));
  const build = (entry: MkdocsNavEntry): DocsNavItem[] => {
    if (entry.children) return [{ title: entry.title ?? '', children: entry.children.flatMap(build) }];
    const target = entry.target ?? '';
    if (EXTERNAL.test(target) || target.startsWith('/')) return [{ title: entry.title ?? target, url: target }];
    const path = resolvePath('', target);
    const page =
      path === undefined ? undefined : isMarkdownPath(path) ? bySource.get(path) : byServed.get(path.endsWith('/') || path === '' ? path : `${path}/`);
    if (!page) {
      warn(entry.line, `nav: ${target} is not a page in the docs folder; the entry is left out`);
      return [];
    }
    return [{ title: entry.title ?? page.title, path: page.servedPath }];
  };
  return entries.flatMap(build);
};

/** Without a nav: mkdocs' own, one section per folder, each folder's index first, then its pages, then its subfolders, alphabetically. */
export const buildDefaultNav = (pages: NavPage[]): DocsNavItem[] => {
  const folders = new Map<string, { pages: NavPage[]; subfolders: Set<string> }>();
  const folder = (path: string) => {
    let entry = folders.get(path);
    if (!entry) {
      entry = { pages: [], subfolders: new Set() };
      folders.set(path, entry);
      if (path !== '') folder(folderOf(path.slice(0, -1))).subfolders.add(path);
    }
    return entry;
  };
  for (const page of pages) folder(folderOf(page.sourcePath)).pages.push(page);
  const itemsOf = (path: string): DocsNavItem[] => {
    const { pages: here, subfolders } = folder(path);
    const sorted = [...here].sort((a, b) => rank(a, path) - rank(b, path) || compare(a.sourcePath, b.sourcePath));
    const sections = [...subfolders].sort(compare).map((sub) => ({ title: humanise(sub.slice(path.length, -1)), children: itemsOf(sub) }));
    return [...sorted.map((page) => ({ title: page.title, path: page.servedPath })), ...sections];
  };
  return itemsOf('');
};

/** A folder's own page (served at the folder's path) comes first. */
const rank = (page: NavPage, folderPath: string): number => (page.servedPath === folderPath ? 0 : 1);

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
