import type { CatalogSource } from '../../core/ports.ts';
import { removeFile, settlePendingClaims } from './apply-file.ts';
import { SyncPass, type SourceSyncResult, type SyncDeps, type SyncSummary } from './sync-pass.ts';
import { recordUnavailable, syncSource } from './sync-source.ts';

export interface SyncOptions {
  /** Sync only this source id now (the others are left untouched, not pruned). */
  only?: string;
}

/** Runs one source inside a savepoint so a failure half-way (the repo vanishing mid-read) leaves that source exactly as before. */
const syncSourceIsolated = async (pass: SyncPass, source: CatalogSource): Promise<SourceSyncResult> => {
  const { writer } = pass.deps;
  const tallies = pass.snapshot();
  writer.savepoint();
  try {
    const result = await syncSource(pass, source);
    writer.releaseSavepoint();
    return result;
  } catch (error) {
    writer.rollbackToSavepoint();
    pass.restore(tallies);
    return recordUnavailable(pass, source, error);
  }
};

/** Sources that were synced before but are no longer configured: their entities leave the catalog. */
const pruneRemovedSources = (pass: SyncPass, configured: readonly CatalogSource[]): void => {
  const { writer } = pass.deps;
  const keep = new Set(configured.map((source) => source.id));
  for (const sourceId of writer.sourceIds()) {
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

/**
 * One sync pass over the configured sources, as a single transaction: a crash at any moment leaves
 * the catalog exactly as before the pass or exactly as after it.
 */
export const syncCatalog = async (sources: readonly CatalogSource[], deps: SyncDeps, options: SyncOptions = {}): Promise<SyncSummary> => {
  const pass = new SyncPass(deps);
  const selected = options.only ? sources.filter((source) => source.id === options.only) : sources;
  deps.writer.begin();
  try {
    const results: SourceSyncResult[] = [];
    for (const source of selected) results.push(await syncSourceIsolated(pass, source));
    // Every file is read: the worker's memory is given back before the index builds and the commit.
    await pass.close();
    if (!options.only) pruneRemovedSources(pass, sources);
    const summary = finishPass(pass, results);
    deps.writer.commit();
    return summary;
  } catch (error) {
    deps.writer.rollback();
    throw error;
  } finally {
    await pass.close();
  }
};
