import type { DocsHit, DocsLibrary, DocsSearchOptions, DocsSiteSummary } from '../../src/core/docs/docs-library.ts';
import { snippetMark } from '../../src/core/docs/docs-library.ts';
import type { DocsPage } from '../../src/core/docs/docs-site.ts';

/** A docs page as a test writes it: a path, a title and its sections (heading '' for the text above the first heading). */
export interface PlainPage {
  path: string;
  title: string;
  sections: Array<{ anchor: string; heading: string; text: string }>;
}

/** A built site as a test writes it; everything the answers do not read gets a default. */
export interface PlainSite {
  entityRef: string;
  siteName: string;
  pages: PlainPage[];
  commit?: string;
  builtAt?: string;
  lastError?: string;
}

const summaryOf = (site: PlainSite): DocsSiteSummary => ({
  entityRef: site.entityRef,
  siteName: site.siteName,
  nav: site.pages.map((page) => ({ title: page.title, path: page.path })),
  pageCount: site.pages.length,
  ...(site.commit ? { commit: site.commit } : {}),
  builtAt: site.builtAt ?? '2026-12-01T09:30:00.000Z',
  changedAt: site.builtAt ?? '2026-12-01T09:30:00.000Z',
  warnings: [],
  ...(site.lastError ? { lastError: site.lastError } : {}),
});

const pageOf = (page: PlainPage): DocsPage => ({
  path: page.path,
  sourcePath: `${page.path.replace(/\/$/, '') || 'index'}.md`,
  title: page.title,
  html: page.sections.map((section) => `<p>${section.text}</p>`).join(''),
  toc: page.sections.filter((section) => section.anchor).map((section) => ({ level: 2, text: section.heading, anchor: section.anchor })),
  sections: page.sections,
});

/** Every occurrence of any word in `text`, marked, as FTS5's snippet() marks matched tokens. */
const markWords = (text: string, words: readonly string[]): string =>
  words.reduce(
    (marked, word) => marked.replace(new RegExp(`\\b(${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`, 'gi'), `${snippetMark.start}$1${snippetMark.end}`),
    text,
  );

/**
 * DocsLibrary over plain objects, for answers' tests: a section matches when its page title, heading or text holds
 * every word as a word prefix (as the FTS5 index with prefixes matches); hits come in site, page and section order.
 */
export const plainDocsLibrary = (sites: readonly PlainSite[]): DocsLibrary => {
  const byRef = new Map(sites.map((site) => [site.entityRef, site]));
  const search = (query: string, options: DocsSearchOptions = {}): DocsHit[] => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const holds = (text: string) => words.every((word) => new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i').test(text));
    const hits = sites
      .filter((site) => !options.entityRef || options.entityRef === site.entityRef)
      .flatMap((site) =>
        site.pages.flatMap((page) =>
          page.sections
            .filter((section) => holds(`${page.title} ${section.heading} ${section.text}`))
            .map((section) => ({
              entityRef: site.entityRef,
              pagePath: page.path,
              pageTitle: page.title,
              anchor: section.anchor,
              heading: section.heading,
              snippet: markWords(section.text, words),
            })),
        ),
      );
    return hits.slice(0, options.limit ?? 20);
  };
  return {
    site: (ref) => {
      const site = byRef.get(ref);
      return site ? summaryOf(site) : undefined;
    },
    sites: () => sites.map(summaryOf),
    page: (ref, pagePath) => {
      const page = byRef.get(ref)?.pages.find((candidate) => candidate.path === pagePath);
      return page ? pageOf(page) : undefined;
    },
    asset: () => undefined,
    search,
  };
};

/** The example org's payments-api docs (examples/acme/services/payments-api/docs), cut down to what the answers read. */
export const paymentsApiSite: PlainSite = {
  entityRef: 'component:default/payments-api',
  siteName: 'Payments API',
  commit: '4f1c2a9e0b7d',
  builtAt: '2026-12-01T09:30:00.000Z',
  pages: [
    { path: '', title: 'Overview', sections: [{ anchor: '', heading: '', text: 'Payments API takes card and wallet payments and refunds them.' }] },
    {
      path: 'runbook/',
      title: 'Runbook',
      sections: [
        { anchor: '', heading: '', text: 'PagerDuty: Payments API. Incidents that may have charged customers wrongly are always SEV-1.' },
        { anchor: 'provider-outage', heading: 'Provider outage', text: 'Symptoms: PaymentsProviderErrorRate alert, 5xx or timeouts from the provider.' },
        {
          anchor: 'ledger-and-provider-disagree',
          heading: 'Ledger and provider disagree',
          text: 'The nightly reconciliation job posts mismatches to #payments-recon.',
        },
      ],
    },
  ],
};
