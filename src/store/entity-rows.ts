import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ClaimOutcome, EntityHolder, EntityRecord } from '../core/sync/catalog-write-records.ts';
import type { WriterStatements } from './catalog-writer-statements.ts';
import { SearchRowBatch } from './search-row-batch.ts';

const RELATIONS_PER_INSERT = 32;

/** An entity's rows: the entity, the relations it is the source of, its search row and its lookup keys. */
export class EntityRows {
  private readonly relationInserts = new Map<number, Database.Statement>();
  readonly search: SearchRowBatch;
  /** Entity rows written since the last commit, to decide who checkpoints after it. */
  rowsWritten = 0;

  constructor(
    private readonly client: Database.Database,
    private readonly statements: WriterStatements,
  ) {
    this.search = new SearchRowBatch(statements.insertSearch);
  }

  /**
   * Writes an entity for `fileId` unless another file holds its ref: one INSERT for a new ref (the
   * common case of a full pass), an UPDATE when the file already held it, and the holder when it is
   * someone else's (the caller decides what a conflict means).
   */
  claim(sourceId: string, fileId: number, record: EntityRecord, now: number): ClaimOutcome {
    const line = record.line ?? null;
    const column = record.column ?? null;
    const { ref, kind, namespace, name, etag, body } = record;
    const inserted = this.statements.insertEntity.run(ref, kind, namespace, name, sourceId, fileId, randomUUID(), etag, body, now, line, column);
    if (inserted.changes === 1) {
      this.rowsWritten += 1;
      this.writeDerivedRows(Number(inserted.lastInsertRowid), record);
      return 'added';
    }
    const holder = this.statements.holder.get(ref) as EntityHolder;
    if (holder.fileId !== fileId) return { heldBy: holder };
    if (holder.etag === etag) {
      // Same content, maybe at another place in its file (a document added above it): keep problems pointing right.
      this.statements.moveEntity.run({ line, column, id: holder.entityId });
      return 'unchanged';
    }
    this.rowsWritten += 1;
    this.statements.updateEntity.run(kind, namespace, name, sourceId, fileId, etag, body, now, line, column, holder.entityId);
    this.statements.deleteRelations.run(ref);
    this.deleteSearchRow(holder.entityId);
    this.statements.deleteLookupKeys.run(holder.entityId);
    this.writeDerivedRows(holder.entityId, record);
    return 'updated';
  }

  /** Removes an entity with its relations, search row and lookup keys; false when there was none. */
  delete(ref: string): boolean {
    const existing = this.statements.holder.get(ref) as EntityHolder | undefined;
    if (!existing) return false;
    this.statements.deleteRelations.run(ref);
    this.deleteSearchRow(existing.entityId);
    this.statements.deleteLookupKeys.run(existing.entityId);
    this.statements.deleteEntity.run(existing.entityId);
    return true;
  }

  /** Relation rows (only the entity's own side; inverses are derived when reading), the search row and the lookup keys. */
  private writeDerivedRows(entityId: number, record: EntityRecord): void {
    const own = record.relations.filter((relation) => relation.sourceRef === record.ref);
    for (let start = 0; start < own.length; start += RELATIONS_PER_INSERT) {
      const chunk = own.slice(start, start + RELATIONS_PER_INSERT);
      this.relationInsert(chunk.length).run(chunk.flatMap((relation) => [relation.sourceRef, relation.type, relation.targetRef]));
    }
    const s = record.search;
    this.search.add([entityId, s.name, s.title, s.description, s.tags, s.owner]);
    for (const lookup of record.lookupKeys ?? []) this.statements.insertLookupKey.run(lookup.key, entityId, lookup.source);
  }

  /** Deleting a search row must see every insert before it. */
  private deleteSearchRow(entityId: number): void {
    this.search.flush();
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
}
