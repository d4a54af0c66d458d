-- Docs search index, rebuilt: contentless (search reads the hits' text from docs_sections itself), a `site` column
-- holding one token per entity ('s' and the hex of its ref, see src/store/docs-search-site.ts) so a search within
-- one site seeks through the postings, and filled by the docs store per site in one statement instead of by a
-- trigger per row. The existing sections are indexed again here.
DROP TRIGGER `docs_sections_indexed`;
--> statement-breakpoint
DROP TRIGGER `docs_sections_unindexed`;
--> statement-breakpoint
DROP TABLE `docs_search`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `docs_search` USING fts5(
  `page_title`, `heading`, `text`, `site`,
  content = '',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);
--> statement-breakpoint
INSERT INTO `docs_search` (rowid, `page_title`, `heading`, `text`, `site`)
  SELECT `id`, `page_title`, `heading`, `text`, 's' || hex(`entity_ref`) FROM `docs_sections`;
