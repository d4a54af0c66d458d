import type { CatalogSource, SourceFile, SourceReadout } from '../../core/ports.ts';
import { createOriginOf } from './create-origin-of.ts';
import type { ReadContext } from './read-source-file.ts';
import type { SyncDeps } from './sync-pass.ts';

/**
 * How a pass reads and parses the files of one source. One place, so a file parsed before the write lock
 * (prefetchSourceReads) is parsed exactly as the walk under the lock would parse it.
 */
export const createReadContext = (
  deps: Pick<SyncDeps, 'registry' | 'urlReader' | 'yamlFastPath'>,
  source: CatalogSource,
  readout: SourceReadout,
  listed: readonly SourceFile[],
): ReadContext => ({
  readout,
  registry: deps.registry,
  urlReader: deps.urlReader,
  listed,
  originOf: createOriginOf(source, readout),
  yamlFastPath: deps.yamlFastPath,
});
