import { folderOf, isMarkdownPath, relativeUrl, resolvePath } from './site-paths.ts';

/** What a relative URL in a page points at, rewritten for the served site, or why it points at nothing. */
export type ResolvedUrl = { ok: true; url: string } | { ok: false; problem: string };

export interface LinkResolver {
  /**
   * `href` as written in the page whose source is `fromSource` (relative to docs_dir) and which is served at
   * `fromServed`. External URLs, `#anchors` and absolute paths come back unchanged.
   */
  resolve(href: string, fromSource: string, fromServed: string, kind: 'link' | 'image'): ResolvedUrl;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

const decode = (path: string): string => {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
};

/** `pages`: Markdown source path → served path; `assets`: the asset paths, all relative to docs_dir. */
export const createLinkResolver = (pages: ReadonlyMap<string, string>, assets: ReadonlySet<string>): LinkResolver => {
  const servedPaths = new Set(pages.values());
  return {
    resolve(href, fromSource, fromServed, kind) {
      if (href === '' || href.startsWith('#') || href.startsWith('/') || EXTERNAL.test(href)) return { ok: true, url: href };
      const split = /^([^?#]*)(.*)$/s.exec(href)!;
      const suffix = split[2]!;
      const target = resolvePath(folderOf(fromSource), decode(split[1]!));
      if (target === undefined) return { ok: false, problem: `${kind} ${href} points outside the docs folder` };
      if (target === '' || target.endsWith('/')) {
        if (servedPaths.has(target)) return { ok: true, url: relativeUrl(fromServed, target) + suffix };
        return { ok: false, problem: `link ${href}: no page ${target || 'index'} in the docs (add ${target}index.md)` };
      }
      if (isMarkdownPath(target)) {
        const served = pages.get(target);
        if (served !== undefined) return { ok: true, url: relativeUrl(fromServed, served) + suffix };
        return { ok: false, problem: `${kind} ${href}: no page ${target} in the docs` };
      }
      if (assets.has(target)) return { ok: true, url: relativeUrl(fromServed, target) + suffix };
      if (servedPaths.has(`${target}/`)) return { ok: true, url: relativeUrl(fromServed, `${target}/`) + suffix };
      return { ok: false, problem: `${kind} ${href}: no file ${target} in the docs` };
    },
  };
};
