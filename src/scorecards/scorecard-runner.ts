import { createHash } from 'node:crypto';
import type { EntityWithRelations } from '../core/catalog/entity.ts';
import { diffResults } from '../core/scorecards/diff-results.ts';
import { evaluateScorecard, type ScorecardResult } from '../core/scorecards/evaluate-scorecard.ts';
import { factsNeeded } from '../core/scorecards/facts-needed.ts';
import { matchFilter } from '../core/scorecards/match-filter.ts';
import { readScorecard } from '../core/scorecards/read-scorecard.ts';
import type { Scorecard } from '../core/scorecards/scorecard.ts';
import type { CatalogReader, Clock } from '../core/ports.ts';
import { gatherFacts, mergeNeeded, type FactsRequest, type HasOnCallNow } from './gather-facts.ts';
import type { EntityLocation, ScorecardResultsStore } from './results-store.ts';
import type { SourceFileReader } from './source-file-reader.ts';
import { foldersTouched } from './touched-by-change.ts';

export interface ScorecardRunnerDeps {
  catalog: Pick<CatalogReader, 'entities' | 'entity' | 'entityEnvelope' | 'dependencyWalk'>;
  results: ScorecardResultsStore;
  /** A file reader for one run, closed at its end (it holds git processes). */
  openFiles: () => SourceFileReader;
  hasOnCallNow?: HasOnCallNow;
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

const pairKey = (scorecard: string, entityRef: string): string => `${scorecard}\u0000${entityRef}`;

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
    // After a pass, SQLite tells which entities differ from their stamps; `all` and `only` look at every entity.
    const everything = options.all || options.only;
    const stored = everything
      ? (() => {
          const stamps = results.stamps();
          return results.entityLocations().map((location) => ({ location, stamp: stamps.get(location.ref) }));
        })()
      : results.changedLocations(key);
    const gone = options.only ? [] : results.goneEntities();
    const files = this.deps.openFiles();
    const report: RefreshReport = { entities: 0, results: 0, changes: 0, up: 0, down: 0, durationMs: 0 };
    const batchSize = this.deps.batchSize ?? 1000;
    try {
      const { candidates, sourceVersions } = await this.selectCandidates(options, stored, scorecards, key, files);
      report.entities = candidates.length;
      for (let start = 0; start < candidates.length || (start === 0 && gone.length > 0); start += batchSize) {
        const batch = candidates.slice(start, start + batchSize);
        const removedEntities = start === 0 ? gone : [];
        const outcome = await this.scoreBatch(batch, removedEntities, scorecards, key, files, now);
        report.results += outcome.results;
        report.changes += outcome.changes;
        report.up += outcome.up;
        report.down += outcome.down;
      }
      if (sourceVersions.length > 0) await results.write({ at: now, upserts: [], removals: [], changes: [], stamps: [], sourceVersions });
    } finally {
      await files.close();
    }
    report.durationMs = Math.round(performance.now() - started);
    return report;
  }

  /**
   * The entities to score: every one with `all`; else those never scored, changed, or scored before a scorecard
   * changed, and those of a source that moved to a version touching their folder (their catalog file, or a file a
   * scorecard reads for them: a git diff of the two commits; every entity of the source when it cannot be told).
   * Also the source versions to record (not for `only`, which scores part of a source).
   */
  private async selectCandidates(
    options: RefreshOptions,
    stored: readonly { location: EntityLocation; stamp?: string | undefined }[],
    scorecards: readonly Scorecard[],
    key: string,
    files: SourceFileReader,
  ): Promise<{ candidates: EntityLocation[]; sourceVersions: { sourceId: string; version: string }[] }> {
    const { results } = this.deps;
    const candidates = new Map<string, EntityLocation>();
    const wanted = (location: EntityLocation) => !options.only || options.only.has(location.ref);
    for (const { location, stamp } of stored) {
      if (wanted(location) && (options.all || stamp !== stampOf(location, key))) candidates.set(location.ref, location);
    }
    const sourceVersions: { sourceId: string; version: string }[] = [];
    for (const source of results.sourceVersions()) {
      if (!source.current || source.current === source.scored) continue;
      if (!options.only) sourceVersions.push({ sourceId: source.sourceId, version: source.current });
      if (options.all || !source.scored) continue;
      const changed = await files.changedPaths(source.sourceId, source.scored, source.current);
      const folders = changed ? foldersTouched(changed, scorecards) : 'all';
      const touched =
        folders === 'all' ? results.locationsOfSource(source.sourceId) : folders.flatMap((folder) => results.locationsOfSource(source.sourceId, folder));
      for (const location of touched) if (wanted(location)) candidates.set(location.ref, location);
    }
    return { candidates: [...candidates.values()], sourceVersions };
  }

  private async scoreBatch(
    batch: readonly EntityLocation[],
    gone: readonly string[],
    scorecards: readonly Scorecard[],
    scorecardsKey: string,
    files: SourceFileReader,
    now: Date,
  ): Promise<{ results: number; changes: number; up: number; down: number }> {
    const { catalog, results } = this.deps;
    const previous = results.resultsOfEntities([...batch.map((location) => location.ref), ...gone]);
    const previousByPair = new Map(previous.map((result) => [pairKey(result.scorecard, result.entityRef), result]));
    const work: { request: FactsRequest; scorecards: Scorecard[] }[] = [];
    for (const location of batch) {
      const entity: EntityWithRelations | undefined = catalog.entity(location.ref);
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
        onCallTimeoutMs: this.deps.onCallTimeoutMs ?? 2000,
        onCallConcurrency: 8,
      },
      work.map((item) => item.request),
    );
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
    const currentKeys = new Set(current.map((result) => pairKey(result.scorecard, result.entityRef)));
    // Previous results of entities that were not found now (deleted between the listing and the read) are kept.
    const scored = new Set([...work.map((item) => item.request.location.ref), ...gone]);
    const relevantPrevious = previous.filter((result) => scored.has(result.entityRef));
    const removals = relevantPrevious
      .filter((result) => !currentKeys.has(pairKey(result.scorecard, result.entityRef)))
      .map(({ scorecard, entityRef }) => ({ scorecard, entityRef }));
    const diff = diffResults(relevantPrevious, current);
    const upserts = current.filter((result) => {
      const before = previousByPair.get(pairKey(result.scorecard, result.entityRef));
      return !before || JSON.stringify(before) !== JSON.stringify(result);
    });
    const stamps = [
      ...work.map((item) => ({ entityRef: item.request.location.ref, stamp: stampOf(item.request.location, scorecardsKey) })),
      ...gone.map((entityRef) => ({ entityRef, stamp: null })),
    ];
    await results.write({ at: now, upserts, removals, changes: diff.changes, stamps });
    return { results: current.length, changes: diff.changes.length, up: diff.up.length, down: diff.down.length };
  }
}
