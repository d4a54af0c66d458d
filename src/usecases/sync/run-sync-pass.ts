import { CatalogWriteError } from '../../core/errors.ts';
import type { CatalogSource } from '../../core/ports.ts';
import type { SourceSyncResult, SyncSummary } from '../../core/sync/sync-summary.ts';
import { removeFile, settlePendingClaims } from './apply-file.ts';
import { applySource, recordUnavailable } from './apply-source.ts';
import { prepareSource, type PreparedSource } from './prepare-source.ts';
import { SyncPass, type SyncDeps } from './sync-pass.ts';

export interface SyncOptions {
  /** Sync only this source id now (the others are left untouched, not pruned). */
  only?: string;
}

/** What the pass was doing, for the message of a database error. */
interface PassStep {
  doing: string;
}

/**
 * Applies one source inside a savepoint so a source failing half-way (the repo vanishing mid-read) leaves
 * that source exactly as before. A database error is not the source's fault: it ends the whole pass.
 */
const applySourceIsolated = async (pass: SyncPass, prepared: PreparedSource): Promise<SourceSyncResult> => {
  const { writer } = pass.deps;
  const tallies = pass.snapshot();
  writer.savepoint();
  try {
    const result = await applySource(pass, prepared);
    writer.releaseSavepoint();
    return result;
  } catch (error) {
    if (error instanceof CatalogWriteError) throw error;
    writer.rollbackToSavepoint();
    pass.restore(tallies);
    return recordUnavailable(pass, prepared.source, error);
  }
};

/**
 * Sources that were synced before but are no longer present: their entities leave the catalog. A pass for one
 * source (`only`) looks at that source alone, so syncing a source just removed (unregistered) prunes it at once.
 */
const pruneRemovedSources = (pass: SyncPass, present: readonly CatalogSource[], only: string | undefined): void => {
  const { writer } = pass.deps;
  const keep = new Set(present.map((source) => source.id));
  for (const sourceId of only === undefined ? writer.sourceIds() : [only]) {
    if (keep.has(sourceId)) continue;
    for (const file of writer.files(sourceId).values()) removeFile(pass, file.id);
    writer.deleteSource(sourceId);
  }
};

const finishPass = (pass: SyncPass, results: SourceSyncResult[]): SyncSummary => {
  const { writer, clock } = pass.deps;
  settlePendingClaims(pass);
  const changed = pass.added + pass.updated + pass.removed > 0;
  if (pass.deps.danglingRefs === false) writer.clearDanglingRefs();
  else if (changed || results.some((result) => result.outcome === 'synced')) writer.recomputeDanglingRefs();
  const finishedAt = clock.now().getTime();
  const counts = writer.problemCounts();
  const summary: SyncSummary = {
    startedAt: new Date(pass.startedAt).toISOString(),
    durationMs: finishedAt - pass.startedAt,
    sources: results,
    added: pass.added,
    updated: pass.updated,
    removed: pass.removed,
    errors: counts.errors,
    warnings: counts.warnings,
  };
  writer.recordPass(pass.startedAt, finishedAt, summary);
  return summary;
};

/** Everything the pass writes, under the write lock. */
const applyPass = async (pass: SyncPass, prepared: PreparedSource[], sources: readonly CatalogSource[], options: SyncOptions, step: PassStep) => {
  const results: SourceSyncResult[] = [];
  for (const source of prepared) {
    step.doing = `writing source ${source.source.id}`;
    results.push(await applySourceIsolated(pass, source));
  }
  step.doing = 'finishing the pass';
  // Every file is read: the worker's memory is given back before the index builds and the commit.
  await pass.close();
  pruneRemovedSources(pass, sources, options.only);
  const summary = finishPass(pass, results);
  step.doing = 'committing the pass';
  return summary;
};

const closeReadouts = async (prepared: readonly PreparedSource[]): Promise<void> => {
  await Promise.allSettled(prepared.map((source) => ('readout' in source ? source.readout.close() : undefined)));
};

/**
 * One sync pass over the configured sources. Sources are opened and listed first, without the write lock
 * (see prepareSource and docs/decisions/0002-sync-lock-scope.md); then everything is applied as a single
 * transaction, so a crash at any moment leaves the catalog exactly as before the pass or exactly as after it.
 * A database error rolls the whole pass back and rejects with a CatalogWriteError naming what was being written.
 */
export const runSyncPass = async (sources: readonly CatalogSource[], deps: SyncDeps, options: SyncOptions = {}): Promise<SyncSummary> => {
  const selected = options.only ? sources.filter((source) => source.id === options.only) : sources;
  const prepared: PreparedSource[] = [];
  const step: PassStep = { doing: 'reading what the catalog holds of the sources' };
  // Started before the sources are opened, so the summary's duration counts the fetching too.
  const pass = new SyncPass(deps);
  try {
    for (const source of selected) prepared.push(await prepareSource(source, deps));
    step.doing = 'waiting for the write lock';
    return await deps.writer.writePass('sync pass', () => applyPass(pass, prepared, sources, options, step));
  } catch (error) {
    if (!(error instanceof CatalogWriteError)) throw error;
    throw new CatalogWriteError(`database error while ${step.doing}: ${error.message}; the pass was rolled back, nothing changed`, { cause: error });
  } finally {
    await pass.close();
    await closeReadouts(prepared);
  }
};
