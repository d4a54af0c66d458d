import { errorProblem } from '../../core/problems.ts';
import type { CatalogSource, SourceReadout } from '../../core/ports.ts';
import type { SourceSyncResult } from '../../core/sync/sync-summary.ts';
import type { PreparedSource } from './prepare-source.ts';
import { reachedFilesUnchanged } from './reached-files-unchanged.ts';
import { isVersionUnchanged, versionKeyOf } from './source-version-key.ts';
import type { SyncPass } from './sync-pass.ts';
import { SourceWalk } from './walk-source-files.ts';

export const recordUnavailable = (pass: SyncPass, source: CatalogSource, error: unknown): SourceSyncResult => {
  const message = `source ${source.id} could not be read: ${(error as Error).message}. Everything it had is kept until it can be read again.`;
  pass.deps.writer.clearSourceProblems(source.id, 'source');
  pass.deps.writer.addProblem(source.id, null, null, errorProblem(message), 'source');
  return { id: source.id, outcome: 'unavailable', filesRead: 0, filesRemoved: 0, message };
};

const recordUnchanged = (pass: SyncPass, source: CatalogSource, readout: SourceReadout, version: string): SourceSyncResult => {
  pass.deps.writer.saveSourceState(source.id, version, readout.state, pass.deps.clock.now().getTime());
  return { id: source.id, outcome: 'unchanged', version: readout.version, filesRead: 0, filesRemoved: 0 };
};

/**
 * One source's part of a pass, under the write lock: skip it when its version is unchanged and nothing
 * waits for a retry, otherwise walk its files. An unreachable source changes nothing but its problem
 * record; a failure while walking propagates so the caller can undo the source's partial writes.
 */
export const applySource = async (pass: SyncPass, prepared: PreparedSource): Promise<SourceSyncResult> => {
  const { writer, clock } = pass.deps;
  const { source } = prepared;
  // Read again under the lock: another process may have synced this source since it was opened.
  const previous = writer.sourceState(source.id, source.type, clock.now().getTime());
  if ('failure' in prepared) return recordUnavailable(pass, source, prepared.failure);
  const { readout } = prepared;
  writer.clearSourceProblems(source.id, 'source');
  const version = versionKeyOf(source, readout);
  const versionUnchanged = isVersionUnchanged(source, readout, previous);
  if (versionUnchanged && readout.versionCoversEveryFile) return recordUnchanged(pass, source, readout, version);
  const stored = writer.files(source.id);
  const listed = prepared.listed ?? (await readout.listFiles());
  if (versionUnchanged && (await reachedFilesUnchanged(readout, listed, stored))) return recordUnchanged(pass, source, readout, version);
  const walk = new SourceWalk(pass, source, readout, listed, stored, prepared.prefetched);
  await walk.run();
  writer.saveSourceState(source.id, version, readout.state, clock.now().getTime());
  return { id: source.id, outcome: 'synced', version: readout.version, filesRead: walk.filesRead, filesRemoved: walk.filesRemoved };
};
