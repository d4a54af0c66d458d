import type Database from 'better-sqlite3';
import type { CatalogWriter } from '../core/ports.ts';
import type { Problem } from '../core/problems.ts';
import type { ClaimOutcome, EntityHolder, EntityRecord, FileWrite, ProblemOrigin, StoredFile, StoredSourceState } from '../core/sync/catalog-write-records.ts';
import type { SyncSummary } from '../core/sync/sync-summary.ts';
import { prepareWriterStatements, type WriterStatements } from './catalog-writer-statements.ts';
import { FirstLoadIndexes } from './first-load-indexes.ts';
import { guardWrite, toCatalogWriteError } from './guard-write.ts';
import { EntityRows } from './entity-rows.ts';
import { WriteQueue } from './write-queue.ts';

/** Passes writing fewer entities checkpoint inline as SQLite does by default: a few pages, no thread to start. */
const BACKGROUND_CHECKPOINT_ROWS = 5000;
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

/**
 * Writes sync passes. A pass runs inside `writePass`, one transaction taken through the process's write queue,
 * so a crash at any point leaves the catalog as it was before the pass. Every method turns a database failure
 * into a CatalogWriteError. Prepared statements rather than the drizzle query builder: this is the hot path
 * for 100k-entity passes.
 */
export class SqliteCatalogWriter implements CatalogWriter {
  private readonly statements: WriterStatements;
  private readonly entities: EntityRows;
  private readonly firstLoadIndexes: FirstLoadIndexes;

  /**
   * @param checkpointer when given, passes that write many rows leave their WAL to it instead of checkpointing
   * on the committing connection (see BackgroundCheckpointer).
   * @param queue the process's one write queue on `client` (shared with every other writer of the process).
   */
  constructor(
    private readonly client: Database.Database,
    private readonly checkpointer?: { request(): void },
    private readonly queue: WriteQueue = new WriteQueue(client),
  ) {
    this.statements = prepareWriterStatements(client);
    this.entities = new EntityRows(client, this.statements);
    this.firstLoadIndexes = new FirstLoadIndexes(client);
  }

  /** Queued like a write, so the read never sees another task's transaction half-done on this connection. */
  storedSource(sourceId: string): Promise<StoredSourceState | undefined> {
    return this.queue.run(() => guardWrite(() => this.readSourceState(sourceId)));
  }

  storedFiles(sourceId: string): Promise<Map<string, StoredFile>> {
    return this.queue.run(() => this.files(sourceId));
  }

  writePass<T>(label: string, apply: () => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      try {
        await this.queue.beginImmediate(label);
      } catch (error) {
        throw toCatalogWriteError(error);
      }
      try {
        guardWrite(() => this.firstLoadIndexes.deferIfEmpty());
        const result = await apply();
        this.commit();
        return result;
      } catch (error) {
        this.rollbackAfter(error);
        throw error;
      }
    });
  }

  /** Takes the write lock at once (busy_timeout blocks meanwhile), outside the queue: for tests and tools alone on the database. */
  begin(): void {
    guardWrite(() => {
      this.client.exec('BEGIN IMMEDIATE');
      this.firstLoadIndexes.deferIfEmpty();
    });
  }

  commit(): void {
    guardWrite(() => this.commitNow());
  }

  rollback(): void {
    this.entities.rowsWritten = 0;
    this.entities.search.discard();
    this.firstLoadIndexes.forget();
    guardWrite(() => {
      if (this.client.inTransaction) this.client.exec('ROLLBACK');
    });
  }

  savepoint(): void {
    guardWrite(() => {
      this.entities.search.flush();
      this.client.exec('SAVEPOINT source_sync');
    });
  }

  releaseSavepoint(): void {
    guardWrite(() => {
      this.entities.search.flush();
      this.client.exec('RELEASE source_sync');
    });
  }

  rollbackToSavepoint(): void {
    this.entities.search.discard();
    guardWrite(() => {
      this.client.exec('ROLLBACK TO source_sync');
      this.client.exec('RELEASE source_sync');
    });
  }

  sourceState(id: string, type: string, now: number): StoredSourceState {
    return guardWrite(() => {
      this.statements.ensureSource.run(id, type);
      this.statements.touchSource.run(now, id);
      return this.readSourceState(id)!;
    });
  }

  saveSourceState(id: string, version: string, state: unknown, now: number): void {
    guardWrite(() => this.statements.saveSource.run(version, state === undefined ? null : JSON.stringify(state), now, id));
  }

  files(sourceId: string): Map<string, StoredFile> {
    const rows = guardWrite(() => this.statements.files.all(sourceId) as StoredFile[]);
    return new Map(rows.map((row) => [row.path, row]));
  }

  upsertFile(sourceId: string, file: FileWrite): number {
    return guardWrite(() => {
      const targets = JSON.stringify(file.targets);
      const deps = JSON.stringify(file.placeholderDeps);
      const inserted = this.statements.insertFile.run(sourceId, file.path, file.displayPath, file.hash, file.status, targets, deps);
      if (inserted.changes === 1) return Number(inserted.lastInsertRowid);
      this.statements.updateFile.run(file.displayPath, file.hash, file.status, targets, deps, sourceId, file.path);
      return (this.statements.fileId.get(sourceId, file.path) as { id: number }).id;
    });
  }

  deleteFile(fileId: number): void {
    guardWrite(() => this.statements.deleteFile.run(fileId));
  }

  setFileStatus(fileId: number, status: 'ok' | 'retry'): void {
    guardWrite(() => this.statements.setFileStatus.run(status, fileId));
  }

  heldRefs(fileId: number): string[] {
    return guardWrite(() => (this.statements.heldRefs.all(fileId) as { ref: string }[]).map((row) => row.ref));
  }

  holderOf(ref: string): EntityHolder | undefined {
    return guardWrite(() => this.statements.holder.get(ref) as EntityHolder | undefined);
  }

  claimEntity(sourceId: string, fileId: number, record: EntityRecord, now: number): ClaimOutcome {
    return guardWrite(() => this.entities.claim(sourceId, fileId, record, now));
  }

  deleteEntity(ref: string): boolean {
    return guardWrite(() => this.entities.delete(ref));
  }

  clearFileProblems(fileId: number): void {
    guardWrite(() => this.statements.deleteFileProblems.run(fileId));
  }

  addFileProblems(sourceId: string, fileId: number, displayPath: string, problems: readonly Problem[]): void {
    for (const problem of problems) this.addProblem(sourceId, fileId, displayPath, problem, 'file');
  }

  addProblem(sourceId: string, fileId: number | null, displayPath: string | null, problem: Problem, origin: ProblemOrigin): void {
    const { line, column, entityRef, severity, message } = problem;
    guardWrite(() =>
      this.statements.insertProblem.run(sourceId, fileId, displayPath, line ?? null, column ?? null, entityRef ?? null, severity, message, origin),
    );
  }

  clearSourceProblems(sourceId: string, origin: ProblemOrigin): void {
    guardWrite(() => this.statements.deleteSourceProblems.run(sourceId, origin));
  }

  sourceIds(): string[] {
    return guardWrite(() => (this.statements.sourceIds.all() as { id: string }[]).map((row) => row.id));
  }

  deleteSource(sourceId: string): void {
    guardWrite(() => {
      this.statements.deleteAllSourceProblems.run(sourceId);
      this.statements.deleteSource.run(sourceId);
    });
  }

  problemCounts(): { errors: number; warnings: number } {
    return guardWrite(() => this.statements.problemCounts.get() as { errors: number; warnings: number });
  }

  clearDanglingRefs(): void {
    guardWrite(() => this.statements.deleteDangling.run());
  }

  /** Rebuilds the dangling-ref warnings from the relation rows; returns how many there are. */
  recomputeDanglingRefs(): number {
    return guardWrite(() => {
      this.entities.search.flush();
      // The pass has written everything by now; the check reads relations through the target index.
      this.firstLoadIndexes.build();
      this.statements.deleteDangling.run();
      return this.statements.insertDangling.run().changes;
    });
  }

  recordPass(startedAt: number, finishedAt: number, summary: SyncSummary): void {
    guardWrite(() => this.statements.insertPass.run(startedAt, finishedAt, JSON.stringify(summary)));
  }

  private readSourceState(id: string): StoredSourceState | undefined {
    const row = this.statements.source.get(id) as { version: string | null; state: string | null } | undefined;
    if (!row) return undefined;
    const { n } = this.statements.retryCount.get(id) as { n: number };
    return { version: row.version, state: row.state ? JSON.parse(row.state) : undefined, retryFiles: n };
  }

  private commitNow(): void {
    this.entities.search.flush();
    this.firstLoadIndexes.build();
    const background = this.checkpointer !== undefined && this.entities.rowsWritten >= BACKGROUND_CHECKPOINT_ROWS;
    this.entities.rowsWritten = 0;
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

  /** Undoes a failed pass; a rollback that fails too must not hide why the pass failed (SQLite undoes it on the next open). */
  private rollbackAfter(error: unknown): void {
    try {
      this.rollback();
    } catch (rollbackError) {
      if (error instanceof Error && error.cause === undefined) Object.assign(error, { cause: rollbackError });
    }
  }
}
