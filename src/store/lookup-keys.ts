import type Database from 'better-sqlite3';
import type { LookupKeySource, LookupMatch } from '../core/resolve/lookup-key.ts';

/** At most this many entities per key: a key shared by thousands (a title like "API") still answers fast. */
const MAX_PER_KEY = 100;

interface MatchRow {
  ref: string;
  kind: string;
  name: string;
  title: unknown;
  type: unknown;
  key: string;
  source: string;
}

const columns = "e.ref, e.kind, e.name, json_extract(e.body, '$.metadata.title') AS title, json_extract(e.body, '$.spec.type') AS type";

const toMatch = (row: MatchRow): LookupMatch => {
  const match: LookupMatch = { ref: row.ref, kind: row.kind, name: row.name, key: row.key, source: row.source as LookupKeySource };
  if (typeof row.title === 'string' && row.title !== '') match.title = row.title;
  if (typeof row.type === 'string' && row.type !== '') match.type = row.type;
  return match;
};

/**
 * Entities by lookup key: the exact (lower-case) name through `entities_name`, every other key through the
 * `lookup_keys` primary key. Two index probes per key, whatever the size of the catalog.
 */
export class LookupKeyQueries {
  private readonly byName: Database.Statement<[string, number], MatchRow>;
  private readonly byKey: Database.Statement<[string, number], MatchRow>;

  constructor(client: Database.Database) {
    this.byName = client.prepare(`SELECT ${columns}, e.name AS key, 'name' AS source FROM entities e WHERE e.name = ? ORDER BY e.ref LIMIT ?`);
    this.byKey = client.prepare(
      `SELECT ${columns}, k.key, k.source FROM lookup_keys k JOIN entities e ON e.id = k.entity_id WHERE k.key = ? ORDER BY e.ref LIMIT ?`,
    );
  }

  find(keys: readonly string[]): LookupMatch[] {
    return [...new Set(keys)].flatMap((key) => [...this.byName.all(key, MAX_PER_KEY), ...this.byKey.all(key, MAX_PER_KEY)].map(toMatch));
  }
}
