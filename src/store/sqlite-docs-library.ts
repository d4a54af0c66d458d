import type Database from 'better-sqlite3';
import { type DocsHit, type DocsLibrary, type DocsSearchOptions, type DocsSiteSummary } from '../core/docs/docs-library.ts';
import type { DocsHeading, DocsNavItem, DocsPage, DocsWarning } from '../core/docs/docs-site.ts';
import { markSnippet } from '../core/docs/mark-snippet.ts';
import { rankSections } from '../core/docs/rank-sections.ts';
import { tokenizeQuery } from '../core/search/search-query.ts';
import { docsSiteToken } from './docs-search-site.ts';

/** Words of context around the matched ones in a snippet. */
const SNIPPET_TOKENS = 16;
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

/** A term as FTS5 reads it: quoted, so nothing typed is FTS5 syntax; `*` makes it a prefix. */
const quoted = (term: string, prefix: boolean): string => `"${term.replace(/"/g, '""')}"${prefix ? '*' : ''}`;

/**
 * The match expressions tried in turn, each filling the places the ones before it left open: every term a whole
 * word; then the last one a prefix (the word still being typed: `checkout roll` finds rollback); then every term a
 * prefix (`refu back`). A prefix costs FTS5 the postings of every word it starts, so the whole words a person
 * finished typing stay whole as long as that finds something.
 */
const stagesOf = (terms: readonly string[]): { match: string; prefixes: boolean }[] => {
  const last = terms.length - 1;
  const expressions = [
    terms.map((term) => quoted(term, false)),
    terms.map((term, index) => quoted(term, index === last)),
    terms.map((term) => quoted(term, true)),
  ].map((parts) => parts.join(' AND '));
  return [...new Set(expressions)].map((match, index) => ({ match, prefixes: index > 0 }));
};

/**
 * A common word matches most of 100,000 sections, so FTS5 is asked only for ids, which it streams and stops after
 * POOL (no bm25(): its first call scans every posting of every term to weigh them, ~4 ms for a common word).
 * rankSections orders the pool (see candidates). A word in fewer sections than that has all of them ranked; a
 * very common one, the best of the first POOL, title and heading hits first.
 */
const POOL = 100;

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
      // Ids only: FTS5 streams them in rowid order and stops at the pool (see POOL). The words are kept to the
      // text columns: `site` holds one token per site (docs-search-site.ts), which a typed prefix could otherwise match.
      matching: client.prepare<{ match: string; pool: number }, { id: number }>(
        'SELECT rowid AS id FROM docs_search WHERE docs_search MATCH @match LIMIT @pool',
      ),
      matchingIn: client.prepare<{ ref: string; match: string; pool: number }, { id: number }>(
        `SELECT rowid AS id FROM docs_search WHERE docs_search MATCH '{site} : ' || ${docsSiteToken('@ref')} || ' AND ' || @match LIMIT @pool`,
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

  /**
   * The candidate ids of one match: the first POOL in titles and headings; when those are fewer than `limit`, also
   * the first POOL in any column. A title or heading hit outranks a text hit (weights 10 and 5 against 1), so text
   * is searched only for the places title and heading hits leave open, which halves a common word's work.
   */
  private candidates(match: string, limit: number, ref: string | undefined): number[] {
    const pool = Math.max(POOL, limit);
    const find = (columns: string) => {
      const expression = `{${columns}} : (${match})`;
      return (ref ? this.statements.matchingIn.all({ ref, match: expression, pool }) : this.statements.matching.all({ match: expression, pool })).map(
        (row) => row.id,
      );
    };
    const headed = find('page_title heading');
    return headed.length >= limit ? headed : [...new Set([...headed, ...find('page_title heading text')])];
  }

  /** The sections of `ids`, in that order (rankSections keeps it on ties: title and heading hits first). */
  private sections(ids: readonly number[]): HitRow[] {
    if (ids.length === 0) return [];
    const byId = new Map(this.statements.details.all({ ids: JSON.stringify(ids) }).map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  search(words: string, options: DocsSearchOptions = {}): DocsHit[] {
    const terms = tokenizeQuery(words);
    if (terms.length === 0) return [];
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT)));
    const asked = options.entityRef?.toLowerCase();
    const lender = asked ? this.statements.lenderOf.get({ ref: asked })!.ref : undefined;
    const hits: HitRow[] = [];
    const seen = new Set<number>();
    for (const stage of stagesOf(terms)) {
      if (hits.length >= limit) break;
      const ids = this.candidates(stage.match, limit, lender).filter((id) => !seen.has(id));
      const ranked = rankSections(this.sections(ids), terms, { prefixes: stage.prefixes }).slice(0, limit - hits.length);
      for (const row of ranked) seen.add(row.id);
      hits.push(...ranked);
    }
    return hits.map((row) => ({
      // A borrower asked for its docs: the hits are its own.
      entityRef: asked ?? row.entityRef,
      pagePath: row.pagePath,
      pageTitle: row.pageTitle,
      anchor: row.anchor,
      heading: row.heading,
      snippet: markSnippet(row.text, terms, SNIPPET_TOKENS),
    }));
  }
}
