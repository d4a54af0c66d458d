/**
 * The `site` column of `docs_search`: one token per documented entity ('s' and the hex of its ref, a single word to
 * the unicode61 tokenizer), so a search within one site is `{site} : <token> AND …`, which FTS5 answers by skipping
 * through the postings. A rowid range was tried first: FTS5 reads a common word's postings from the start up to
 * the range, milliseconds for a site near the end of 100,000 sections.
 *
 * `sql` is an SQL expression yielding the entity ref; the writes and the searches both build the token here.
 */
export const docsSiteToken = (sql: string): string => `'s' || hex(${sql})`;
