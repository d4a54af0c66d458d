import type Database from 'better-sqlite3';
import type { ScorecardResult } from '../core/scorecards/evaluate-scorecard.ts';
import type { EntityLocation, ScorecardHistoryRow, ScorecardResultsStore, ScorecardWrite, SourceVersions } from '../scorecards/results-store.ts';
import type { WriteQueue } from './write-queue.ts';

export interface SqliteScorecardResultsOptions {
  /** The process's one writer queue and its connection; reads use `reader`, so they never wait behind a sync. */
  queue: WriteQueue;
  writer: Database.Database;
  reader: Database.Database;
}

interface LocationRow {
  ref: string;
  etag: string;
  sourceId: string;
  path: string;
  version: string | null;
}

interface HistoryRow {
  scorecard: string;
  entityRef: string;
  at: number;
  status: ResultChangeStatus;
  fromLevel: string | null;
  toLevel: string | null;
  move: 'up' | 'down' | null;
  changeJson: string;
}

type ResultChangeStatus = ScorecardHistoryRow['status'];

/** The stored source version carries `#<settings fingerprint>` after the content version; files are read at the content version. */
const contentVersion = (version: string | null): string | undefined => {
  if (!version) return undefined;
  const cut = version.lastIndexOf('#');
  return cut < 0 ? version : version.slice(0, cut) || undefined;
};

const LOCATIONS_SQL = `SELECT e.ref AS ref, e.etag AS etag, e.source_id AS sourceId, f.path AS path, s.version AS version
  FROM entities e JOIN files f ON f.id = e.file_id LEFT JOIN sources s ON s.id = e.source_id`;

const toLocation = (row: LocationRow): EntityLocation => {
  const version = contentVersion(row.version);
  return { ref: row.ref, etag: row.etag, sourceId: row.sourceId, path: row.path, ...(version ? { version } : {}) };
};

const parseResults = (rows: { resultJson: string }[]): ScorecardResult[] => rows.map((row) => JSON.parse(row.resultJson) as ScorecardResult);

const toHistoryRow = (row: HistoryRow): ScorecardHistoryRow => {
  const change = JSON.parse(row.changeJson) as Pick<ScorecardHistoryRow, 'rules' | 'causes'>;
  return {
    scorecard: row.scorecard,
    entityRef: row.entityRef,
    at: new Date(row.at),
    status: row.status,
    from: row.fromLevel,
    to: row.toLevel,
    move: row.move,
    rules: change.rules,
    causes: change.causes,
  };
};

/** Refs per read of resultsOfEntities: bounds one statement's rows (results are sorted per read, as before). */
const CHUNK = 500;

/** `scorecard_results`, `scorecard_history` and `scorecard_stamps`: written through the one write queue. */
export class SqliteScorecardResults implements ScorecardResultsStore {
  private readonly statements;

  constructor(private readonly options: SqliteScorecardResultsOptions) {
    const { reader, writer } = options;
    this.statements = {
      locations: reader.prepare<[], LocationRow>(LOCATIONS_SQL),
      // Stamps are compared first and only the entities that differ are joined to their files and sources: after a
      // pass that changed one file this reads a few rows besides the scan, instead of three joins per entity.
      changed: reader.prepare<[string], LocationRow & { stamp: string | null }>(
        `SELECT e.ref AS ref, e.etag AS etag, e.source_id AS sourceId, f.path AS path, s.version AS version, c.stamp AS stamp
         FROM (SELECT e.id AS id, st.stamp AS stamp FROM entities e LEFT JOIN scorecard_stamps st ON st.entity_ref = e.ref
               WHERE st.stamp IS NULL OR st.stamp <> (e.etag || '|' || ?)) c
         CROSS JOIN entities e ON e.id = c.id JOIN files f ON f.id = e.file_id LEFT JOIN sources s ON s.id = e.source_id`,
      ),
      ofSource: reader.prepare<[string], LocationRow>(`${LOCATIONS_SQL} WHERE e.source_id = ?`),
      // The files_source_path index serves the range (files first: SQLite otherwise scans every entity); the instr
      // keeps catalog files right in the folder.
      inFolder: reader.prepare<[string, string, string, string, number], LocationRow>(
        `SELECT e.ref AS ref, e.etag AS etag, e.source_id AS sourceId, f.path AS path, s.version AS version
         FROM files f CROSS JOIN entities e ON e.file_id = f.id LEFT JOIN sources s ON s.id = e.source_id
         WHERE f.source_id = ? AND e.source_id = ? AND f.path >= ? AND f.path < ? AND instr(substr(f.path, ? + 1), '/') = 0`,
      ),
      sourceVersions: reader.prepare<[], { sourceId: string; version: string | null; scored: string | null }>(
        `SELECT s.id AS sourceId, s.version AS version, v.version AS scored FROM sources s
         LEFT JOIN scorecard_source_versions v ON v.source_id = s.id`,
      ),
      setSourceVersion: writer.prepare<[string, string]>(
        'INSERT INTO scorecard_source_versions (source_id, version) VALUES (?, ?) ON CONFLICT (source_id) DO UPDATE SET version = excluded.version',
      ),
      gone: reader.prepare<[], { entityRef: string }>(
        'SELECT entity_ref AS entityRef FROM scorecard_stamps WHERE entity_ref NOT IN (SELECT ref FROM entities)',
      ),
      stamps: reader.prepare<[], { entityRef: string; stamp: string }>('SELECT entity_ref AS entityRef, stamp FROM scorecard_stamps'),
      ofEntity: reader.prepare<[string], { resultJson: string }>(
        'SELECT result_json AS resultJson FROM scorecard_results WHERE entity_ref = ? ORDER BY scorecard',
      ),
      // The refs as one JSON array: one prepared statement for any number of them.
      ofEntities: reader.prepare<[string], { resultJson: string }>(
        'SELECT result_json AS resultJson FROM scorecard_results WHERE entity_ref IN (SELECT value FROM json_each(?)) ORDER BY scorecard, entity_ref',
      ),
      ofScorecard: reader.prepare<[string], { resultJson: string }>(
        'SELECT result_json AS resultJson FROM scorecard_results WHERE scorecard = ? ORDER BY entity_ref',
      ),
      history: reader.prepare<[string, string], HistoryRow>(
        `SELECT scorecard, entity_ref AS entityRef, at, status, from_level AS fromLevel, to_level AS toLevel, move, change_json AS changeJson
         FROM scorecard_history WHERE scorecard = ? AND entity_ref = ? ORDER BY at, id`,
      ),
      // The scorecard_history_at index serves the range.
      historyBetween: reader.prepare<[number, number, string], HistoryRow>(
        `SELECT scorecard, entity_ref AS entityRef, at, status, from_level AS fromLevel, to_level AS toLevel, move, change_json AS changeJson
         FROM scorecard_history WHERE at > ? AND at <= ? AND scorecard = ? ORDER BY at, id`,
      ),
      upsert: writer.prepare<[string, string, string | null, number, number, string, number]>(
        `INSERT INTO scorecard_results (scorecard, entity_ref, level, passed, total, result_json, evaluated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (scorecard, entity_ref) DO UPDATE SET level = excluded.level, passed = excluded.passed, total = excluded.total,
           result_json = excluded.result_json, evaluated_at = excluded.evaluated_at`,
      ),
      remove: writer.prepare<[string, string]>('DELETE FROM scorecard_results WHERE scorecard = ? AND entity_ref = ?'),
      addHistory: writer.prepare<[string, string, number, string, string | null, string | null, string | null, string]>(
        `INSERT INTO scorecard_history (scorecard, entity_ref, at, status, from_level, to_level, move, change_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      setStamp: writer.prepare<[string, string]>(
        'INSERT INTO scorecard_stamps (entity_ref, stamp) VALUES (?, ?) ON CONFLICT (entity_ref) DO UPDATE SET stamp = excluded.stamp',
      ),
      removeStamp: writer.prepare<[string]>('DELETE FROM scorecard_stamps WHERE entity_ref = ?'),
    };
  }

  entityLocations(): EntityLocation[] {
    return this.statements.locations.all().map(toLocation);
  }

  changedLocations(scorecardsKey: string): { location: EntityLocation; stamp?: string }[] {
    return this.statements.changed.all(scorecardsKey).map((row) => ({ location: toLocation(row), ...(row.stamp === null ? {} : { stamp: row.stamp }) }));
  }

  goneEntities(): string[] {
    return this.statements.gone.all().map((row) => row.entityRef);
  }

  sourceVersions(): SourceVersions[] {
    return this.statements.sourceVersions.all().map((row) => {
      const current = contentVersion(row.version);
      return { sourceId: row.sourceId, ...(current ? { current } : {}), ...(row.scored ? { scored: row.scored } : {}) };
    });
  }

  locationsOfSource(sourceId: string, folder?: string): EntityLocation[] {
    if (folder === undefined) return this.statements.ofSource.all(sourceId).map(toLocation);
    return this.statements.inFolder.all(sourceId, sourceId, folder, `${folder}\u{10FFFF}`, folder.length).map(toLocation);
  }

  stamps(): Map<string, string> {
    return new Map(this.statements.stamps.all().map((row) => [row.entityRef, row.stamp]));
  }

  resultsOfEntity(entityRef: string): ScorecardResult[] {
    return parseResults(this.statements.ofEntity.all(entityRef));
  }

  resultsOfScorecard(scorecard: string): ScorecardResult[] {
    return parseResults(this.statements.ofScorecard.all(scorecard));
  }

  resultsOfEntities(entityRefs: readonly string[]): ScorecardResult[] {
    const results: ScorecardResult[] = [];
    for (let start = 0; start < entityRefs.length; start += CHUNK) {
      results.push(...parseResults(this.statements.ofEntities.all(JSON.stringify(entityRefs.slice(start, start + CHUNK)))));
    }
    return results;
  }

  history(scorecard: string, entityRef: string): ScorecardHistoryRow[] {
    return this.statements.history.all(scorecard, entityRef).map(toHistoryRow);
  }

  historyBetween(scorecard: string, after: Date, until?: Date): ScorecardHistoryRow[] {
    return this.statements.historyBetween.all(after.getTime(), until?.getTime() ?? Number.MAX_SAFE_INTEGER, scorecard).map(toHistoryRow);
  }

  async write(batch: ScorecardWrite): Promise<void> {
    const sourceVersions = batch.sourceVersions ?? [];
    if (batch.upserts.length + batch.removals.length + batch.changes.length + batch.stamps.length + sourceVersions.length === 0) return;
    const at = batch.at.getTime();
    const { upsert, remove, addHistory, setStamp, removeStamp, setSourceVersion } = this.statements;
    await this.options.queue.transaction('scorecard results', () => {
      for (const result of batch.upserts) {
        upsert.run(result.scorecard, result.entityRef, result.level, result.passed, result.total, JSON.stringify(result), at);
      }
      for (const pair of batch.removals) remove.run(pair.scorecard, pair.entityRef);
      for (const change of batch.changes) {
        const json = JSON.stringify({ rules: change.rules, causes: change.causes });
        addHistory.run(change.scorecard, change.entityRef, at, change.status, change.from, change.to, change.move, json);
      }
      for (const { entityRef, stamp } of batch.stamps) {
        if (stamp === null) removeStamp.run(entityRef);
        else setStamp.run(entityRef, stamp);
      }
      for (const { sourceId, version } of sourceVersions) setSourceVersion.run(sourceId, version);
    });
  }
}
