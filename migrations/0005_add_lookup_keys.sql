CREATE TABLE `lookup_keys` (
	`key` text NOT NULL,
	`entity_id` integer NOT NULL,
	`source` text NOT NULL,
	PRIMARY KEY(`key`, `entity_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `lookup_keys_entity` ON `lookup_keys` (`entity_id`);--> statement-breakpoint
-- Entities stored before this migration have no lookup keys yet: the next sync pass re-reads every file
-- (no source version, no file hash) and rewrites every entity (no etag matches), writing their keys.
UPDATE `sources` SET `version` = NULL;--> statement-breakpoint
UPDATE `files` SET `hash` = NULL;--> statement-breakpoint
UPDATE `entities` SET `etag` = '';
