import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocsBuildInput, DocsBuildResult } from './build-docs-site-port.ts';

/** Worker threads rendering whole docs sites, one site per thread at a time: sites build in parallel on every core. */
export interface DocsRenderPool {
  /** Threads at most. */
  readonly size: number;
  build(input: DocsBuildInput): Promise<DocsBuildResult>;
  /** Ends the threads; sites still waiting are refused. Idle threads never hold the process open, so this is for tests and shutdowns. */
  close(): Promise<void>;
}

interface Job {
  input: DocsBuildInput;
  resolve: (result: DocsBuildResult) => void;
  reject: (error: Error) => void;
}

/**
 * The worker's entry. Compiled (dist/), the worker's .js file. Run from TypeScript (tests, `--source` benches), a small
 * module that registers tsx in the thread first.
 */
const workerEntry = (): URL => {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./docs-render-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return entry;
  const tsxApi = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const code = `import { register } from ${JSON.stringify(tsxApi)};\nregister({ tsconfig: false });\nawait import(${JSON.stringify(entry.href)});\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
};

/**
 * Sites handed to a thread before it has finished the one it renders: the next one waits in the thread's own message
 * queue, so a thread goes on to it without waiting for the main thread to take the result and send more (on a busy
 * machine that round trip costs a scheduling delay per site).
 */
export const SITES_PER_THREAD = 2;

/**
 * A pool of `size` threads, started on first use. A thread that dies fails the site it was rendering only: the sites
 * waiting in its queue go to another thread. `entry` is the thread's module (tests give one that crashes).
 */
export const createDocsRenderPool = ({ size, entry = workerEntry }: { size: number; entry?: () => URL }): DocsRenderPool => {
  // Each thread's sites in the order it was sent them, which is the order it answers in.
  const sent = new Map<Worker, Job[]>();
  const queue: Job[] = [];
  let closed = false;

  const settleFirst = (worker: Worker, settle: (job: Job) => void): void => {
    const job = sent.get(worker)?.shift();
    if (job) settle(job);
  };

  const start = (): Worker => {
    // Compiled, the thread needs none of this process's loaders (a bench or test run under tsx would load tsx into
    // every render thread too); from TypeScript, the entry loads tsx itself.
    const worker = new Worker(entry(), { execArgv: [] });
    // Set once 'error' has failed the site being rendered: the sites left at the exit only waited.
    let failedOne = false;
    sent.set(worker, []);
    worker.on('message', (result: DocsBuildResult) => {
      settleFirst(worker, (job) => job.resolve(result));
      // Idle threads do not keep the process alive.
      if (sent.get(worker)?.length === 0) worker.unref();
      dispatch();
    });
    worker.on('error', (error) => {
      failedOne = true;
      settleFirst(worker, (job) => job.reject(error));
    });
    worker.on('exit', (code) => {
      const lost = sent.get(worker) ?? [];
      sent.delete(worker);
      const stopped = (job: Job) => new Error(`the docs render thread stopped (exit code ${code}) while rendering ${job.input.entityRef}`);
      if (closed) {
        for (const job of lost) job.reject(stopped(job));
        return;
      }
      // A thread answers in the order it was sent sites, so the first left is the one it died on; the others had not
      // started and are rendered again first, on another thread.
      const culprit = failedOne ? undefined : lost.shift();
      if (culprit) culprit.reject(stopped(culprit));
      queue.unshift(...lost);
      dispatch();
    });
    return worker;
  };

  /** The least loaded thread with room for another site, or a new thread while there are fewer than `size`. */
  const threadWithRoom = (): Worker | undefined => {
    let best: Worker | undefined;
    for (const [worker, jobs] of sent) if (jobs.length < SITES_PER_THREAD && (!best || jobs.length < sent.get(best)!.length)) best = worker;
    if (best && sent.get(best)!.length === 0) return best;
    return sent.size < size ? start() : best;
  };

  const dispatch = (): void => {
    while (queue.length > 0) {
      const worker = threadWithRoom();
      if (!worker) return;
      const job = queue.shift()!;
      sent.get(worker)!.push(job);
      worker.ref();
      worker.postMessage(job.input);
    }
  };

  return {
    size,
    build: (input) =>
      new Promise((resolve, reject) => {
        if (closed) return reject(new Error('the docs render pool is closed'));
        queue.push({ input, resolve, reject });
        dispatch();
      }),
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the docs render pool is closed'));
      await Promise.all([...sent.keys()].map((worker) => worker.terminate()));
    },
  };
};
