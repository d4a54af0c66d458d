import { isDeepStrictEqual } from 'node:util';
import type { SourceConfig } from '../../config/load-config.ts';
import type { CatalogSource } from '../../core/ports.ts';

/** Every id the registrar gives starts so (source-config-for-url.ts); built-in ones start `builtin:`. */
const REGISTERED_PREFIX = 'registered:';
const BUILTIN_PREFIX = 'builtin:';

/**
 * The sources a pass should read when `registered` is what the database holds now: the configured ones as they are,
 * then exactly the registered ones (a `callboard register` in another process is picked up, an unregistered one is
 * dropped and so pruned), then the built-in ones. A source whose config did not change is kept as the same object,
 * so its git mirror and open queue carry on.
 */
export const reconcileRegisteredSources = (
  current: readonly CatalogSource[],
  registered: readonly SourceConfig[],
  build: (config: SourceConfig) => CatalogSource,
): CatalogSource[] => {
  const byId = new Map(current.map((source) => [source.id, source]));
  const reuseOrBuild = (config: SourceConfig): CatalogSource => {
    const existing = byId.get(config.id);
    return existing && isDeepStrictEqual(existing.settings, config) ? existing : build(config);
  };
  const configured = current.filter((source) => !source.id.startsWith(REGISTERED_PREFIX) && !source.id.startsWith(BUILTIN_PREFIX));
  const builtin = current.filter((source) => source.id.startsWith(BUILTIN_PREFIX));
  return [...configured, ...registered.map(reuseOrBuild), ...builtin];
};
