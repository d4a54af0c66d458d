import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Problem } from '../core/problems.ts';
import { prepareWriterStatements, type WriterStatements } from './catalog-writer-statements.ts';
import type { EntityHolder, EntityRecord, StoredFile } from './catalog-write-records.ts';
import { FirstLoadIndexes } from './first-load-indexes.ts';

const RELATIONS_PER_INSERT = 32;
const SEARCH_BATCH = 4096;

/** Passes writing fewer entities checkpoint inline as SQLite does by default: a few pages, no thread to start. */
const BACKGROUND_CHECKPOINT_ROWS = 5000;
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

export type ProblemOrigin = 'file' | 'conflict' | 'source' | 'target' | 'dangling';

/**
 * Writes one sync pass. Every method runs inside the pass's transaction (begin → commit), so a
 * crash at any point leaves the catalog as it was before the pass. Prepared statements rather than
 * the drizzle query builder: this is the hot path for 100k-entity passes.
 */
export class SqliteCatalogWriter {
  private readonly statements: WriterStatements;
  private readonly relationInserts = new Map<number, Database.Statement>();
  /**
   * Search rows waiting to be written. FTS5 inserts interleaved with ordinary ones cost about three times
   * as much as the same inserts in a burst, so a pass writes them in batches.
   */
  private pendingSearch: Array<[number, string, string, string, string, string]> = [];
  /** Entity rows written by this pass, to decide who checkpoints after it. */
  private rowsWritten = 0;
  private readonly firstLoadIndexes: FirstLoadIndexes;

  /**
   * @param checkpointer when given, passes that write many rows leave their WAL to it instead of checkpointing
   * on the committing connection (see BackgroundCheckpointer).
   */
  constructor(
    private readonly client: Database.Database,
    private readonly checkpointer?: { request(): void },
  ) {
    this.statements = prepareWriterStatements(client);
    this.firstLoadIndexes = new FirstLoadIndexes(client);
  }

  begin(): void {
    this.client.exec('BEGIN IMMEDIATE');
    this.firstLoadIndexes.deferIfEmpty();
  }

  commit(): void {
    this.flushSearch();
    this.firstLoadIndexes.build();
    const background = this.checkpointer !== undefined && this.rowsWritten >= BACKGROUND_CHECKPOINT_ROWS;
    this.rowsWritten = 0;
    if (!background) {
      this.client.exec('COMMIT');
      return;
    }
    // Without this the commit would run an automatic checkpoint of the whole pass right here.
    this.client.pragma('wal_autocheckpoint = 0');
    try {
      this.client.exec('COMMIT');
    } finally {
      this.client.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
    }
    this.checkpointer!.request();
  }

  /** Nested scope inside the pass, so one failing source can be undone without undoing the others. */
  savepoint(): void {
    this.flushSearch();
    this.client.exec('SAVEPOINT source_sync');
  }

  releaseSavepoint(): void {
    this.flushSearch();
    this.client.exec('RELEASE source_sync');
  }

  rollbackToSavepoint(): void {
    this.pendingSearch = [];
    this.client.exec('ROLLBACK TO source_sync');
    this.client.exec('RELEASE source_sync');
  }

  rollback(): void {
    this.rowsWritten = 0;
    this.pendingSearch = [];
    if (this.client.inTransaction) this.client.exec('ROLLBACK');
    this.firstLoadIndexes.forget();
  }

  sourceState(id: string, type: string, now: number): { version: string | null; state: unknown; retryFiles: number } {
    this.statements.ensureSource.run(id, type);
    this.statements.touchSource.run(now, id);
    const row = this.statements.source.get(id) as { version: string | null; state: string | null };
    const { n } = this.statements.retryCount.get(id) as { n: number };
    return { version: row.version, state: row.state ? JSON.parse(row.state) : undefined, retryFiles: n };
  }

  saveSourceState(id: string, version: string, state: unknown, now: number): void {
    this.statements.saveSource.run(version, state === undefined ? null : JSON.stringify(state), now, id);
  }

  files(sourceId: string): Map<string, StoredFile> {
    const rows = this.statements.files.all(sourceId) as StoredFile[];
    return new Map(rows.map((row) => [row.path, row]));
  }

  upsertFile(
    sourceId: string,
    file: { path: string; displayPath: string; hash: string | null; status: string; targets: unknown; placeholderDeps: unknown },
  ): number {
    const targets = JSON.stringify(file.targets);
    const deps = JSON.stringify(file.placeholderDeps);
    const inserted = this.statements.insertFile.run(sourceId, file.path, file.displayPath, file.hash, file.status, targets, deps);
    if (inserted.changes === 1) return Number(inserted.lastInsertRowid);
    this.statements.updateFile.run(file.displayPath, file.hash, file.status, targets, deps, sourceId, file.path);
    return (this.statements.fileId.get(sourceId, file.path) as { id: number }).id;
  }

  deleteFile(fileId: number): void {
    this.statements.deleteFile.run(fileId);
  }

  setFileStatus(fileId: number, status: 'ok' | 'retry'): void {
    this.statements.setFileStatus.run(status, fileId);
  }

  heldRefs(fileId: number): string[] {
    return (this.statements.heldRefs.all(fileId) as { ref: string }[]).map((row) => row.ref);
  }

  holderOf(ref: string): EntityHolder | undefined {
    return this.statements.holder.get(ref) as EntityHolder | undefined;
  }

  /**
   * Writes an entity for `fileId` unless another file holds its ref: one INSERT for a new ref (the
   * common case of a full pass), an UPDATE when the file already held it, and the holder when it is
   * someone else's (the caller decides what a conflict means).
   */
  claimEntity(sourceId: string, fileId: number, record: EntityRecord, now: number): 'added' | 'updated' | 'unchanged' | { heldBy: EntityHolder } {
    const inserted = this.statements.insertEntity.run(
      record.ref,
      record.kind,
      record.namespace,
      record.name,
      sourceId,
      fileId,
      randomUUID(),
      record.etag,
      record.body,
      now,
      record.line ?? null,
      record.column ?? null,
    );
    if (inserted.changes === 1) {
      this.rowsWritten += 1;
      this.writeDerivedRows(Number(inserted.lastInsertRowid), record);
      return 'added';
    }
    const holder = this.holderOf(record.ref)!;
    if (holder.fileId !== fileId) return { heldBy: holder };
    if (holder.etag === record.etag) {
      // Same content, maybe at another place in its file (a document added above it): keep problems pointing right.
      this.statements.moveEntity.run({ line: record.line ?? null, column: record.column ?? null, id: holder.entityId });
      return 'unchanged';
    }
    const { kind, namespace, name, etag, body } = record;
    this.rowsWritten += 1;
    this.statements.updateEntity.run(kind, namespace, name, sourceId, fileId, etag, body, now, record.line ?? null, record.column ?? null, holder.entityId);
    this.statements.deleteRelations.run(record.ref);
    this.deleteSearchRow(holder.entityId);
    this.writeDerivedRows(holder.entityId, record);
    return 'updated';
  }

  /** Relation rows (only the entity's own side; inverses are derived when reading) and the search row. */
  private writeDerivedRows(entityId: number, record: EntityRecord): void {
    const own = record.relations.filter((relation) => relation.sourceRef === record.ref);
    for (let start = 0; start < own.length; start += RELATIONS_PER_INSERT) {
      const chunk = own.slice(start, start + RELATIONS_PER_INSERT);
      this.relationInsert(chunk.length).run(chunk.flatMap((relation) => [relation.sourceRef, relation.type, relation.targetRef]));
    }
    const s = record.search;
    this.pendingSearch.push([entityId, s.name, s.title, s.description, s.tags, s.owner]);
    if (this.pendingSearch.length >= SEARCH_BATCH) this.flushSearch();
  }

  private flushSearch(): void {
    for (const row of this.pendingSearch) this.statements.insertSearch.run(...row);
    this.pendingSearch = [];
  }

  /** Deleting a search row must see every insert before it. */
  private deleteSearchRow(entityId: number): void {
    this.flushSearch();
    this.statements.deleteSearch.run(entityId);
  }

  /** Multi-row INSERTs cut per-row call overhead on passes that write hundreds of thousands of relations. */
  private relationInsert(rows: number): Database.Statement {
    let statement = this.relationInserts.get(rows);
    if (!statement) {
      const values = Array.from({ length: rows }, () => '(?, ?, ?)').join(', ');
      statement = this.client.prepare(`INSERT OR IGNORE INTO relations (source_ref, type, target_ref) VALUES ${values}`);
      this.relationInserts.set(rows, statement);
    }
    return statement;
  }

  deleteEntity(ref: string): boolean {
    const existing = this.holderOf(ref);
    if (!existing) return false;
    this.statements.deleteRelations.run(ref);
    this.deleteSearchRow(existing.entityId);
    this.statements.deleteEntity.run(existing.entityId);
    return true;
  }

  clearFileProblems(fileId: number): void {
    this.statements.deleteFileProblems.run(fileId);
  }

  addFileProblems(sourceId: string, fileId: number, displayPath: string, problems: readonly Problem[]): void {
    for (const problem of problems) this.addProblem(sourceId, fileId, displayPath, problem, 'file');
  }

  addProblem(sourceId: string, fileId: number | null, displayPath: string | null, problem: Problem, origin: ProblemOrigin): void {
    this.statements.insertProblem.run(
      sourceId,
      fileId,
      displayPath,
      problem.line ?? null,
      problem.column ?? null,
      problem.entityRef ?? null,
      problem.severity,
      problem.message,
      origin,
    );
  }

  clearSourceProblems(sourceId: string, origin: ProblemOrigin): void {
    this.statements.deleteSourceProblems.run(sourceId, origin);
  }

  sourceIds(): string[] {
    return (this.statements.sourceIds.all() as { id: string }[]).map((row) => row.id);
  }

  deleteSource(sourceId: string): void {
    this.statements.deleteAllSourceProblems.run(sourceId);
    this.statements.deleteSource.run(sourceId);
  }

  problemCounts(): { errors: number; warnings: number } {
    return this.statements.problemCounts.get() as { errors: number; warnings: number };
  }

  clearDanglingRefs(): void {
    this.statements.deleteDangling.run();
  }

  /** Rebuilds the dangling-ref warnings from the relation rows; returns how many there are. */
  recomputeDanglingRefs(): number {
    this.flushSearch();
    // The pass has written everything by now; the check reads relations through the target index.
    this.firstLoadIndexes.build();
    this.statements.deleteDangling.run();
    return this.statements.insertDangling.run().changes;
  }

  recordPass(startedAt: number, finishedAt: number, summary: unknown): void {
    this.statements.insertPass.run(startedAt, finishedAt, JSON.stringify(summary));
  }
}
