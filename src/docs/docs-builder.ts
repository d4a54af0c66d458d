import type { Clock } from '../core/ports.ts';
import type { DocsWarning } from '../core/docs/docs-site.ts';
import { findDocsRoot, type DocsRoot } from '../core/docs/find-docs-root.ts';
import type { BuildDocsSite } from './build-docs-site-port.ts';
import type { DocsFolderReader } from './docs-folder-reader.ts';
import { createDisplayPath, errorProblem, warningProblems, type DisplayPath } from './docs-problems.ts';
import { digestOf } from './docs-snapshot.ts';
import type { DocsStore, DocumentedEntityRow, StoredDocsState } from './docs-store.ts';
import { findDocsWebLinks } from './docs-web-links.ts';
import { mapWithConcurrency } from '../sources/map-with-concurrency.ts';

/** Bumped when the renderer's output changes for the same files, so every site is built again once. */
export const DOCS_BUILD_REVISION = '2';

export interface DocsBuilderDeps {
  store: DocsStore;
  /** Opened per run, closed at its end (it holds git readers). */
  openFolders: () => DocsFolderReader;
  build: BuildDocsSite;
  clock: Clock;
  maxPageBytes: number;
  /** Sites built at once (each read, rendered and stored): the render pool's size; default 1. */
  concurrency?: number;
  /** Milliseconds from some fixed point, for the build times reported. */
  elapsed?: () => number;
}

export interface BuiltDocsReport {
  entityRef: string;
  pages: number;
  warnings: DocsWarning[];
  ms: number;
}

export interface DocsRunReport {
  built: BuiltDocsReport[];
  unchanged: number;
  failed: { entityRef: string; error: string }[];
  removed: number;
  ms: number;
}

interface RunContext {
  folders: DocsFolderReader;
  states: Map<string, StoredDocsState>;
  versions: Map<string, string>;
  displayPath: DisplayPath;
  report: DocsRunReport;
}

/**
 * Builds the docs of documented entities from the catalog's sources at their synced versions. A root whose content
 * key is unchanged is not built again (nor one whose latest build failed on that same content); a failed build is a
 * problem on the entity and its last good build stays served; each site's new build is one transaction.
 */
export class DocsBuilder {
  constructor(private readonly deps: DocsBuilderDeps) {}

  /** Builds what changed; `only` limits the run to these entities (their lenders included), forgetting nothing. */
  async run(options: { only?: ReadonlySet<string> } = {}): Promise<DocsRunReport> {
    const elapsed = this.deps.elapsed ?? (() => performance.now());
    const started = elapsed();
    const { store } = this.deps;
    const folders = this.deps.openFolders();
    const context: RunContext = {
      folders,
      states: store.states(),
      versions: store.sourceVersions(),
      displayPath: createDisplayPath(store.displayPrefixes()),
      report: { built: [], unchanged: 0, failed: [], removed: 0, ms: 0 },
    };
    try {
      const repositories = folders.repositories();
      const roots = store.documentedEntities().map((entity) => ({ entity, root: findDocsRoot(entity, repositories) }));
      const wanted = options.only && withLenders(options.only, roots);
      const chosen = wanted ? roots.filter(({ entity }) => wanted.has(entity.ref)) : roots;
      await mapWithConcurrency(chosen, this.deps.concurrency ?? 1, async ({ entity, root }) => {
        if (root.kind === 'folder') await this.buildFolder(context, entity, root);
        if (root.kind === 'problem') await this.recordRootProblem(context, entity, root.message);
      });
      if (!options.only) await this.settleBorrowersAndGone(context, roots);
    } finally {
      await folders.close();
    }
    context.report.ms = Math.round(elapsed() - started);
    return context.report;
  }

  private async buildFolder(context: RunContext, entity: DocumentedEntityRow, root: Extract<DocsRoot, { kind: 'folder' }>): Promise<void> {
    const { store } = this.deps;
    const state = context.states.get(entity.ref);
    const version = root.sourceId === entity.sourceId ? entity.version : context.versions.get(root.sourceId);
    const opened = await context.folders.open(root.sourceId, root.folder, version);
    const rootFile = context.displayPath(root.sourceId, root.folder || '.');
    if (!opened.ok)
      return this.recordFailure(context, entity.ref, undefined, opened.error, errorProblem(root.sourceId, rootFile, opened.error, state?.built ?? false));
    const links = root.sourceId === entity.sourceId ? findDocsWebLinks(entity.annotations, entity.path, root.folder) : {};
    const settings = digestOf([DOCS_BUILD_REVISION, entity.ref, entity.name, String(this.deps.maxPageBytes), links.editBase ?? '', links.repoUrl ?? '']);
    const key = `${opened.snapshot.key}:${settings}`;
    if (key === state?.contentKey || key === state?.failedKey) {
      context.report.unchanged += 1;
      // The content of the last good build came back after a failure: that failure is over.
      if (key === state.contentKey && state.lastError)
        await store.clearFailure(entity.ref, warningProblems(root.sourceId, state.warnings, context.displayPath));
      return;
    }
    const elapsed = this.deps.elapsed ?? (() => performance.now());
    const started = elapsed();
    const result = await this.buildSite(entity, root.folder, opened.snapshot.readFiles, links);
    if (!result.ok) {
      const problems = [
        errorProblem(root.sourceId, rootFile, result.error, state?.built ?? false),
        ...warningProblems(root.sourceId, state?.warnings ?? [], context.displayPath),
      ];
      return this.recordFailure(context, entity.ref, key, result.error, ...problems);
    }
    const { site } = result;
    const contentChanged = state?.contentKey?.split(':')[0] !== opened.snapshot.key;
    await store.replaceSite({
      entityRef: entity.ref,
      key,
      ...(opened.snapshot.commit ? { commit: opened.snapshot.commit } : {}),
      site,
      at: this.deps.clock.now(),
      contentChanged,
      problems: warningProblems(root.sourceId, site.warnings, context.displayPath),
    });
    context.report.built.push({ entityRef: entity.ref, pages: site.pages.length, warnings: site.warnings, ms: Math.round(elapsed() - started) });
  }

  /** Reading and rendering never throw out of a run: whatever goes wrong is that entity's failed build. */
  private async buildSite(
    entity: DocumentedEntityRow,
    folder: string,
    readFiles: () => Promise<Map<string, Uint8Array>>,
    links: ReturnType<typeof findDocsWebLinks>,
  ) {
    try {
      const files = await readFiles();
      return await this.deps.build({
        entityRef: entity.ref,
        entityName: entity.name,
        files,
        rootInSource: folder,
        maxPageBytes: this.deps.maxPageBytes,
        ...links,
      });
    } catch (error) {
      return { ok: false as const, error: error instanceof Error ? error.message : String(error) };
    }
  }

  private async recordFailure(context: RunContext, entityRef: string, key: string | undefined, error: string, ...problems: ReturnType<typeof errorProblem>[]) {
    const state = context.states.get(entityRef);
    context.report.failed.push({ entityRef, error });
    // The same failure as last time, with nothing new to try: nothing to write.
    if (key === undefined && state?.lastError === error && state.failedKey === undefined) return;
    await this.deps.store.recordFailure({ entityRef, ...(key ? { key } : {}), error, problems });
  }

  private async recordRootProblem(context: RunContext, entity: DocumentedEntityRow, message: string): Promise<void> {
    const state = context.states.get(entity.ref);
    const problem = errorProblem(entity.sourceId, context.displayPath(entity.sourceId, entity.path), message, state?.built ?? false);
    await this.recordFailure(context, entity.ref, undefined, message, problem);
  }

  /** Borrowers point at lenders that have a site (else a problem); docs of entities no longer documented go. */
  private async settleBorrowersAndGone(context: RunContext, roots: { entity: DocumentedEntityRow; root: DocsRoot }[]): Promise<void> {
    const { store } = this.deps;
    const built = new Set([...store.states().values()].filter((state) => state.built).map((state) => state.entityRef));
    const borrowers = new Map<string, string>();
    const keep = new Set<string>();
    const gone: string[] = [];
    for (const { entity, root } of roots) {
      if (root.kind === 'folder' || root.kind === 'problem') keep.add(entity.ref);
      if (root.kind !== 'borrowed') continue;
      // A borrower that had its own docs before serves the lender's now.
      if (context.states.get(entity.ref)?.built) gone.push(entity.ref);
      if (built.has(root.lenderRef)) {
        borrowers.set(entity.ref, root.lenderRef);
        if (context.states.has(entity.ref)) gone.push(entity.ref);
        continue;
      }
      keep.add(entity.ref);
      const message = `backstage.io/techdocs-entity names ${root.lenderRef}, which has no built docs; fix its docs or the annotation`;
      await store.replaceProblems(entity.ref, [errorProblem(entity.sourceId, context.displayPath(entity.sourceId, entity.path), message, false)]);
    }
    await store.replaceBorrowers(borrowers);
    for (const ref of context.states.keys()) if (!keep.has(ref) && !borrowers.has(ref)) gone.push(ref);
    const unique = [...new Set(gone)];
    await store.forget(unique);
    context.report.removed = unique.length;
  }
}

/** The entities asked for, with the lenders of those that borrow their docs. */
const withLenders = (only: ReadonlySet<string>, roots: { entity: DocumentedEntityRow; root: DocsRoot }[]): Set<string> => {
  const wanted = new Set([...only].map((ref) => ref.toLowerCase()));
  for (const { entity, root } of roots) if (wanted.has(entity.ref) && root.kind === 'borrowed') wanted.add(root.lenderRef);
  return wanted;
};
