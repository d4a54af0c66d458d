import type { DocsHit, DocsLibrary, DocsSearchOptions, DocsSiteSummary } from '../../src/core/docs/docs-library.ts';
import { snippetMark } from '../../src/core/docs/docs-library.ts';
import type { BuiltDocsSite } from '../../src/core/docs/docs-site.ts';

export interface MemorySite {
  site: BuiltDocsSite;
  commit?: string;
  builtAt?: string;
  lastError?: string;
}

const summaryOf = ({ site, commit, builtAt = '2026-12-01T09:30:00.000Z', lastError }: MemorySite): DocsSiteSummary => ({
  entityRef: site.entityRef,
  siteName: site.siteName,
  nav: site.nav,
  pageCount: site.pages.length,
  ...(site.repoUrl ? { repoUrl: site.repoUrl } : {}),
  ...(commit ? { commit } : {}),
  builtAt,
  changedAt: builtAt,
  warnings: site.warnings,
  ...(lastError ? { lastError } : {}),
});

/** The first word found in `text`, marked, with some words around it. */
const snippetOf = (text: string, words: string[]): string | undefined => {
  const lower = text.toLowerCase();
  const word = words.find((candidate) => lower.includes(candidate));
  if (!word) return undefined;
  const at = lower.indexOf(word);
  const start = Math.max(0, at - 30);
  return `${text.slice(start, at)}${snippetMark.start}${text.slice(at, at + word.length)}${snippetMark.end}${text.slice(at + word.length, at + word.length + 30)}`;
};

/**
 * DocsLibrary over built sites held in memory, for the HTTP tests: lookups as the contract says (refs canonical),
 * search a plain case-insensitive substring match of any word over each section's heading and text.
 */
export const memoryDocsLibrary = (sites: MemorySite[]): DocsLibrary => {
  const byRef = new Map(sites.map((entry) => [entry.site.entityRef, entry]));
  const search = (words: string, options: DocsSearchOptions = {}): DocsHit[] => {
    const terms = words.toLowerCase().split(/\s+/).filter(Boolean);
    const hits: DocsHit[] = [];
    for (const { site } of sites) {
      if (options.entityRef && options.entityRef !== site.entityRef) continue;
      for (const page of site.pages)
        for (const section of page.sections) {
          const snippet = snippetOf(`${section.heading} ${section.text}`.trim(), terms);
          if (snippet)
            hits.push({ entityRef: site.entityRef, pagePath: page.path, pageTitle: page.title, anchor: section.anchor, heading: section.heading, snippet });
        }
    }
    return hits.slice(0, options.limit ?? 20);
  };
  return {
    site: (ref) => {
      const entry = byRef.get(ref);
      return entry ? summaryOf(entry) : undefined;
    },
    sites: () => sites.map(summaryOf),
    page: (ref, pagePath) => byRef.get(ref)?.site.pages.find((page) => page.path === pagePath),
    asset: (ref, assetPath) => {
      const asset = byRef.get(ref)?.site.assets.find((candidate) => candidate.path === assetPath);
      return asset ? { contentType: asset.contentType, data: asset.data } : undefined;
    },
    search,
  };
};
