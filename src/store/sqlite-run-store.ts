import type Database from 'better-sqlite3';
import type { Clock } from '../core/ports.ts';
import type { RunRecord, RunSlackThread, RunStatus } from '../core/scaffolder/run-record.ts';
import type { RunListOptions, RunStore } from '../scaffolder/run/run-store.ts';
import type { WriteQueue } from './write-queue.ts';

interface RunRow {
  id: string;
  template_ref: string;
  template_etag: string | null;
  created_by: string;
  status: string;
  values_json: string;
  state_json: string;
  created_at: number;
  finished_at: number | null;
}

/** What `state_json` holds: every part of the record that has no column of its own. */
type RunState = Omit<RunRecord, 'id' | 'templateRef' | 'templateEtag' | 'createdBy' | 'status' | 'values' | 'createdAt' | 'finishedAt'>;

const toState = (run: RunRecord): RunState => {
  const { id: _id, templateRef: _ref, templateEtag: _etag, createdBy: _by, status: _status, values: _values, createdAt: _at, finishedAt: _end, ...state } = run;
  return state;
};

const toRecord = (row: RunRow): RunRecord => {
  const state = JSON.parse(row.state_json) as RunState;
  return {
    id: row.id,
    templateRef: row.template_ref,
    ...(row.template_etag !== null ? { templateEtag: row.template_etag } : {}),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    ...(row.finished_at !== null ? { finishedAt: new Date(row.finished_at).toISOString() } : {}),
    status: row.status as RunStatus,
    values: JSON.parse(row.values_json) as Record<string, unknown>,
    ...state,
  };
};

const millis = (iso: string | undefined): number | null => (iso === undefined ? null : new Date(iso).getTime());

const columns = 'id, template_ref, template_etag, created_by, status, values_json, state_json, created_at, finished_at';

export interface SqliteRunStoreOptions {
  /** The process's one writer queue, and the writer connection it runs its tasks on. */
  queue: WriteQueue;
  writer: Database.Database;
  /** A connection for reads, so `callboard runs` never waits behind a write. */
  reader: Database.Database;
  clock: Clock;
}

/**
 * Scaffolder runs in `scaffolder_runs`. A request key is unique (index `scaffolder_runs_request_key`): the insert
 * is INSERT … ON CONFLICT DO NOTHING inside the writer queue's transaction, so of two submits with the same key,
 * in this process or another, the first one recorded is the run both get back.
 */
export class SqliteRunStore implements RunStore {
  private readonly insertRun: Database.Statement;
  private readonly updateRun: Database.Statement;
  private readonly updateSlackThread: Database.Statement;
  private readonly selectByKeyOnWriter: Database.Statement<[string], RunRow>;
  private readonly selectById: Database.Statement<[string], RunRow>;

  constructor(private readonly options: SqliteRunStoreOptions) {
    this.insertRun = options.writer.prepare(
      `INSERT INTO scaffolder_runs (${columns}, request_key, updated_at)
       VALUES (@id, @template_ref, @template_etag, @created_by, @status, @values_json, @state_json, @created_at, @finished_at, @request_key, @updated_at)
       ON CONFLICT (request_key) DO NOTHING`,
    );
    // The runner's record does not know where Slack posted it (recordSlackThread writes that): keep the stored one.
    this.updateRun = options.writer.prepare(
      `UPDATE scaffolder_runs SET status = @status, values_json = @values_json, finished_at = @finished_at,
       state_json = CASE WHEN json_extract(@state_json, '$.slack') IS NULL AND json_extract(state_json, '$.slack') IS NOT NULL
         THEN json_set(@state_json, '$.slack', json(state_json -> '$.slack')) ELSE @state_json END,
       template_etag = @template_etag, updated_at = @updated_at WHERE id = @id`,
    );
    this.updateSlackThread = options.writer.prepare(
      `UPDATE scaffolder_runs SET state_json = json_set(state_json, '$.slack', json(@slack)), updated_at = @updated_at WHERE id = @id`,
    );
    this.selectByKeyOnWriter = options.writer.prepare(`SELECT ${columns} FROM scaffolder_runs WHERE request_key = ?`);
    this.selectById = options.reader.prepare(`SELECT ${columns} FROM scaffolder_runs WHERE id = ?`);
  }

  insert(run: RunRecord, requestKey?: string): Promise<{ run: RunRecord; created: boolean }> {
    return this.options.queue.transaction(`record scaffolder run ${run.id}`, () => {
      const created = this.insertRun.run({ ...this.row(run), request_key: requestKey ?? null }).changes === 1;
      if (created || requestKey === undefined) return { run, created };
      const first = this.selectByKeyOnWriter.get(requestKey);
      if (!first) throw new Error(`scaffolder run with request key ${requestKey} was neither inserted nor found`);
      return { run: toRecord(first), created: false };
    });
  }

  async save(run: RunRecord): Promise<void> {
    await this.options.queue.transaction(`update scaffolder run ${run.id}`, () => {
      const changes = this.updateRun.run(this.row(run)).changes;
      if (changes !== 1) throw new Error(`scaffolder run ${run.id} is not in the database; it must be inserted before it is saved`);
    });
  }

  async recordSlackThread(runId: string, thread: RunSlackThread): Promise<void> {
    await this.options.queue.transaction(`record the Slack thread of scaffolder run ${runId}`, () => {
      this.updateSlackThread.run({ id: runId, slack: JSON.stringify(thread), updated_at: this.options.clock.now().getTime() });
    });
  }

  get(id: string): RunRecord | undefined {
    const row = this.selectById.get(id);
    return row ? toRecord(row) : undefined;
  }

  list(options: RunListOptions = {}): RunRecord[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (options.templateRef !== undefined) {
      where.push('template_ref = ? COLLATE NOCASE');
      params.push(options.templateRef);
    }
    if (options.status !== undefined) {
      where.push('status = ?');
      params.push(options.status);
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const sql = `SELECT ${columns} FROM scaffolder_runs ${filter} ORDER BY created_at DESC, rowid DESC LIMIT ?`;
    const rows = this.options.reader.prepare<(string | number)[], RunRow>(sql).all(...params, options.limit ?? 100);
    return rows.map(toRecord);
  }

  private row(run: RunRecord) {
    return {
      id: run.id,
      template_ref: run.templateRef,
      template_etag: run.templateEtag ?? null,
      created_by: run.createdBy,
      status: run.status,
      values_json: JSON.stringify(run.values),
      state_json: JSON.stringify(toState(run)),
      created_at: new Date(run.createdAt).getTime(),
      finished_at: millis(run.finishedAt),
      updated_at: this.options.clock.now().getTime(),
    };
  }
}
