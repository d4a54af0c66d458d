DROP INDEX `entities_kind`;--> statement-breakpoint
CREATE INDEX `entities_kind` ON `entities` ("kind" COLLATE NOCASE);