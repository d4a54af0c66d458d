import { CatalogWriteError } from '../../core/errors.ts';
import type { CatalogSource, SourceFile, SourceReadout } from '../../core/ports.ts';
import type { StoredSourceState } from '../../core/sync/catalog-write-records.ts';
import { cacheReads } from './cache-reads.ts';
import { prefetchSourceReads, type PrefetchedFiles } from './prefetch-source-reads.ts';
import { reachedFilesUnchanged } from './reached-files-unchanged.ts';
import { contentVersionOf, isVersionUnchanged } from './source-version-key.ts';
import type { SyncDeps } from './sync-pass.ts';

/** A source opened and listed before the pass takes the write lock, or why it could not be. */
export type PreparedSource =
  | { source: CatalogSource; failure: unknown }
  | {
      source: CatalogSource;
      readout: SourceReadout;
      /** Not listed when the stored version says nothing changed (the pass lists it under the lock if that no longer holds). */
      listed: SourceFile[] | undefined;
      prefetched: PrefetchedFiles;
    };

/**
 * A source whose version fingerprints every file (a git commit) and equals what the catalog holds needs no
 * listing: at 100k files that listing was most of a no-change pass (~0.85 s against ~40 ms).
 */
const knownUnchanged = (source: CatalogSource, readout: SourceReadout, state: StoredSourceState | undefined): boolean =>
  readout.versionCoversEveryFile === true && isVersionUnchanged(source, readout, state);

/**
 * What a network source's walk will read, read now. Nothing when the version is unchanged and the files
 * reached beyond the listing are too (that check itself is what reads them, through the cache).
 */
const prefetchNetworkReads = async (
  source: CatalogSource,
  readout: SourceReadout,
  listed: SourceFile[],
  state: StoredSourceState | undefined,
  deps: SyncDeps,
): Promise<PrefetchedFiles> => {
  const stored = await deps.writer.storedFiles(source.id);
  if (isVersionUnchanged(source, readout, state) && (await reachedFilesUnchanged(readout, listed, stored))) return new Map();
  return prefetchSourceReads(source, readout, listed, stored, deps);
};

/**
 * Opens a source (a git fetch, a GitHub org listing) and lists its files, without the write lock: other
 * writers of the process and other processes go on meanwhile. The stored state read here only tells the
 * source what it already has; the pass reads it again under the lock, since another process may have
 * synced in between. A network source's files are read here too (see prefetchSourceReads); a local one's
 * are read while the pass applies them, so a big folder or repository is never held in memory whole.
 * What may still reach the network under the lock: URLs named by `$text`/`$json`/`$yaml` in the changed
 * files of local sources (known only once parsed), and GitHub reads this did not foresee because another
 * process changed the stored state meanwhile (docs/decisions/0002-sync-lock-scope.md).
 */
export const prepareSource = async (source: CatalogSource, deps: SyncDeps): Promise<PreparedSource> => {
  const previous = await deps.writer.storedSource(source.id);
  let opened: SourceReadout;
  try {
    opened = await source.open({ version: contentVersionOf(source, previous?.version), state: previous?.state });
  } catch (error) {
    return { source, failure: error };
  }
  const readout = opened.readsOverNetwork ? cacheReads(opened) : opened;
  try {
    if (knownUnchanged(source, readout, previous)) return { source, readout, listed: undefined, prefetched: new Map() };
    const listed = await readout.listFiles();
    const prefetched = readout.readsOverNetwork ? await prefetchNetworkReads(source, readout, listed, previous, deps) : new Map();
    return { source, readout, listed, prefetched };
  } catch (error) {
    await readout.close();
    // The catalog's own reads failing is a database error, not the source's.
    if (error instanceof CatalogWriteError) throw error;
    return { source, failure: error };
  }
};
