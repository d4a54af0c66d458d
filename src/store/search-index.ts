import type Database from 'better-sqlite3';
import type { SearchHit, SearchOptions, SearchResult } from '../core/catalog-reader/catalog-queries.ts';
import { suggestQuery, toMatchExpression, tokenizeQuery } from '../core/search/search-query.ts';
import { parseTextFields } from './stored-rows.ts';

/** bm25 weights per column: name, title, description, tags, owner. A name hit outranks a description hit. */
const RANK = 'bm25(entity_search, 10.0, 5.0, 1.0, 3.0, 2.0)';

/** Ranked candidates read before the kind filter and the page cut; a kind filter discards after ranking, so it starts from a larger pool. Pages past the pool grow it to the page's end. */
const POOL = 200;
const KIND_POOL = 5000;

interface HitRow {
  id: number;
  ref: string;
  kind: string;
  /** JSON array of name, title and description. */
  fields: string;
  ownerRef: string | null;
  score: number;
}

interface PageParams {
  limit: number;
  kind: string | null;
}
type NamedParams = PageParams & { exact: string };
type RankedParams = PageParams & { match: string; exclude: string; pool: number };
type CountParams = { exact: string; match: string; kind: string | null };
type TermParams = { term: string; upper: string };

/**
 * Full-text search over the catalog with SQLite FTS5: prefix matching, ranking, and typo suggestions.
 *
 * Ranking comes in tiers: the entity named exactly what was typed, then entities whose name starts with it
 * (shortest first, from the name index), then the best bm25 matches of the rest. The name tiers are an index
 * range, so a common word that starts thousands of names ("checkout") fills a page without ranking every
 * match; bm25 runs only for the places still open (it costs about a microsecond per matching entity).
 */
export class SearchIndex {
  private readonly statements;
  private vocabulary: { version: number; terms: Map<string, number> } | undefined;

  constructor(
    client: Database.Database,
    private readonly catalogVersion: () => number,
  ) {
    const kindFilter = (alias: string) => `(@kind IS NULL OR ${alias}.kind = @kind COLLATE NOCASE)`;
    // Details (json_extract over the body) for one page only, never for every candidate.
    const details = (from: string, order: string) => `
      SELECT e.id, e.ref, e.kind, json_extract(e.body, '$.metadata.name', '$.metadata.title', '$.metadata.description') AS fields,
        (SELECT o.target_ref FROM relations o WHERE o.source_ref = e.ref AND o.type = 'ownedBy' LIMIT 1) AS ownerRef, c.score
      FROM ${from} c JOIN entities e ON e.id = c.id ORDER BY ${order}`;
    const ranked = `
      WITH top AS (
        SELECT rowid AS id, ${RANK} AS score FROM entity_search WHERE entity_search MATCH @match ORDER BY score LIMIT @pool
      ),
      page AS (
        SELECT t.id, t.score FROM top t JOIN entities e ON e.id = t.id
        WHERE ${kindFilter('e')} AND t.id NOT IN (SELECT value FROM json_each(@exclude))
        ORDER BY t.score LIMIT @limit
      )
      ${details('page', 'c.score')}`;
    // Every match of both tiers, once each: the true number a page counter shows, not the page's length.
    // Without a kind the FTS side needs no join; bm25 is not computed for a count.
    const count = (kindJoin: string) => `
      SELECT count(*) AS n FROM (
        SELECT e.id FROM entities e WHERE e.name >= @exact AND e.name < @exact || '~' AND ${kindFilter('e')}
        UNION
        SELECT s.rowid FROM entity_search s ${kindJoin} WHERE entity_search MATCH @match
      )`;
    this.statements = {
      // Exact name first (score -2), then the shortest names starting with it (score -1).
      named: client.prepare<NamedParams, HitRow>(`
        WITH page AS (
          SELECT e.id, CASE WHEN e.name = @exact THEN -2.0 ELSE -1.0 END AS score, length(e.name) AS len, e.name FROM entities e
          WHERE e.name >= @exact AND e.name < @exact || '~' AND ${kindFilter('e')}
          ORDER BY score, len, e.name LIMIT @limit
        )
        ${details('page', 'c.score, c.len, c.name')}`),
      ranked: client.prepare<RankedParams, HitRow>(ranked),
      count: client.prepare<CountParams, { n: number }>(count('')),
      countKind: client.prepare<CountParams, { n: number }>(count(`JOIN entities e ON e.id = s.rowid AND ${kindFilter('e')}`)),
      knownPrefix: client.prepare<TermParams, { found: number }>('SELECT 1 AS found FROM entity_search_terms WHERE term >= @term AND term < @upper LIMIT 1'),
      terms: client.prepare<[], { term: string; doc: number }>("SELECT term, doc FROM entity_search_terms WHERE term GLOB '*[a-z]*'"),
    };
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const terms = tokenizeQuery(query);
    if (terms.length === 0) return { query, hits: [], total: 0 };
    const total = this.count(terms, options);
    if (total > 0) return { query, hits: this.run(terms, options), total };
    const corrected = suggestQuery(terms, (term) => this.isKnownPrefix(term), this.terms());
    const correctedTotal = corrected ? this.count(corrected, options) : 0;
    if (!corrected || correctedTotal === 0) return { query, hits: [], total: 0 };
    return { query, hits: this.run(corrected, options), total: correctedTotal, didYouMean: corrected.join(' ') };
  }

  /** Every entity the terms match, in either tier. */
  private count(terms: readonly string[], options: SearchOptions): number {
    const statement = options.kind ? this.statements.countKind : this.statements.count;
    return statement.get({ exact: terms.join('-'), match: toMatchExpression(terms), kind: options.kind ?? null })?.n ?? 0;
  }

  /** The page `offset` … `offset + limit` of the ranked tiers: both are read from the top down to the page's end. */
  private run(terms: readonly string[], options: SearchOptions): SearchHit[] {
    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    const end = offset + (options.limit ?? 20);
    const kind = options.kind ?? null;
    const named = this.statements.named.all({ exact: terms.join('-'), limit: end, kind });
    if (named.length >= end) return named.slice(offset).map(toHit);
    const pool = Math.max(kind ? KIND_POOL : POOL, end);
    const params = { match: toMatchExpression(terms), limit: end - named.length, kind, pool, exclude: JSON.stringify(named.map((row) => row.id)) };
    return [...named, ...this.statements.ranked.all(params)].slice(offset).map(toHit);
  }

  private isKnownPrefix(term: string): boolean {
    return this.statements.knownPrefix.get({ term, upper: `${term}\uffff` }) !== undefined;
  }

  /** Words of the index (numbers left out), cached until the catalog changes. */
  private terms(): Map<string, number> {
    const version = this.catalogVersion();
    if (this.vocabulary?.version !== version) {
      const rows = this.statements.terms.all();
      this.vocabulary = { version, terms: new Map(rows.map((row) => [row.term, row.doc])) };
    }
    return this.vocabulary.terms;
  }
}

const toHit = (row: HitRow): SearchHit => {
  const [name, title, description] = parseTextFields(row.fields);
  return {
    ref: row.ref,
    kind: row.kind,
    // Every stored entity has a name; the ref's last part is the same name in lowercase.
    name: name ?? row.ref.slice(row.ref.indexOf('/') + 1),
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    ...(row.ownerRef ? { ownerRef: row.ownerRef } : {}),
    score: row.score,
  };
};
