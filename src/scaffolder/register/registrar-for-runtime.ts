import type { CatalogRuntime } from '../../catalog-runtime.ts';
import type { Config } from '../../config/load-config.ts';
import { createSource } from '../../sources/create-sources.ts';
import type { SourceRegistrar } from '../source-registrar.ts';
import { createSourceRegistrar } from './create-source-registrar.ts';

const systemClock = { now: () => new Date() };

/** The registrar of a running Callboard: its database, its sync queue, sources built with its config. */
export const registrarForRuntime = (runtime: Pick<CatalogRuntime, 'registeredSources' | 'sync'>, config: Config): SourceRegistrar =>
  createSourceRegistrar({
    store: runtime.registeredSources,
    sync: runtime.sync,
    createSource: (source) => createSource(source, config),
    clock: systemClock,
  });
