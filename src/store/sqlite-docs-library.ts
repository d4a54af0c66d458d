import type Database from 'better-sqlite3';
import { type DocsHit, type DocsLibrary, type DocsSearchOptions, type DocsSiteSummary } from '../core/docs/docs-library.ts';
import type { DocsHeading, DocsNavItem, DocsPage, DocsWarning } from '../core/docs/docs-site.ts';
import { markSnippet } from '../core/docs/mark-snippet.ts';
import { toMatchExpression, tokenizeQuery } from '../core/search/search-query.ts';

/** bm25 weights per column: page title, heading, text. A word in a title or heading outranks the same word in text. */
const RANK = 'bm25(docs_search, 10.0, 5.0, 1.0)';
/** Words of context around the matched ones in a snippet. */
const SNIPPET_TOKENS = 16;
const DEFAULT_LIMIT = 10;

/** Every term as a whole word (quoted, so nothing typed is FTS5 syntax). */
const wholeWords = (terms: readonly string[]): string => terms.map((term) => `"${term.replace(/"/g, '""')}"`).join(' AND ');
/**
 * bm25 costs microseconds per matching section, and a common word matches most of 100,000 sections: ranking them all
 * took hundreds of milliseconds. So the rank is taken over the first POOL matches in titles and headings plus the first
 * POOL in any column. A word in fewer sections than that (nearly every real query) gets the exact bm25 order; a very
 * common one, the best of a pool in which title and heading hits come first.
 */
const POOL = 300;
const MAX_LIMIT = 100;

interface SiteRow {
  entityRef: string;
  siteName: string;
  navJson: string;
  pageCount: number;
  repoUrl: string | null;
  commit: string | null;
  builtAt: number;
  changedAt: number | null;
  warningsJson: string;
  lastError: string | null;
}

interface PageRow {
  path: string;
  sourcePath: string;
  title: string;
  html: string;
  tocJson: string;
  editUrl: string | null;
}

interface HitRow {
  id: number;
  entityRef: string;
  pagePath: string;
  pageTitle: string;
  anchor: string;
  heading: string;
  text: string;
}

const SITE_COLUMNS = `entity_ref AS entityRef, site_name AS siteName, nav_json AS navJson, page_count AS pageCount, repo_url AS repoUrl,
  "commit" AS "commit", built_at AS builtAt, changed_at AS changedAt, warnings_json AS warningsJson, last_error AS lastError`;

const toSummary = (row: SiteRow, entityRef: string): DocsSiteSummary => ({
  entityRef,
  siteName: row.siteName,
  nav: JSON.parse(row.navJson) as DocsNavItem[],
  pageCount: row.pageCount,
  ...(row.repoUrl ? { repoUrl: row.repoUrl } : {}),
  ...(row.commit ? { commit: row.commit } : {}),
  builtAt: new Date(row.builtAt).toISOString(),
  changedAt: new Date(row.changedAt ?? row.builtAt).toISOString(),
  warnings: JSON.parse(row.warningsJson) as DocsWarning[],
  ...(row.lastError ? { lastError: row.lastError } : {}),
});

/**
 * The read side of built docs over SQLite (the reader connection: answers never wait behind a build). A
 * `techdocs-entity` borrower reads its lender's site under its own ref.
 */
export class SqliteDocsLibrary implements DocsLibrary {
  private readonly statements;

  constructor(client: Database.Database) {
    const lender = 'coalesce((SELECT lender_ref FROM docs_borrowers WHERE entity_ref = @ref), @ref)';
    const details = `SELECT id, entity_ref AS entityRef, page_path AS pagePath, page_title AS pageTitle, anchor, heading, text
      FROM docs_sections WHERE id IN (SELECT value FROM json_each(@ids))`;
    this.statements = {
      site: client.prepare<{ ref: string }, SiteRow>(`SELECT ${SITE_COLUMNS} FROM docs_sites WHERE entity_ref = ${lender} AND built_at IS NOT NULL`),
      sites: client.prepare<[], SiteRow>(`SELECT ${SITE_COLUMNS} FROM docs_sites WHERE built_at IS NOT NULL`),
      borrowers: client.prepare<[], { entityRef: string; lenderRef: string }>('SELECT entity_ref AS entityRef, lender_ref AS lenderRef FROM docs_borrowers'),
      page: client.prepare<{ ref: string; path: string }, PageRow>(
        `SELECT path, source_path AS sourcePath, title, html, toc_json AS tocJson, edit_url AS editUrl FROM docs_pages WHERE entity_ref = ${lender} AND path = @path`,
      ),
      sections: client.prepare<{ ref: string; path: string }, { anchor: string; heading: string; text: string }>(
        `SELECT anchor, heading, text FROM docs_sections WHERE entity_ref = ${lender} AND page_path = @path ORDER BY id`,
      ),
      asset: client.prepare<{ ref: string; path: string }, { contentType: string; data: Buffer }>(
        `SELECT content_type AS contentType, data FROM docs_assets WHERE entity_ref = ${lender} AND path = @path`,
      ),
      lenderOf: client.prepare<{ ref: string }, { ref: string }>(`SELECT ${lender} AS ref`),
      // The best ids first (bm25 only), then snippets for that page of hits alone. bm25 is computed for a bounded pool:
      // the first POOL matches in titles and headings, and the first POOL in any column (see POOL).
      ranked: client.prepare<{ match: string; headed: string; limit: number; pool: number }, { id: number }>(
        `SELECT id FROM (
           SELECT * FROM (SELECT rowid AS id, ${RANK} AS score FROM docs_search WHERE docs_search MATCH @headed LIMIT @pool)
           UNION ALL
           SELECT * FROM (SELECT rowid AS id, ${RANK} AS score FROM docs_search WHERE docs_search MATCH @match LIMIT @pool)
         ) GROUP BY id ORDER BY min(score) LIMIT @limit`,
      ),
      // One site's sections are one rowid range (a site is written in one transaction): FTS5 seeks straight to it.
      span: client.prepare<{ ref: string }, { low: number | null; high: number | null }>(
        'SELECT min(id) AS low, max(id) AS high FROM docs_sections WHERE entity_ref = @ref',
      ),
      rankedIn: client.prepare<{ match: string; limit: number; ref: string; low: number; high: number }, { id: number }>(
        `SELECT f.rowid AS id FROM docs_search f JOIN docs_sections s ON s.id = f.rowid
         WHERE docs_search MATCH @match AND f.rowid BETWEEN @low AND @high AND s.entity_ref = @ref ORDER BY ${RANK} LIMIT @limit`,
      ),
      details: client.prepare<{ ids: string }, HitRow>(details),
    };
  }

  site(entityRef: string): DocsSiteSummary | undefined {
    const ref = entityRef.toLowerCase();
    const row = this.statements.site.get({ ref });
    return row ? toSummary(row, ref) : undefined;
  }

  sites(): DocsSiteSummary[] {
    const rows = new Map(this.statements.sites.all().map((row) => [row.entityRef, row]));
    const summaries = [...rows.values()].map((row) => toSummary(row, row.entityRef));
    for (const { entityRef, lenderRef } of this.statements.borrowers.all()) {
      const lent = rows.get(lenderRef);
      if (lent && !rows.has(entityRef)) summaries.push(toSummary(lent, entityRef));
    }
    return summaries.sort((a, b) => (a.entityRef < b.entityRef ? -1 : a.entityRef > b.entityRef ? 1 : 0));
  }

  page(entityRef: string, pagePath: string): DocsPage | undefined {
    const key = { ref: entityRef.toLowerCase(), path: pagePath };
    const row = this.statements.page.get(key);
    if (!row) return undefined;
    return {
      path: row.path,
      sourcePath: row.sourcePath,
      title: row.title,
      html: row.html,
      toc: JSON.parse(row.tocJson) as DocsHeading[],
      sections: this.statements.sections.all(key),
      ...(row.editUrl ? { editUrl: row.editUrl } : {}),
    };
  }

  asset(entityRef: string, assetPath: string): { contentType: string; data: Uint8Array } | undefined {
    const row = this.statements.asset.get({ ref: entityRef.toLowerCase(), path: assetPath });
    return row ? { contentType: row.contentType, data: new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength) } : undefined;
  }

  private rankAll(match: string, limit: number): { id: number }[] {
    return this.statements.ranked.all({ match, headed: `{page_title heading} : (${match})`, limit, pool: Math.max(POOL, limit) });
  }

  private rankIn(ref: string, match: string, limit: number): { id: number }[] {
    const { low, high } = this.statements.span.get({ ref }) ?? {};
    if (low === null || low === undefined || high === null || high === undefined) return [];
    return this.statements.rankedIn.all({ match, limit, ref, low, high });
  }

  search(words: string, options: DocsSearchOptions = {}): DocsHit[] {
    const terms = tokenizeQuery(words);
    if (terms.length === 0) return [];
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT)));
    const asked = options.entityRef?.toLowerCase();
    const rank = (match: string) => (asked ? this.rankIn(this.statements.lenderOf.get({ ref: asked })!.ref, match, limit) : this.rankAll(match, limit));
    // Whole words first: a prefix of a common word expands to hundreds of terms and costs ten times more; prefixes
    // (a word still being typed) only fill the places whole words left open.
    const ids = rank(wholeWords(terms));
    if (ids.length < limit) {
      const seen = new Set(ids.map((row) => row.id));
      ids.push(...rank(toMatchExpression(terms)).filter((row) => !seen.has(row.id)));
    }
    ids.splice(limit);
    if (ids.length === 0) return [];
    const byId = new Map(this.statements.details.all({ ids: JSON.stringify(ids.map((row) => row.id)) }).map((row) => [row.id, row]));
    return ids.flatMap(({ id }) => {
      const row = byId.get(id);
      if (!row) return [];
      // A borrower asked for its docs: the hits are its own.
      const entityRef = asked ?? row.entityRef;
      return [
        {
          entityRef,
          pagePath: row.pagePath,
          pageTitle: row.pageTitle,
          anchor: row.anchor,
          heading: row.heading,
          snippet: markSnippet(row.text, terms, SNIPPET_TOKENS),
        },
      ];
    });
  }
}
