import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';

export interface WriteQueueOptions {
  /**
   * Called once per task that has to wait because another process holds the database's write lock
   * (a `callboard sync` beside `npm start`), so a person sees why nothing happens yet.
   */
  onWait?: (label: string) => void;
  /** Give up after this long waiting for another process's lock (default 30 minutes: a 1M-entity first sync). */
  maxWaitMs?: number;
}

const isBusy = (error: unknown): boolean => {
  const code = (error as { code?: string } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
};

/**
 * The process's one writer. Every write (a sync pass, the job ledger, later scorecard results and
 * scaffolder runs) is a task here, run one at a time on the one writer connection, so no write waits
 * on another's network I/O: tasks do their fetching before they are queued.
 *
 * SQLite allows one writer per file, and better-sqlite3 waits for a lock synchronously (busy_timeout
 * blocks the event loop). While another process writes, a task here polls for the lock with timers
 * instead, so the process keeps answering meanwhile.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly client: Database.Database,
    private readonly options: WriteQueueOptions = {},
  ) {}

  /** Runs `work` alone on the writer connection, after every task queued before it; it manages no transaction. */
  run<T>(work: () => T | Promise<T>): Promise<T> {
    const next = this.tail.then(
      () => work(),
      () => work(),
    );
    this.tail = next.catch(() => undefined);
    return next;
  }

  /**
   * Runs `work` inside BEGIN IMMEDIATE … COMMIT (ROLLBACK when it throws), queued like `run`. The lock is
   * taken when the task's turn comes, waiting for another process's writer without blocking the event loop.
   */
  transaction<T>(label: string, work: () => T | Promise<T>): Promise<T> {
    return this.run(async () => {
      await this.beginImmediate(label);
      try {
        const result = await work();
        this.client.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.client.inTransaction) this.client.exec('ROLLBACK');
        throw error;
      }
    });
  }

  /** Takes the write lock, polling while another connection holds it. Exposed for writers that manage their own transaction. */
  async beginImmediate(label: string): Promise<void> {
    const started = Date.now();
    const maxWaitMs = this.options.maxWaitMs ?? 30 * 60_000;
    let delayMs = 5;
    let told = false;
    for (;;) {
      if (this.tryBegin()) return;
      if (!told) {
        this.options.onWait?.(label);
        told = true;
      }
      if (Date.now() - started > maxWaitMs) {
        throw Object.assign(new Error(`the database stayed locked by another process for ${Math.round(maxWaitMs / 1000)} s`), { code: 'SQLITE_BUSY' });
      }
      await sleep(delayMs);
      delayMs = Math.min(delayMs * 2, 250);
    }
  }

  private tryBegin(): boolean {
    const previous = this.client.pragma('busy_timeout', { simple: true }) as number;
    this.client.pragma('busy_timeout = 0');
    try {
      this.client.exec('BEGIN IMMEDIATE');
      return true;
    } catch (error) {
      if (isBusy(error)) return false;
      throw error;
    } finally {
      this.client.pragma(`busy_timeout = ${previous}`);
    }
  }
}
