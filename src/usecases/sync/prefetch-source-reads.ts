import { isGlobTarget } from '../../core/catalog/glob-target.ts';
import type { CatalogSource, SourceFile, SourceReadout } from '../../core/ports.ts';
import type { StoredFile } from '../../core/sync/catalog-write-records.ts';
import { createReadContext } from './create-read-context.ts';
import { loadSourceFile, parseLoadedFile, type FileReadResult } from './read-source-file.ts';
import { resolveLocationTargets, type StoredTarget } from './resolve-location-targets.ts';
import type { SyncDeps } from './sync-pass.ts';

/** Files read and parsed at once: the requests of one batch overlap, as the walk's do. */
const PREFETCH_BATCH = 16;

/** A file parsed before the lock, by path; the walk takes it when the content it reads has the same hash. */
export type PrefetchedFiles = Map<string, Extract<FileReadResult, { kind: 'parsed' }>>;

/**
 * Reads and parses, before the pass takes the write lock, what the walk of a network source will need:
 * every listed file the catalog does not hold as it is now, what their `$text` placeholders name (URLs
 * included), and the Location targets they and the stored files reach, transitively. `readout` must cache
 * its reads (cacheReads) so the walk finds them again. Glob targets are left to the walk (a GitHub source
 * cannot expand them). A failure here is not reported: the walk meets the same cached failure and reports
 * it as it always does.
 */
export const prefetchSourceReads = async (
  source: CatalogSource,
  readout: SourceReadout,
  listed: SourceFile[],
  stored: Map<string, StoredFile>,
  deps: Pick<SyncDeps, 'registry' | 'urlReader' | 'yamlFastPath'>,
): Promise<PrefetchedFiles> => {
  const context = createReadContext(deps, source, readout, listed);
  const queue: { path: string; hash?: string }[] = [...listed];
  const visited = new Set(listed.map((file) => file.path));
  const prefetched: PrefetchedFiles = new Map();
  const follow = (targets: readonly StoredTarget[]): void => {
    for (const { path } of targets) {
      if (isGlobTarget(path) || visited.has(path)) continue;
      visited.add(path);
      queue.push({ path });
    }
  };
  const prefetch = async (item: { path: string; hash?: string }): Promise<void> => {
    const load = await loadSourceFile(item.path, item.hash, stored.get(item.path), context);
    if (load.kind === 'unchanged') return follow(JSON.parse(load.stored.targets) as StoredTarget[]);
    if (load.kind !== 'loaded') return;
    const result = await parseLoadedFile(item.path, load.content, context);
    if (result.kind !== 'parsed') return;
    prefetched.set(item.path, result);
    const displayPath = readout.displayPath(item.path);
    follow(resolveLocationTargets(readout, source.type, item.path, result.parsed.locationTargets, displayPath).targets);
  };
  // Targets found in a batch join the queue behind it, so the queue is read until it stops growing.
  for (let head = 0; head < queue.length;) {
    const batch = queue.slice(head, head + PREFETCH_BATCH);
    head += batch.length;
    await Promise.allSettled(batch.map(prefetch));
  }
  return prefetched;
};
