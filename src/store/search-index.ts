import type Database from 'better-sqlite3';
import { suggestQuery, toMatchExpression, tokenizeQuery } from '../core/search/search-query.ts';

export interface SearchHit {
  ref: string;
  kind: string;
  name: string;
  title?: string;
  description?: string;
  ownerRef?: string;
  score: number;
}

export interface SearchResult {
  query: string;
  hits: SearchHit[];
  /** Set when the query as typed found nothing and a corrected one did ("did you mean"). */
  didYouMean?: string;
}

export interface SearchOptions {
  kind?: string;
  limit?: number;
}

/** bm25 weights per column: name, title, description, tags, owner. A name hit outranks a description hit. */
const RANK = 'bm25(entity_search, 10.0, 5.0, 1.0, 3.0, 2.0)';

/** An entity named exactly what was typed comes first, then names that start with it, then bm25 order. */
const NAME_FIRST = `CASE WHEN e.name = @exact THEN 0 WHEN e.name >= @exact AND e.name < @exact || '~' THEN 1 ELSE 2 END`;

/** Full-text search over the catalog with SQLite FTS5: prefix matching, ranking, and typo suggestions. */
export class SearchIndex {
  private readonly statements;
  private vocabulary: { version: number; terms: Map<string, number> } | undefined;

  constructor(
    client: Database.Database,
    private readonly catalogVersion: () => number,
  ) {
    // Rank on the index alone first (bm25 over the matches, no table access), keep the best candidates plus
    // any entity named exactly what was typed, then order those by name match and fetch details for one
    // page only: json_extract over every match of a common word would cost more than the search itself.
    const ranked = (kindFilter: string, pool: number) => `
      WITH top AS (
        SELECT rowid AS id, ${RANK} AS score FROM entity_search WHERE entity_search MATCH @match ORDER BY score LIMIT ${pool}
      ),
      candidates AS (
        SELECT id, score FROM top
        UNION ALL
        SELECT e.id, -1e9 FROM entities e WHERE e.name = @exact AND e.id NOT IN (SELECT id FROM top)
      ),
      ranked AS (
        SELECT e.id, e.ref, e.kind, ${NAME_FIRST} AS nameRank, c.score
        FROM candidates c JOIN entities e ON e.id = c.id ${kindFilter}
        ORDER BY nameRank, score LIMIT @limit
      )
      SELECT r.ref, r.kind, json_extract(e.body, '$.metadata.name') AS name,
        json_extract(e.body, '$.metadata.title') AS title, json_extract(e.body, '$.metadata.description') AS description,
        (SELECT o.target_ref FROM relations o WHERE o.source_ref = r.ref AND o.type = 'ownedBy' LIMIT 1) AS ownerRef, r.score
      FROM ranked r JOIN entities e ON e.id = r.id ORDER BY r.nameRank, r.score`;
    this.statements = {
      search: client.prepare(ranked('', 200)),
      // A kind filter discards candidates after ranking, so it starts from a larger pool.
      searchKind: client.prepare(ranked('WHERE e.kind = @kind COLLATE NOCASE', 5000)),
      knownPrefix: client.prepare('SELECT 1 FROM entity_search_terms WHERE term >= @term AND term < @upper LIMIT 1'),
      terms: client.prepare("SELECT term, doc FROM entity_search_terms WHERE term GLOB '*[a-z]*'"),
    };
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const terms = tokenizeQuery(query);
    if (terms.length === 0) return { query, hits: [] };
    const hits = this.run(terms, options);
    if (hits.length > 0) return { query, hits };
    const corrected = suggestQuery(terms, (term) => this.isKnownPrefix(term), this.terms());
    if (!corrected) return { query, hits: [] };
    const correctedHits = this.run(corrected, options);
    return correctedHits.length > 0 ? { query, hits: correctedHits, didYouMean: corrected.join(' ') } : { query, hits: [] };
  }

  private run(terms: readonly string[], options: SearchOptions): SearchHit[] {
    const params = { match: toMatchExpression(terms), limit: options.limit ?? 20, kind: options.kind, exact: terms.join('-') };
    const statement = options.kind ? this.statements.searchKind : this.statements.search;
    return (statement.all(params) as Array<SearchHit & { title: string | null; description: string | null; ownerRef: string | null }>).map(
      ({ title, description, ownerRef, ...hit }) => ({
        ...hit,
        ...(title ? { title } : {}),
        ...(description ? { description } : {}),
        ...(ownerRef ? { ownerRef } : {}),
      }),
    );
  }

  private isKnownPrefix(term: string): boolean {
    return this.statements.knownPrefix.get({ term, upper: `${term}\uffff` }) !== undefined;
  }

  /** Words of the index (numbers left out), cached until the catalog changes. */
  private terms(): Map<string, number> {
    const version = this.catalogVersion();
    if (this.vocabulary?.version !== version) {
      const rows = this.statements.terms.all() as { term: string; doc: number }[];
      this.vocabulary = { version, terms: new Map(rows.map((row) => [row.term, row.doc])) };
    }
    return this.vocabulary.terms;
  }
}
