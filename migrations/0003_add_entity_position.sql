ALTER TABLE `entities` ADD `line` integer;--> statement-breakpoint
ALTER TABLE `entities` ADD `column` integer;