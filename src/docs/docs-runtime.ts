import { availableParallelism } from 'node:os';
import type { Logger } from 'pino';
import type { CatalogRuntime } from '../catalog-runtime.ts';
import type { Config } from '../config/load-config.ts';
import type { SyncSummary } from '../core/sync/sync-summary.ts';
import { passChangedSomething } from '../scorecards/score-after-passes.ts';
import { loadBuildDocsSite, type BuildDocsSite } from './build-docs-site-port.ts';
import { DocsBuilder, type DocsRunReport } from './docs-builder.ts';
import { createDocsFolderReader, type DigestCache } from './docs-folder-reader.ts';
import { createDocsRenderPool, SITES_PER_THREAD } from './docs-render-pool.ts';

/** The renderer a builder uses and how many sites it builds at once. */
export interface DocsRenderer {
  build: BuildDocsSite;
  /** Sites the builder builds at once. */
  concurrency: number;
  /** Render threads; 0 renders in the builder's thread. */
  threads: number;
}

/** More threads than this gain little: the builder's reads and store writes stay on the main thread. */
const MAX_RENDER_THREADS = 4;

/** One core is left to the main thread, which reads git and writes SQLite while the threads render. */
export const defaultRenderThreads = (cores = availableParallelism()): number => Math.max(0, Math.min(cores - 1, MAX_RENDER_THREADS));

/**
 * npm start's renderer: on a machine with more than one core, a pool of render threads (the renderer is CPU-bound:
 * sanitizing, Markdown and highlighting), the builder keeping every thread's sites (SITES_PER_THREAD) and one more in
 * flight, so the main thread stores one site while the threads render the next ones; on one core (`threads` 0), the
 * renderer in this thread, one site at a time.
 */
export const loadDocsRenderer = async (threads = defaultRenderThreads()): Promise<DocsRenderer> => {
  if (threads < 1) return { build: await loadBuildDocsSite(), concurrency: 1, threads: 0 };
  const pool = createDocsRenderPool({ size: threads });
  return { build: (input) => pool.build(input), concurrency: pool.size * SITES_PER_THREAD + 1, threads: pool.size };
};

/** The builder on the catalog runtime: its store (writes in the one queue) and the catalog's sources. */
export const createDocsBuilder = (
  config: Config,
  runtime: Pick<CatalogRuntime, 'docsStore' | 'registeredSources'>,
  build: BuildDocsSite | Pick<DocsRenderer, 'build' | 'concurrency'>,
  digests: DigestCache = new Map(),
): DocsBuilder =>
  new DocsBuilder({
    store: runtime.docsStore,
    openFolders: () => createDocsFolderReader({ config, registeredSources: runtime.registeredSources }, digests),
    ...(typeof build === 'function' ? { build } : { build: build.build, concurrency: build.concurrency }),
    clock: { now: () => new Date() },
    maxPageBytes: config.docs.maxPageBytes,
  });

/** Runs the builder one run at a time; asks made while one runs share the single run queued after it. */
export class DocsRunner {
  private running: Promise<DocsRunReport> | undefined;
  private queued: Promise<DocsRunReport> | undefined;

  constructor(private readonly builder: DocsBuilder) {}

  refresh(): Promise<DocsRunReport> {
    if (!this.running) return this.start();
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.start();
      });
    return this.queued;
  }

  private start(): Promise<DocsRunReport> {
    const run = this.builder.run().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }
}

/**
 * A folder source's version covers its catalog files only, so an edited docs page there leaves the pass unchanged:
 * with folder sources every pass looks (a walk and stat per docs root, nothing read again that is unchanged).
 */
const shouldBuildAfter = (config: Config, summary: SyncSummary): boolean =>
  passChangedSomething(summary) || config.catalog.sources.some((source) => source.type === 'dir');

/**
 * `npm start`'s docs: built after the first pass (docs a previous process did not build yet) and after every pass that
 * changed something. Not awaited by the pass: a slow build delays the docs, never the catalog. The renderer (a pool
 * of render threads on a multi-core machine) is loaded with the first run.
 */
export const startDocs = (
  config: Config,
  runtime: CatalogRuntime,
  log: Logger,
  loadRenderer: () => Promise<BuildDocsSite | DocsRenderer> = loadDocsRenderer,
): { refresh(): Promise<DocsRunReport> } => {
  let runner: Promise<DocsRunner> | undefined;
  const refresh = async () => {
    runner ??= loadRenderer().then((renderer) => new DocsRunner(createDocsBuilder(config, runtime, renderer)));
    return (await runner).refresh();
  };
  let first = true;
  runtime.sync.onPass((summary) => {
    if (!first && !shouldBuildAfter(config, summary)) return;
    first = false;
    refresh()
      .then((report) => {
        if (report.built.length + report.failed.length + report.removed > 0) log.info(summarizeDocsRun(report), 'docs built after a sync pass');
      })
      .catch((error: unknown) => log.error({ err: error }, 'building docs after a sync pass failed; the next pass tries again'));
  });
  return { refresh };
};

/** The log line of a run: counts, and the failures by entity. */
export const summarizeDocsRun = (report: DocsRunReport) => ({
  built: report.built.length,
  pages: report.built.reduce((sum, site) => sum + site.pages, 0),
  warnings: report.built.reduce((sum, site) => sum + site.warnings.length, 0),
  unchanged: report.unchanged,
  failed: report.failed.map((failure) => `${failure.entityRef}: ${failure.error}`),
  removed: report.removed,
  ms: report.ms,
});
