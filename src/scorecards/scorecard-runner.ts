import { createHash } from 'node:crypto';
import type { EntityWithRelations } from '../core/catalog/entity.ts';
import { evaluateScorecard, type ScorecardResult } from '../core/scorecards/evaluate-scorecard.ts';
import { factsNeeded } from '../core/scorecards/facts-needed.ts';
import { matchFilter } from '../core/scorecards/match-filter.ts';
import { readScorecard } from '../core/scorecards/read-scorecard.ts';
import type { EntityFacts } from '../core/scorecards/facts.ts';
import type { Scorecard } from '../core/scorecards/scorecard.ts';
import type { DocsLibrary } from '../core/docs/docs-library.ts';
import type { CatalogReader, Clock } from '../core/ports.ts';
import { createDependencyLifecycles, type DependencyLifecycles } from './dependency-lifecycles.ts';
import { gatherFacts, mergeNeeded, type FactsRequest, type HasOnCallNow } from './gather-facts.ts';
import type { EntityLocation, ScorecardResultsStore, SourceVersions } from './results-store.ts';
import { compareWithStored, pairKey } from './compare-with-stored.ts';
import type { SourceFileReader } from './source-file-reader.ts';
import { foldersTouched } from './touched-by-change.ts';

export interface ScorecardRunnerDeps {
  catalog: Pick<CatalogReader, 'entities' | 'entitiesByRef' | 'entityEnvelope' | 'dependencyWalk'>;
  results: ScorecardResultsStore;
  /** A file reader for one run, closed at its end (it holds git processes). */
  openFiles: () => SourceFileReader;
  hasOnCallNow?: HasOnCallNow;
  /** Built docs for `docs` checks; without it they are unknown. */
  docs?: Pick<DocsLibrary, 'site'>;
  clock: Clock;
  /** One on-call lookup's limit (default 2 s). */
  onCallTimeoutMs?: number;
  /** Entities whose facts are gathered and evaluated together (default 1000): bounds memory on a big catalog. */
  batchSize?: number;
}

export interface RefreshOptions {
  /** Score every entity again whatever changed (the daily job: docs age, on-call). */
  all?: boolean;
  /** Only these entity refs (the CLI scoring what it shows). */
  only?: ReadonlySet<string>;
}

export interface RefreshReport {
  /** Entities scored again. */
  entities: number;
  /** (scorecard, entity) results computed. */
  results: number;
  /** History rows written. */
  changes: number;
  up: number;
  down: number;
  durationMs: number;
}

/** The valid Scorecard entities of the catalog, each with its etag (a changed definition scores everything again). */
const readScorecards = (catalog: ScorecardRunnerDeps['catalog']): { scorecards: Scorecard[]; key: string } => {
  const scorecards: Scorecard[] = [];
  const parts: string[] = [];
  for (const entity of catalog.entities({ kind: 'Scorecard' })) {
    const read = readScorecard(entity);
    // Stored Scorecards passed validation; one that did not (a newer rule) is skipped, never stopping the others.
    if (!read.ok) continue;
    scorecards.push(read.scorecard);
    parts.push(`${read.scorecard.ref}@${entity.metadata.etag ?? ''}`);
  }
  return { scorecards, key: createHash('sha1').update(parts.sort().join('\n')).digest('hex').slice(0, 16) };
};

/**
 * What an entity's results depend on besides outside facts and files: its envelope and the scorecards. Files are
 * followed per source (the version the scores read them at, and a diff to the new one).
 */
const stampOf = (location: EntityLocation, scorecardsKey: string): string => `${location.etag}|${scorecardsKey}`;

/** A source whose content version moved since its entities were scored, and the paths the move changed. */
interface MovedSource {
  sourceId: string;
  version: string;
  /** A git diff of the two versions, under way; absent when every entity is scored anyway or none was before. */
  changedPaths?: Promise<ReadonlySet<string> | undefined>;
}

/**
 * Starts a diff for every source that moved (for a git source through the run's `git cat-file`, which starts now and
 * reads the files next).
 */
const startSourceDiffs = (options: RefreshOptions, sources: readonly SourceVersions[], files: SourceFileReader): MovedSource[] =>
  sources.flatMap((source) => {
    if (!source.current || source.current === source.scored) return [];
    const moved: MovedSource = { sourceId: source.sourceId, version: source.current };
    if (options.all || !source.scored) return [moved];
    moved.changedPaths = files.changedPaths(source.sourceId, source.scored, source.current);
    // Awaited in selectCandidates; marked handled so a failure there is not reported twice.
    moved.changedPaths.catch(() => undefined);
    return [moved];
  });

/** What every batch of one run shares. */
interface ScoringRun {
  scorecards: readonly Scorecard[];
  scorecardsKey: string;
  files: SourceFileReader;
  now: Date;
  dependencyLifecycles: DependencyLifecycles;
}

/** One batch read and ready to evaluate (see prepareBatch). */
interface PreparedBatch {
  gone: readonly string[];
  previous: ScorecardResult[];
  previousByPair: Map<string, ScorecardResult>;
  work: { request: FactsRequest; scorecards: Scorecard[] }[];
  facts: EntityFacts[];
}

/**
 * Scores entities on every Scorecard and stores the results: gathers facts outside the write queue, evaluates
 * (unknown rules keep the stored result's last known state), and writes in one transaction the results that changed,
 * a history row per change (diffResults) and the entities' stamps. Runs one at a time.
 */
export class ScorecardRunner {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: ScorecardRunnerDeps) {}

  /** Scores the entities that changed since they were last scored (all of them when a scorecard changed). */
  refresh(options: RefreshOptions = {}): Promise<RefreshReport> {
    const run = () => this.run(options);
    const next = this.tail.then(run, run);
    this.tail = next.catch(() => undefined);
    return next;
  }

  private async run(options: RefreshOptions): Promise<RefreshReport> {
    const { catalog, results, clock } = this.deps;
    const started = performance.now();
    const now = clock.now();
    const { scorecards, key } = readScorecards(catalog);
    const files = this.deps.openFiles();
    const report: RefreshReport = { entities: 0, results: 0, changes: 0, up: 0, down: 0, durationMs: 0 };
    const batchSize = this.deps.batchSize ?? 1000;
    let next: Promise<PreparedBatch> | undefined;
    try {
      // The git diffs run while SQLite looks for the entities that changed.
      const moved = startSourceDiffs(options, results.sourceVersions(), files);
      // After a pass, SQLite tells which entities differ from their stamps; `all` and `only` look at every entity.
      const stored = options.all || options.only ? this.everyLocation() : results.changedLocations(key);
      const gone = options.only ? [] : results.goneEntities();
      const candidates = await this.selectCandidates(options, stored, moved, scorecards, key);
      report.entities = candidates.length;
      const run: ScoringRun = { scorecards, scorecardsKey: key, files, now, dependencyLifecycles: createDependencyLifecycles(catalog) };
      // The next batch's entities and files are read while this one is evaluated and written: git answers the file
      // reads in its own process, so the wait for it overlaps the evaluation instead of following it.
      next = candidates.length > 0 || gone.length > 0 ? this.prepareBatch(run, candidates.slice(0, batchSize), gone) : undefined;
      for (let start = 0; next; start += batchSize) {
        const prepared: PreparedBatch = await next;
        const following = start + batchSize < candidates.length ? candidates.slice(start + batchSize, start + 2 * batchSize) : undefined;
        next = following ? this.prepareBatch(run, following, []) : undefined;
        // Awaited at the next turn; until then a failure must not count as unhandled if this batch fails first.
        next?.catch(() => undefined);
        const outcome = await this.finishBatch(run, prepared);
        report.results += outcome.results;
        report.changes += outcome.changes;
        report.up += outcome.up;
        report.down += outcome.down;
      }
      const sourceVersions = moved.map(({ sourceId, version }) => ({ sourceId, version }));
      // `only` scores part of a source: the version its other entities were scored at stays recorded.
      if (sourceVersions.length > 0 && !options.only) {
        await results.write({ at: now, upserts: [], removals: [], changes: [], stamps: [], sourceVersions });
      }
    } finally {
      // A batch still being read when an earlier one failed finishes its reads before the readers are handed back.
      await next?.catch(() => undefined);
      await files.close();
    }
    report.durationMs = Math.round(performance.now() - started);
    return report;
  }

  private everyLocation(): { location: EntityLocation; stamp?: string | undefined }[] {
    const stamps = this.deps.results.stamps();
    return this.deps.results.entityLocations().map((location) => ({ location, stamp: stamps.get(location.ref) }));
  }

  /**
   * The entities to score: every one with `all`; else those never scored, changed, or scored before a scorecard
   * changed, and those of a source that moved to a version touching their folder (their catalog file, or a file a
   * scorecard reads for them: a git diff of the two commits; every entity of the source when it cannot be told).
   */
  private async selectCandidates(
    options: RefreshOptions,
    stored: readonly { location: EntityLocation; stamp?: string | undefined }[],
    moved: readonly MovedSource[],
    scorecards: readonly Scorecard[],
    key: string,
  ): Promise<EntityLocation[]> {
    const { results } = this.deps;
    const candidates = new Map<string, EntityLocation>();
    const wanted = (location: EntityLocation) => !options.only || options.only.has(location.ref);
    for (const { location, stamp } of stored) {
      if (wanted(location) && (options.all || stamp !== stampOf(location, key))) candidates.set(location.ref, location);
    }
    for (const source of moved) {
      if (!source.changedPaths) continue;
      const changed = await source.changedPaths;
      const folders = changed ? foldersTouched(changed, scorecards) : 'all';
      const touched =
        folders === 'all' ? results.locationsOfSource(source.sourceId) : folders.flatMap((folder) => results.locationsOfSource(source.sourceId, folder));
      for (const location of touched) if (wanted(location)) candidates.set(location.ref, location);
    }
    return [...candidates.values()];
  }

  /** A batch's previous results, entities and facts: everything read before it is evaluated. */
  private async prepareBatch(run: ScoringRun, batch: readonly EntityLocation[], gone: readonly string[]): Promise<PreparedBatch> {
    const { scorecards, files } = run;
    const { catalog, results } = this.deps;
    const previous = results.resultsOfEntities([...batch.map((location) => location.ref), ...gone]);
    const previousByPair = new Map(previous.map((result) => [pairKey(result.scorecard, result.entityRef), result]));
    const work: { request: FactsRequest; scorecards: Scorecard[] }[] = [];
    const entities = catalog.entitiesByRef(batch.map((location) => location.ref));
    for (const location of batch) {
      const entity: EntityWithRelations | undefined = entities.get(location.ref.toLowerCase());
      if (!entity) continue;
      const matching = scorecards.filter((scorecard) => matchFilter(entity, scorecard.filter));
      const needed = mergeNeeded(matching.map((scorecard) => factsNeeded(scorecard, location.path)));
      work.push({ request: { entity, location, needed }, scorecards: matching });
    }
    const facts = await gatherFacts(
      {
        catalog,
        files,
        ...(this.deps.hasOnCallNow ? { hasOnCallNow: this.deps.hasOnCallNow } : {}),
        ...(this.deps.docs ? { docs: this.deps.docs } : {}),
        onCallTimeoutMs: this.deps.onCallTimeoutMs ?? 2000,
        onCallConcurrency: 8,
        dependencyLifecycles: run.dependencyLifecycles,
      },
      work.map((item) => item.request),
    );
    return { gone, previous, previousByPair, work, facts };
  }

  private async finishBatch(run: ScoringRun, prepared: PreparedBatch): Promise<{ results: number; changes: number; up: number; down: number }> {
    const { scorecardsKey, now } = run;
    const { results } = this.deps;
    const { gone, previous, previousByPair, work, facts } = prepared;
    const current: ScorecardResult[] = [];
    work.forEach(({ request, scorecards: matching }, index) => {
      for (const scorecard of matching) {
        const before = previousByPair.get(pairKey(scorecard.ref, request.location.ref));
        current.push(
          evaluateScorecard({
            scorecard,
            entity: request.entity,
            catalogFile: request.location.path,
            facts: facts[index]!,
            now,
            ...(before ? { previous: before } : {}),
          }),
        );
      }
    });
    // Previous results of entities that were not found now (deleted between the listing and the read) are kept.
    const scored = new Set([...work.map((item) => item.request.location.ref), ...gone]);
    const { upserts, removals, diff } = compareWithStored(
      previous.filter((result) => scored.has(result.entityRef)),
      previousByPair,
      current,
    );
    const stamps = [
      ...work.map((item) => ({ entityRef: item.request.location.ref, stamp: stampOf(item.request.location, scorecardsKey) })),
      ...gone.map((entityRef) => ({ entityRef, stamp: null })),
    ];
    await results.write({ at: now, upserts, removals, changes: diff.changes, stamps });
    return { results: current.length, changes: diff.changes.length, up: diff.up.length, down: diff.down.length };
  }
}
