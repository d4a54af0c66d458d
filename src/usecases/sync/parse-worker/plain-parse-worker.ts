import { Worker } from 'node:worker_threads';
import type { EntityClaim } from '../parsed-file-result.ts';
import { READY, unpackClaims, type PlainParseInput, type PlainParseReply } from './parse-messages.ts';
import { parseThreadProgram, type ParseThreadProgram } from './parse-thread-program.ts';

/**
 * The thread parses a batch of small files at a time and keeps nothing between batches: 16 MB of young
 * generation holds that, where V8's default grows the thread's heap to ~45 MB (peak RSS, `npm run bench`).
 * Half of this costs the thread a second more in collections at 100k files.
 */
const YOUNG_GENERATION_MB = 16;

type Claims = (EntityClaim[] | undefined)[];

interface PendingRequest {
  count: number;
  resolve: (claims: Claims) => void;
}

const nothingFor = (count: number): Claims => new Array<undefined>(count).fill(undefined);

/**
 * A worker thread that runs the fast path of parsing for the built-in kinds. Never in the way: until the
 * thread is up, and after it failed or was closed, every file comes back undefined and the caller parses
 * it itself, so a pass is never slower to start and never loses a file to the worker.
 */
export interface PlainParseWorkerOptions {
  /** Where a failure of the thread is reported; its files are then parsed by the caller. */
  onError: (error: Error) => void;
  /** The thread's program; default the parse thread next to this module (tests hand in a failing one). */
  program?: ParseThreadProgram;
}

export class PlainParseWorker {
  private worker: Worker | undefined;
  private isReady = false;
  private stopped = false;
  private nextId = 1;
  private readonly pending = new Map<number, PendingRequest>();
  private readonly onError: (error: Error) => void;
  private settleReady: (ready: boolean) => void = () => undefined;
  /** Resolves true once the thread takes files, false if it failed or was closed before. */
  readonly ready = new Promise<boolean>((resolve) => (this.settleReady = resolve));
  /** Files the thread has parsed (it hands back those that need the full reader). */
  filesParsed = 0;

  constructor(options: PlainParseWorkerOptions) {
    this.onError = options.onError;
    // Never throws: whatever goes wrong starting the thread ends as stop(), and the caller parses alone.
    try {
      this.spawn(options.program ?? parseThreadProgram());
    } catch (error) {
      this.stop(new Error(`could not start the parse worker: ${(error as Error).message}`));
    }
  }

  private spawn(program: ParseThreadProgram): void {
    const worker = new Worker(program.filename, { eval: program.eval, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    this.worker = worker;
    // Referenced only while a request waits: an idle worker never keeps the process alive.
    worker.unref();
    worker.on('message', (message: PlainParseReply | typeof READY) => this.receive(message));
    worker.on('error', (error: Error) => this.stop(error));
    worker.on('exit', (code) => this.stop(new Error(`parse worker exited with code ${code}`)));
  }

  /** Claims per file in order; undefined for a file the worker did not take or that needs the full reader. */
  parse(files: PlainParseInput[]): Promise<Claims> {
    const worker = this.worker;
    if (!worker || !this.isReady || this.stopped || files.length === 0) return Promise.resolve(nothingFor(files.length));
    const id = this.nextId++;
    const reply = new Promise<Claims>((resolve) => this.pending.set(id, { count: files.length, resolve }));
    // A small Buffer is a view into an 8 KB pool, and cloning a view clones its whole buffer: send a
    // tight copy of each file instead, and move it rather than copy it again.
    const tight = files.map(({ content, origin }) => ({ content: new Uint8Array(content), origin }));
    worker.ref();
    worker.postMessage(
      { id, files: tight },
      tight.map(({ content }) => content.buffer),
    );
    return reply;
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.releasePending();
    await this.worker?.terminate();
  }

  private receive(message: PlainParseReply | typeof READY): void {
    if (message === READY) {
      this.isReady = !this.stopped;
      this.settleReady(this.isReady);
      return;
    }
    const request = this.pending.get(message.id);
    if (!request) return;
    this.pending.delete(message.id);
    if (this.pending.size === 0) this.worker?.unref();
    const claims = unpackClaims(message);
    for (const fileClaims of claims) if (fileClaims) this.filesParsed += 1;
    request.resolve(claims);
  }

  private stop(error: Error): void {
    if (this.stopped) return;
    this.stopped = true;
    this.releasePending();
    try {
      this.onError(error);
    } catch {
      // Reporting is best effort: the pass goes on without the worker either way.
    }
  }

  /** Whatever was still with the worker is handed back to the caller to parse. */
  private releasePending(): void {
    this.settleReady(false);
    for (const request of this.pending.values()) request.resolve(nothingFor(request.count));
    this.pending.clear();
    this.worker?.unref();
  }
}
