import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EntityOrigin } from './entity-record.ts';
import type { ParsedFileResult } from './parsed-file-result.ts';

type Pending = { resolve: (result: ParsedFileResult) => void; reject: (error: Error) => void };

const workerUrl = new URL('./parse-worker-entry.js', import.meta.url);

/**
 * A few worker threads that parse catalog files in parallel with the main thread's reading and SQLite
 * writes: on a 2-core machine this roughly halves a large pass. Worth it only for big passes (start-up
 * costs a few hundred ms), so the sync creates it on demand.
 */
export class ParseWorkerPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(size = Math.max(1, Math.min(4, availableParallelism()))) {
    this.workers = Array.from({ length: size }, () => this.startWorker());
  }

  parse(content: Uint8Array, displayPath: string, origin: EntityOrigin): Promise<ParsedFileResult> {
    const id = this.nextId++;
    const worker = this.workers[id % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, content, displayPath, origin });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private startWorker(): Worker {
    const worker = new Worker(workerUrl);
    worker.on('message', (message: { id: number; result?: ParsedFileResult; error?: string }) => {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error !== undefined) pending?.reject(new Error(message.error));
      else pending?.resolve(message.result!);
    });
    worker.on('error', (error) => this.failAll(error));
    return worker;
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
