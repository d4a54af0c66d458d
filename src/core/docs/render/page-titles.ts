import type { MkdocsNavEntry } from './read-mkdocs-nav.ts';
import { resolvePath } from './site-paths.ts';

/** mkdocs' title from a file name: `getting-started.md` → "Getting started", a folder's index → the folder's name, the home page → "Home". */
export const titleFromPath = (sourcePath: string): string => {
  const parts = sourcePath.split('/');
  const stem = parts[parts.length - 1]!.replace(/\.[^.]*$/, '');
  const isIndex = /^(index|readme)$/i.test(stem);
  const raw = isIndex ? (parts[parts.length - 2] ?? 'Home') : stem;
  return humanise(raw);
};

export const humanise = (name: string): string => {
  const spaced = name.replace(/[-_]/g, ' ');
  return spaced === spaced.toLowerCase() ? spaced.charAt(0).toUpperCase() + spaced.slice(1) : spaced;
};

/** The titles `nav` gives pages (`- Title: file.md`), first mention wins: they override the pages' own titles. */
export const navTitles = (entries: MkdocsNavEntry[] | undefined): Map<string, string> => {
  const titles = new Map<string, string>();
  const visit = (entry: MkdocsNavEntry): void => {
    if (entry.children) entry.children.forEach(visit);
    else if (entry.title !== undefined && entry.target !== undefined) {
      const target = resolvePath('', entry.target);
      if (target !== undefined && !titles.has(target)) titles.set(target, entry.title);
    }
  };
  entries?.forEach(visit);
  return titles;
};
