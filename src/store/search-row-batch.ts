import type Database from 'better-sqlite3';

type SearchRow = [entityId: number, name: string, title: string, description: string, tags: string, owner: string];

const SEARCH_BATCH = 4096;

/**
 * Search rows waiting to be written. FTS5 inserts interleaved with ordinary ones cost about three times
 * as much as the same inserts in a burst, so a pass writes them in batches.
 */
export class SearchRowBatch {
  private pending: SearchRow[] = [];

  constructor(private readonly insert: Database.Statement) {}

  add(row: SearchRow): void {
    this.pending.push(row);
    if (this.pending.length >= SEARCH_BATCH) this.flush();
  }

  /** Before anything that must see every row: a delete, a savepoint, the commit. */
  flush(): void {
    for (const row of this.pending) this.insert.run(...row);
    this.pending = [];
  }

  /** After a rollback, which undid the rows already written; the rest were never written. */
  discard(): void {
    this.pending = [];
  }
}
