CREATE TABLE `schedule_subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`post` text NOT NULL,
	`team` text,
	`channel` text NOT NULL,
	`cron` text NOT NULL,
	`timezone` text NOT NULL,
	`quiet` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `schedule_subscriptions_channel` ON `schedule_subscriptions` (`channel`);--> statement-breakpoint
ALTER TABLE `job_runs` ADD `post_channel` text;--> statement-breakpoint
ALTER TABLE `job_runs` ADD `post_ts` text;