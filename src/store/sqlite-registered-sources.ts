import type Database from 'better-sqlite3';
import type { SourceConfig } from '../config/load-config.ts';
import { sourceConfigSchema } from '../config/schema.ts';
import type { RegisteredSource } from '../scaffolder/source-registrar.ts';
import type { WriteQueue } from './write-queue.ts';

/** A registered source as stored: the listing fields, and the `catalog.sources`-shaped config it syncs with. */
export interface StoredRegisteredSource extends RegisteredSource {
  config: SourceConfig;
}

interface RegisteredSourceRow {
  id: string;
  url: string;
  config_json: string;
  registered_by: string;
  registered_at: number;
}

const columns = 'id, url, config_json, registered_by, registered_at';

/** A row whose config no longer parses (written by a newer Callboard, or edited by hand) names itself. */
const toStored = (row: RegisteredSourceRow): StoredRegisteredSource => {
  const parsed = sourceConfigSchema.safeParse(JSON.parse(row.config_json));
  if (!parsed.success) {
    throw new Error(`registered source "${row.id}" has an invalid stored config (${parsed.error.issues[0]?.message}); run \`callboard unregister ${row.id}\``);
  }
  return {
    id: row.id,
    url: row.url,
    type: parsed.data.type,
    registeredBy: row.registered_by,
    registeredAt: new Date(row.registered_at).toISOString(),
    config: { ...parsed.data, id: row.id },
  };
};

/**
 * Reads the registered sources from one connection, oldest first: start-up needs them before any writer
 * queue exists, to build the sync's source list (registered sources sync after the configured ones).
 */
export const readRegisteredSources = (client: Database.Database): StoredRegisteredSource[] =>
  (client.prepare(`SELECT ${columns} FROM registered_sources ORDER BY registered_at, id`).all() as RegisteredSourceRow[]).map(toStored);

export interface SqliteRegisteredSourcesOptions {
  /** The process's one writer queue, and the writer connection its tasks run on. */
  queue: WriteQueue;
  writer: Database.Database;
  /** For listings and entity lookups, so they never wait behind a sync pass. */
  reader: Database.Database;
}

/** `registered_sources`: sources added by `callboard register` and `catalog:register`, kept across restarts. */
export class SqliteRegisteredSources {
  private readonly insert: Database.Statement<[string, string, string, string, number]>;
  private readonly remove: Database.Statement<[string]>;
  private readonly selectOne: Database.Statement<[string], RegisteredSourceRow>;
  private readonly selectRefs: Database.Statement<[string], { ref: string }>;

  constructor(private readonly options: SqliteRegisteredSourcesOptions) {
    this.insert = options.writer.prepare(`INSERT INTO registered_sources (${columns}) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`);
    this.remove = options.writer.prepare('DELETE FROM registered_sources WHERE id = ?');
    this.selectOne = options.reader.prepare(`SELECT ${columns} FROM registered_sources WHERE id = ?`);
    // First file (by path) first, and in a file its first document first: Backstage's `entityRef` is the file's first entity.
    this.selectRefs = options.reader.prepare(
      'SELECT e.ref AS ref FROM entities e JOIN files f ON f.id = e.file_id WHERE e.source_id = ? ORDER BY f.path, e.line, e.id',
    );
  }

  list(): StoredRegisteredSource[] {
    return readRegisteredSources(this.options.reader);
  }

  find(id: string): StoredRegisteredSource | undefined {
    const row = this.selectOne.get(id);
    return row ? toStored(row) : undefined;
  }

  /** False when a source with this id is already registered (it is left as it was). */
  add(source: StoredRegisteredSource): Promise<boolean> {
    const { id, url, config, registeredBy, registeredAt } = source;
    return this.options.queue.transaction(`register source ${id}`, () => {
      return this.insert.run(id, url, JSON.stringify(config), registeredBy, Date.parse(registeredAt)).changes === 1;
    });
  }

  /** False when no source had this id. */
  delete(id: string): Promise<boolean> {
    return this.options.queue.transaction(`unregister source ${id}`, () => this.remove.run(id).changes === 1);
  }

  /** The refs of the entities a source holds now, its first file's first entity first. */
  entityRefs(sourceId: string): string[] {
    return this.selectRefs.all(sourceId).map((row) => row.ref);
  }
}
