import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocsBuildInput, DocsBuildResult } from './build-docs-site-port.ts';

/** Worker threads rendering whole docs sites, one site per thread at a time: sites build in parallel on every core. */
export interface DocsRenderPool {
  /** Threads at most; the builder builds this many sites at once. */
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

/** A pool of `size` threads, started on first use; a thread that dies fails its site and is replaced by the next site. */
export const createDocsRenderPool = ({ size }: { size: number }): DocsRenderPool => {
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  const queue: Job[] = [];
  let threads = 0;
  let closed = false;

  const finish = (worker: Worker, settle: (job: Job) => void): void => {
    const job = busy.get(worker);
    busy.delete(worker);
    if (job) settle(job);
  };

  const start = (): Worker => {
    // Compiled, the thread needs none of this process's loaders (a bench or test run under tsx would load tsx into
    // every render thread too); from TypeScript, the entry loads tsx itself.
    const worker = new Worker(workerEntry(), { execArgv: [] });
    threads += 1;
    worker.on('message', (result: DocsBuildResult) => {
      finish(worker, (job) => job.resolve(result));
      // Idle threads do not keep the process alive.
      worker.unref();
      idle.push(worker);
      dispatch();
    });
    worker.on('error', (error) => finish(worker, (job) => job.reject(error)));
    worker.on('exit', (code) => {
      threads -= 1;
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      finish(worker, (job) => job.reject(new Error(`the docs render thread stopped (exit code ${code}) while rendering ${job.input.entityRef}`)));
      if (!closed) dispatch();
    });
    return worker;
  };

  const dispatch = (): void => {
    while (queue.length > 0) {
      const worker = idle.pop() ?? (threads < size ? start() : undefined);
      if (!worker) return;
      const job = queue.shift()!;
      busy.set(worker, job);
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
      await Promise.all([...idle, ...busy.keys()].map((worker) => worker.terminate()));
    },
  };
};
