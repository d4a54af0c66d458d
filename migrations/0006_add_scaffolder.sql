CREATE TABLE `registered_sources` (
	`id` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`config_json` text NOT NULL,
	`registered_by` text NOT NULL,
	`registered_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `scaffolder_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`request_key` text,
	`template_ref` text NOT NULL,
	`template_etag` text,
	`created_by` text NOT NULL,
	`status` text NOT NULL,
	`values_json` text NOT NULL,
	`state_json` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scaffolder_runs_request_key` ON `scaffolder_runs` (`request_key`);--> statement-breakpoint
CREATE INDEX `scaffolder_runs_created` ON `scaffolder_runs` (`created_at`);