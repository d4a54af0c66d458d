CREATE TABLE `entities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ref` text NOT NULL,
	`kind` text NOT NULL,
	`namespace` text NOT NULL,
	`name` text NOT NULL,
	`source_id` text NOT NULL,
	`file_id` integer NOT NULL,
	`uid` text NOT NULL,
	`etag` text NOT NULL,
	`body` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `entities_ref` ON `entities` (`ref`);--> statement-breakpoint
CREATE INDEX `entities_file` ON `entities` (`file_id`);--> statement-breakpoint
CREATE INDEX `entities_kind` ON `entities` (`kind`);--> statement-breakpoint
CREATE INDEX `entities_name` ON `entities` (`name`);--> statement-breakpoint
CREATE TABLE `files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` text NOT NULL,
	`path` text NOT NULL,
	`display_path` text NOT NULL,
	`hash` text,
	`status` text DEFAULT 'ok' NOT NULL,
	`targets` text DEFAULT '[]' NOT NULL,
	`placeholder_deps` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `files_source_path` ON `files` (`source_id`,`path`);--> statement-breakpoint
CREATE TABLE `problems` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` text NOT NULL,
	`file_id` integer,
	`file` text,
	`line` integer,
	`column` integer,
	`entity_ref` text,
	`severity` text NOT NULL,
	`message` text NOT NULL,
	`origin` text NOT NULL,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `problems_file` ON `problems` (`file_id`);--> statement-breakpoint
CREATE INDEX `problems_entity` ON `problems` (`entity_ref`);--> statement-breakpoint
CREATE INDEX `problems_source` ON `problems` (`source_id`);--> statement-breakpoint
CREATE TABLE `relations` (
	`source_ref` text NOT NULL,
	`type` text NOT NULL,
	`target_ref` text NOT NULL,
	PRIMARY KEY(`source_ref`, `type`, `target_ref`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `relations_target` ON `relations` (`target_ref`,`type`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`version` text,
	`state` text,
	`last_attempt_at` integer,
	`last_success_at` integer
);
--> statement-breakpoint
CREATE TABLE `sync_passes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer NOT NULL,
	`summary` text NOT NULL
);
