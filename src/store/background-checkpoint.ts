import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The worker's whole program: its own connection, one PASSIVE checkpoint, done. Plain CommonJS given as
 * text, so the thread starts without the TypeScript loader (a few MB, not the app's module graph).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
try {
  db.pragma('busy_timeout = 10000');
  let result;
  try {
    result = db.pragma('wal_checkpoint(PASSIVE)')[0];
  } catch (error) {
    // Another connection holds the checkpoint lock (the last one closing checkpoints everything itself).
    if (error.code !== 'SQLITE_BUSY' && error.code !== 'SQLITE_LOCKED') throw error;
    result = { busy: 1 };
  }
  parentPort.postMessage(result);
} finally {
  db.close();
}`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

/** What a worker throws may arrive as a plain object (its class does not cross the thread boundary). */
const asError = (error: unknown): Error => {
  if (error instanceof Error) return error;
  const fields = error as { message?: unknown; code?: unknown } | null;
  if (typeof fields?.message === 'string') return new Error(typeof fields.code === 'string' ? `${fields.code}: ${fields.message}` : fields.message);
  return new Error(String(error));
};

/**
 * Copies committed pages from the WAL back into the database file on a worker thread. After a pass that
 * wrote a hundred thousand entities that copy takes most of a second (it also fsyncs), and done by the
 * committing connection it would stall the event loop, and every Slack answer with it. Checkpoints are
 * maintenance, not correctness: readers already see the committed pass through the WAL, and a checkpoint
 * cut short by a crash is simply done again. One at a time; a request while one runs is run after it.
 */
export class BackgroundCheckpointer {
  private running: Promise<void> | undefined;
  private requested = false;

  constructor(
    private readonly path: string,
    private readonly onError: (error: Error) => void,
  ) {}

  request(): void {
    this.requested = true;
    if (!this.running) this.running = this.drain();
  }

  /** Resolves once no checkpoint is running or waiting (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.requested) {
      this.requested = false;
      await this.checkpointOnce().catch((error: Error) => this.onError(error));
    }
    this.running = undefined;
  }

  private checkpointOnce(): Promise<void> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path: this.path } });
      // Not unref'd: a short-lived process (`callboard sync`) finishes the checkpoint before it exits.
      worker.once('error', (error: unknown) => reject(asError(error)));
      worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`checkpoint worker exited with code ${code}`))));
    });
  }
}
