-- Full-text search over the catalog (SQLite FTS5). rowid = entities.id; the store keeps it in step.
-- Names are split on - . _ by unicode61, so "checkout-service" is found by "checkout" and by "serv*".
-- Contentless (the text lives in entities.body already) with deletes allowed: half the bytes to write.
CREATE VIRTUAL TABLE `entity_search` USING fts5(
  `name`, `title`, `description`, `tags`, `owner`,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
--> statement-breakpoint
-- The distinct terms of the index, for "did you mean" suggestions.
CREATE VIRTUAL TABLE `entity_search_terms` USING fts5vocab(`entity_search`, 'row');
