import type { SourceConfig } from '../../config/load-config.ts';
import { NotFoundError, SourceUnavailableError } from '../../core/errors.ts';
import type { CatalogSource, Clock } from '../../core/ports.ts';
import type { SyncSummary } from '../../core/sync/sync-summary.ts';
import type { StoredRegisteredSource } from '../../store/sqlite-registered-sources.ts';
import type { RegisteredSource, RegisterResult, SourceRegistrar } from '../source-registrar.ts';
import { inspectLocalPath } from './inspect-local-path.ts';
import { cleanRegistrationUrl, sourceConfigForUrl, type LocalPathKind } from './source-config-for-url.ts';

/** Where registrations are kept (SqliteRegisteredSources). */
export interface RegisteredSourceStore {
  list(): StoredRegisteredSource[];
  find(id: string): StoredRegisteredSource | undefined;
  add(source: StoredRegisteredSource): Promise<boolean>;
  delete(id: string): Promise<boolean>;
  entityRefs(sourceId: string): string[];
}

/** The sync queue, which owns the list of sources a pass reads. */
export interface RegistrarSync {
  addSource(source: CatalogSource): void;
  removeSource(sourceId: string): Promise<SyncSummary>;
  syncSource(sourceId: string): Promise<SyncSummary>;
  sourceIds(): string[];
}

export interface SourceRegistrarDeps {
  store: RegisteredSourceStore;
  sync: RegistrarSync;
  /** Builds the source from its config (createSource with the runtime's config: cache folder, token). */
  createSource: (config: SourceConfig) => CatalogSource;
  clock: Clock;
  /** What is at a local path; default: look on disk. */
  inspectPath?: (path: string) => LocalPathKind;
}

const toListing = ({ id, url, type, registeredBy, registeredAt }: StoredRegisteredSource): RegisteredSource => ({ id, url, type, registeredBy, registeredAt });

/**
 * Registers URLs as catalog sources: stored in the database (so they load again at start-up), added to the sync
 * queue after the configured sources, and synced at once so their entities answer before `register` returns.
 */
export const createSourceRegistrar = (deps: SourceRegistrarDeps): SourceRegistrar => {
  const inspect = deps.inspectPath ?? inspectLocalPath;

  /** A new registration that cannot be read is taken back: a source that never syncs helps nobody. */
  const syncNew = async (id: string, url: string): Promise<void> => {
    const summary = await deps.sync.syncSource(id);
    const result = summary.sources.find((source) => source.id === id);
    if (result?.outcome !== 'unavailable') return;
    await deps.store.delete(id);
    await deps.sync.removeSource(id);
    throw new SourceUnavailableError(
      `Registered nothing: ${url} cannot be read (${result.message ?? 'unavailable'}); check the URL and access, then register again.`,
    );
  };

  return {
    async register(url, registeredBy, options = {}) {
      const { id, config } = sourceConfigForUrl(url, inspect, { remoteOnly: options.origin === 'slack' });
      const existing = deps.store.find(id);
      if (existing) {
        // Registered before (or by another process sharing the database): sync it now all the same.
        if (!deps.sync.sourceIds().includes(id)) deps.sync.addSource(deps.createSource(existing.config));
        await deps.sync.syncSource(id);
        return { source: toListing(existing), entityRefs: deps.store.entityRefs(id), created: false };
      }
      // Built first: a config the source refuses (a bad branch name) is an error before anything is stored.
      const source = deps.createSource(config);
      const stored: StoredRegisteredSource = {
        id,
        url: cleanRegistrationUrl(url),
        type: config.type,
        registeredBy,
        registeredAt: deps.clock.now().toISOString(),
        config,
      };
      const created = await deps.store.add(stored);
      deps.sync.addSource(source);
      if (created) await syncNew(id, stored.url);
      else await deps.sync.syncSource(id);
      const result: RegisterResult = { source: toListing(deps.store.find(id) ?? stored), entityRefs: deps.store.entityRefs(id), created };
      return result;
    },

    async unregister(id) {
      if (!deps.store.find(id)) {
        const known = deps.store.list().map((source) => source.id);
        throw new NotFoundError(
          `No registered source "${id}"; ${known.length ? `registered: ${known.join(', ')}` : 'none is registered'} (configured sources are removed from callboard.yaml).`,
        );
      }
      await deps.store.delete(id);
      await deps.sync.removeSource(id);
    },

    list: () => deps.store.list().map(toListing),
  };
};
