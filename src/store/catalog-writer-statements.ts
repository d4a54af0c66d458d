import type Database from 'better-sqlite3';

/** Every statement a sync pass runs, prepared once per writer. */
export const prepareWriterStatements = (client: Database.Database) => {
  const prepare = (sql: string) => client.prepare(sql);
  return {
    source: prepare('SELECT version, state FROM sources WHERE id = ?'),
    ensureSource: prepare('INSERT INTO sources (id, type) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET type = excluded.type'),
    touchSource: prepare('UPDATE sources SET last_attempt_at = ? WHERE id = ?'),
    saveSource: prepare('UPDATE sources SET version = ?, state = ?, last_success_at = ? WHERE id = ?'),
    retryCount: prepare("SELECT count(*) AS n FROM files WHERE source_id = ? AND status = 'retry'"),
    files: prepare('SELECT id, path, hash, status, targets, placeholder_deps AS placeholderDeps FROM files WHERE source_id = ?'),
    // Plain run() rather than RETURNING: RETURNING costs several times the insert itself inside a
    // transaction that also writes FTS5 rows, and a full pass inserts 100k files.
    insertFile: prepare(
      `INSERT INTO files (source_id, path, display_path, hash, status, targets, placeholder_deps) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(source_id, path) DO NOTHING`,
    ),
    updateFile: prepare('UPDATE files SET display_path = ?, hash = ?, status = ?, targets = ?, placeholder_deps = ? WHERE source_id = ? AND path = ?'),
    fileId: prepare('SELECT id FROM files WHERE source_id = ? AND path = ?'),
    deleteFile: prepare('DELETE FROM files WHERE id = ?'),
    setFileStatus: prepare('UPDATE files SET status = ? WHERE id = ?'),
    heldRefs: prepare('SELECT ref FROM entities WHERE file_id = ?'),
    holder: prepare(
      'SELECT e.id AS entityId, e.file_id AS fileId, e.etag, f.display_path AS displayPath, e.source_id AS sourceId FROM entities e JOIN files f ON f.id = e.file_id WHERE e.ref = ?',
    ),
    insertEntity: prepare(
      `INSERT INTO entities (ref, kind, namespace, name, source_id, file_id, uid, etag, body, updated_at, line, "column")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(ref) DO NOTHING`,
    ),
    updateEntity: prepare(
      'UPDATE entities SET kind = ?, namespace = ?, name = ?, source_id = ?, file_id = ?, etag = ?, body = ?, updated_at = ?, line = ?, "column" = ? WHERE id = ?',
    ),
    moveEntity: prepare('UPDATE entities SET line = @line, "column" = @column WHERE id = @id AND (line IS NOT @line OR "column" IS NOT @column)'),
    deleteEntity: prepare('DELETE FROM entities WHERE id = ?'),
    deleteRelations: prepare('DELETE FROM relations WHERE source_ref = ?'),
    insertSearch: prepare('INSERT INTO entity_search (rowid, name, title, description, tags, owner) VALUES (?, ?, ?, ?, ?, ?)'),
    deleteSearch: prepare('DELETE FROM entity_search WHERE rowid = ?'),
    insertLookupKey: prepare('INSERT OR IGNORE INTO lookup_keys (key, entity_id, source) VALUES (?, ?, ?)'),
    deleteLookupKeys: prepare('DELETE FROM lookup_keys WHERE entity_id = ?'),
    insertProblem: prepare(
      'INSERT INTO problems (source_id, file_id, file, line, "column", entity_ref, severity, message, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    deleteFileProblems: prepare("DELETE FROM problems WHERE file_id = ? AND origin IN ('file', 'conflict')"),
    deleteSourceProblems: prepare('DELETE FROM problems WHERE source_id = ? AND origin = ?'),
    deleteDangling: prepare("DELETE FROM problems WHERE origin = 'dangling'"),
    // Walks relations_target in its own order: the existence checks then probe entities_ref in sorted order.
    insertDangling: prepare(
      `INSERT INTO problems (source_id, file_id, file, line, "column", entity_ref, severity, message, origin)
       SELECT e.source_id, e.file_id, f.display_path, e.line, e."column", e.ref, 'warning',
              'relation ' || r.type || ' points at ' || r.target_ref || ', which is not in the catalog', 'dangling'
       FROM relations r JOIN entities e ON e.ref = r.source_ref JOIN files f ON f.id = e.file_id
       WHERE NOT EXISTS (SELECT 1 FROM entities t WHERE t.ref = r.target_ref)
       ORDER BY r.target_ref, r.type, r.source_ref`,
    ),
    sourceIds: prepare('SELECT id FROM sources'),
    deleteSource: prepare('DELETE FROM sources WHERE id = ?'),
    deleteAllSourceProblems: prepare('DELETE FROM problems WHERE source_id = ?'),
    problemCounts: prepare("SELECT coalesce(sum(severity = 'error'), 0) AS errors, coalesce(sum(severity = 'warning'), 0) AS warnings FROM problems"),
    insertPass: prepare('INSERT INTO sync_passes (started_at, finished_at, summary) VALUES (?, ?, ?)'),
  };
};

export type WriterStatements = ReturnType<typeof prepareWriterStatements>;
