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

const FIRST_POLL_MS = 5;
const MAX_POLL_MS = 250;

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

  /**
   * Runs `work` alone on the writer connection, after every task queued before it; it manages no transaction.
   * A task must not wait for another task it queues: that one runs only after it, so both would wait forever.
   * (Detecting it would take AsyncLocalStorage, whose promise hooks slow every await of a sync pass on Node 20.)
   */
  run<T>(work: () => T | Promise<T>): Promise<T> {
    // Called without arguments: the previous task's result or failure is none of this task's business.
    const start = () => work();
    const next = this.tail.then(start, start);
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

  /**
   * Takes the write lock, polling while another connection holds it (`onWait` is told once). Exposed for
   * writers that manage their own transaction; call it from inside a task of this queue.
   */
  async beginImmediate(label: string): Promise<void> {
    const started = Date.now();
    const maxWaitMs = this.options.maxWaitMs ?? 30 * 60_000;
    let delayMs = FIRST_POLL_MS;
    let told = false;
    while (!this.tryBegin()) {
      if (!told) {
        this.options.onWait?.(label);
        told = true;
      }
      if (Date.now() - started >= maxWaitMs) throw this.lockedTooLong(label, maxWaitMs);
      await sleep(delayMs);
      delayMs = Math.min(delayMs * 2, MAX_POLL_MS);
    }
  }

  private lockedTooLong(label: string, maxWaitMs: number): Error {
    const seconds = Math.round(maxWaitMs / 1000);
    const message = `${label}: the database ${this.client.name} stayed locked by another process for ${seconds} s; if no other Callboard process is writing to it, look for a stuck one`;
    return Object.assign(new Error(message), { code: 'SQLITE_BUSY' });
  }

  /** BEGIN IMMEDIATE without waiting: busy_timeout would block the whole event loop until the lock is free. */
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
