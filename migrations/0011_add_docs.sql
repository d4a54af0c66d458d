CREATE TABLE `docs_assets` (
	`entity_ref` text NOT NULL,
	`path` text NOT NULL,
	`content_type` text NOT NULL,
	`data` blob NOT NULL,
	PRIMARY KEY(`entity_ref`, `path`)
);
--> statement-breakpoint
CREATE TABLE `docs_borrowers` (
	`entity_ref` text PRIMARY KEY NOT NULL,
	`lender_ref` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `docs_pages` (
	`entity_ref` text NOT NULL,
	`path` text NOT NULL,
	`source_path` text NOT NULL,
	`title` text NOT NULL,
	`html` text NOT NULL,
	`toc_json` text NOT NULL,
	`edit_url` text,
	PRIMARY KEY(`entity_ref`, `path`)
);
--> statement-breakpoint
CREATE TABLE `docs_problems` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_ref` text NOT NULL,
	`source_id` text NOT NULL,
	`file` text,
	`line` integer,
	`severity` text NOT NULL,
	`message` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `docs_problems_entity` ON `docs_problems` (`entity_ref`);--> statement-breakpoint
CREATE TABLE `docs_sections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_ref` text NOT NULL,
	`page_path` text NOT NULL,
	`page_title` text NOT NULL,
	`anchor` text NOT NULL,
	`heading` text NOT NULL,
	`text` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `docs_sections_page` ON `docs_sections` (`entity_ref`,`page_path`);--> statement-breakpoint
CREATE TABLE `docs_sites` (
	`entity_ref` text PRIMARY KEY NOT NULL,
	`content_key` text,
	`failed_key` text,
	`site_name` text NOT NULL,
	`nav_json` text NOT NULL,
	`repo_url` text,
	`commit` text,
	`page_count` integer NOT NULL,
	`built_at` integer,
	`changed_at` integer,
	`warnings_json` text NOT NULL,
	`last_error` text
);
--> statement-breakpoint
-- Full-text search over docs sections (SQLite FTS5), the same tokenizer as entity_search. External content:
-- the text lives in docs_sections (snippet() reads it from there); the triggers keep the index in step.
CREATE VIRTUAL TABLE `docs_search` USING fts5(
  `page_title`, `heading`, `text`,
  content = 'docs_sections',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
--> statement-breakpoint
CREATE TRIGGER `docs_sections_indexed` AFTER INSERT ON `docs_sections` BEGIN
  INSERT INTO `docs_search` (rowid, `page_title`, `heading`, `text`) VALUES (new.`id`, new.`page_title`, new.`heading`, new.`text`);
END;
--> statement-breakpoint
CREATE TRIGGER `docs_sections_unindexed` AFTER DELETE ON `docs_sections` BEGIN
  INSERT INTO `docs_search` (`docs_search`, rowid, `page_title`, `heading`, `text`) VALUES ('delete', old.`id`, old.`page_title`, old.`heading`, old.`text`);
END;
