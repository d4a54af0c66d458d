CREATE TABLE `job_runs` (
	`job` text NOT NULL,
	`slot` text NOT NULL,
	`claimed_by` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`outcome` text,
	`message` text,
	PRIMARY KEY(`job`, `slot`)
);
