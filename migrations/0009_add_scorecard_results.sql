CREATE TABLE `scorecard_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scorecard` text NOT NULL,
	`entity_ref` text NOT NULL,
	`at` integer NOT NULL,
	`status` text NOT NULL,
	`from_level` text,
	`to_level` text,
	`move` text,
	`change_json` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `scorecard_history_pair` ON `scorecard_history` (`scorecard`,`entity_ref`,`at`);--> statement-breakpoint
CREATE INDEX `scorecard_history_at` ON `scorecard_history` (`at`);--> statement-breakpoint
CREATE TABLE `scorecard_results` (
	`scorecard` text NOT NULL,
	`entity_ref` text NOT NULL,
	`level` text,
	`passed` integer NOT NULL,
	`total` integer NOT NULL,
	`result_json` text NOT NULL,
	`evaluated_at` integer NOT NULL,
	PRIMARY KEY(`scorecard`, `entity_ref`)
);
--> statement-breakpoint
CREATE INDEX `scorecard_results_entity` ON `scorecard_results` (`entity_ref`);--> statement-breakpoint
CREATE TABLE `scorecard_stamps` (
	`entity_ref` text PRIMARY KEY NOT NULL,
	`stamp` text NOT NULL
);
