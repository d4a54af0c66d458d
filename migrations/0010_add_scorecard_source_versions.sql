CREATE TABLE `scorecard_source_versions` (
	`source_id` text PRIMARY KEY NOT NULL,
	`version` text NOT NULL
);
