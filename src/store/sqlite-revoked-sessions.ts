import type Database from 'better-sqlite3';
import type { Clock } from '../core/ports.ts';
import type { WriteQueue } from './write-queue.ts';

export interface SqliteRevokedSessionsOptions {
  /** The process's one writer queue and its connection; the per-request check reads `reader` and never waits behind a write. */
  queue: WriteQueue;
  writer: Database.Database;
  reader: Database.Database;
  clock: Clock;
}

/**
 * Docs sign-in sessions signed out before they expired (`revoked_sessions`). A revocation is also remembered in
 * this process the moment it is asked for, so the next request is refused even while the write waits its turn
 * behind a sync pass, or if that write fails; the table is what makes it outlive a restart.
 */
export class SqliteRevokedSessions {
  /** Session id → its expiry (epoch ms), for the revocations made here. */
  private readonly revokedHere = new Map<string, number>();
  /** Session id → its write still queued or running, so signing out again waits for that one instead of queueing another. */
  private readonly writing = new Map<string, Promise<void>>();
  private readonly insert: Database.Statement<[string, number]>;
  private readonly prune: Database.Statement<[number]>;
  private readonly select: Database.Statement<[string], { found: number }>;

  constructor(private readonly options: SqliteRevokedSessionsOptions) {
    this.insert = options.writer.prepare('INSERT OR IGNORE INTO revoked_sessions (session_id, expires_at) VALUES (?, ?)');
    this.prune = options.writer.prepare('DELETE FROM revoked_sessions WHERE expires_at <= ?');
    // One primary-key lookup per docs request.
    this.select = options.reader.prepare('SELECT 1 AS found FROM revoked_sessions WHERE session_id = ?');
  }

  /** Whether the session was signed out, here or by another process on the same database. */
  isRevoked(sessionId: string): boolean {
    return this.revokedHere.has(sessionId) || this.select.get(sessionId) !== undefined;
  }

  /**
   * Revokes the session until `expiresAt` (epoch ms; after it the cookie is refused anyway) and prunes the
   * revocations that have expired. Resolves once the revocation is committed: at once when it already is (a
   * retried sign-out must not wait behind a sync pass for nothing), with the pending write when one is queued.
   */
  revoke(sessionId: string, expiresAt: number): Promise<void> {
    const now = this.options.clock.now().getTime();
    for (const [id, until] of this.revokedHere) if (until <= now) this.revokedHere.delete(id);
    this.revokedHere.set(sessionId, expiresAt);
    const pending = this.writing.get(sessionId);
    if (pending) return pending;
    if (this.select.get(sessionId) !== undefined) return Promise.resolve();
    const write = this.options.queue
      .transaction('revoke a docs session', () => {
        this.insert.run(sessionId, expiresAt);
        this.prune.run(now);
      })
      .finally(() => this.writing.delete(sessionId));
    this.writing.set(sessionId, write);
    return write;
  }
}
