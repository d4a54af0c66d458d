import type Database from 'better-sqlite3';

/**
 * Secondary indexes a first pass into an empty catalog drops and builds again before it commits: one
 * sorted build costs far less than a random b-tree insert per row (about a second for 400k relations).
 * Unique indexes stay, since the pass relies on them to find conflicts.
 */
const INDEXES_BUILT_AFTER_FIRST_LOAD = ['relations_target', 'entities_file', 'entities_kind', 'entities_name', 'files_source_status', 'lookup_keys_entity'];

/**
 * The first-load index trick for one writer connection. Everything happens inside the pass's transaction,
 * so a crash or a rollback brings the indexes back with everything else.
 */
export class FirstLoadIndexes {
  private readonly isEmpty: Database.Statement;
  private readonly definitions: Database.Statement;
  /** CREATE INDEX statements of the indexes this pass dropped. */
  private pending: string[] = [];

  constructor(private readonly client: Database.Database) {
    // Nothing to look up while loading: every file is new, so the pass never asks which entities a file holds.
    this.isEmpty = client.prepare('SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM entities) AND NOT EXISTS (SELECT 1 FROM files)');
    this.definitions = client.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND name IN (SELECT value FROM json_each(?))");
  }

  /** At the start of a pass: drops the indexes when the catalog is empty. */
  deferIfEmpty(): void {
    if (!this.isEmpty.get()) return;
    const indexes = this.definitions.all(JSON.stringify(INDEXES_BUILT_AFTER_FIRST_LOAD)) as { name: string; sql: string }[];
    for (const index of indexes) this.client.exec(`DROP INDEX "${index.name}"`);
    this.pending = indexes.map((index) => index.sql);
  }

  /** Once everything is written (before queries that want them, at the latest before COMMIT). */
  build(): void {
    for (const sql of this.pending) this.client.exec(sql);
    this.pending = [];
  }

  /** After a rollback, which already restored them. */
  forget(): void {
    this.pending = [];
  }
}
