import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

/** A fingerprint of everything a pass writes, to tell the before-state from the after-state. */
export const catalogDigest = (path: string): { digest: string; integrity: string; entities: number } => {
  const client = new Database(path);
  try {
    const integrity = client.pragma('integrity_check', { simple: true }) as string;
    const hash = createHash('sha1');
    const entities = client.prepare('SELECT ref, etag FROM entities ORDER BY ref').all() as { ref: string; etag: string }[];
    for (const row of entities) hash.update(`${row.ref} ${row.etag}\n`);
    for (const table of ['relations', 'problems', 'files', 'sync_passes', 'entity_search']) {
      hash.update(`${table} ${(client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n}\n`);
    }
    for (const row of client.prepare('SELECT path, hash FROM files ORDER BY path').all() as { path: string; hash: string }[])
      hash.update(`${row.path} ${row.hash}\n`);
    return { digest: hash.digest('hex'), integrity, entities: entities.length };
  } finally {
    client.close();
  }
};
