import type { Logger } from 'pino';
import type { CatalogRuntime } from '../catalog-runtime.ts';
import type { Config } from '../config/load-config.ts';
import type { SyncSummary } from '../core/sync/sync-summary.ts';
import { passChangedSomething } from '../scorecards/score-after-passes.ts';
import { loadBuildDocsSite, type BuildDocsSite } from './build-docs-site-port.ts';
import { DocsBuilder, type DocsRunReport } from './docs-builder.ts';
import { createDocsFolderReader, type DigestCache } from './docs-folder-reader.ts';

/** The builder on the catalog runtime: its store (writes in the one queue) and the catalog's sources. */
export const createDocsBuilder = (
  config: Config,
  runtime: Pick<CatalogRuntime, 'docsStore' | 'registeredSources'>,
  build: BuildDocsSite,
  digests: DigestCache = new Map(),
): DocsBuilder =>
  new DocsBuilder({
    store: runtime.docsStore,
    openFolders: () => createDocsFolderReader({ config, registeredSources: runtime.registeredSources }, digests),
    build,
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
 * changed something. Not awaited by the pass: a slow build delays the docs, never the catalog. The renderer is loaded
 * with the first run.
 */
export const startDocs = (
  config: Config,
  runtime: CatalogRuntime,
  log: Logger,
  loadBuild: () => Promise<BuildDocsSite> = loadBuildDocsSite,
): { refresh(): Promise<DocsRunReport> } => {
  let runner: Promise<DocsRunner> | undefined;
  const refresh = async () => {
    runner ??= loadBuild().then((build) => new DocsRunner(createDocsBuilder(config, runtime, build)));
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
