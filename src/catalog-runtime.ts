import type { Config } from './config/load-config.ts';
import { createBuiltinKindRegistry } from './core/catalog/kind-registry.ts';
import type { KindRegistry } from './core/catalog/kind-registry.ts';
import type { CatalogReader, CatalogSource, Clock, SourceStatusReader, UrlReader } from './core/ports.ts';
import { reconcileRegisteredSources } from './scaffolder/register/reconcile-registered-sources.ts';
import { createSource, createSources } from './sources/create-sources.ts';
import { HttpUrlReader } from './sources/http-url-reader.ts';
import { BackgroundCheckpointer } from './store/background-checkpoint.ts';
import { openDatabase, type CatalogDatabase } from './store/open-database.ts';
import { SqliteCatalogStore } from './store/sqlite-catalog-store.ts';
import { SqliteCatalogWriter } from './store/sqlite-catalog-writer.ts';
import { SqliteDocsLibrary } from './store/sqlite-docs-library.ts';
import { SqliteDocsStore } from './store/sqlite-docs-store.ts';
import { SqliteIncidentCardLedger } from './store/sqlite-incident-card-ledger.ts';
import { SqliteJobLedger } from './store/sqlite-job-ledger.ts';
import { SqliteRegisteredSources } from './store/sqlite-registered-sources.ts';
import { SqliteRevokedSessions } from './store/sqlite-revoked-sessions.ts';
import { SqliteRunStore } from './store/sqlite-run-store.ts';
import { SqliteScheduleSubscriptions } from './store/sqlite-schedule-subscriptions.ts';
import { SqliteScorecardResults } from './store/sqlite-scorecard-results.ts';
import { WriteQueue } from './store/write-queue.ts';
import { SyncPassQueue } from './usecases/sync/sync-pass-queue.ts';

export interface CatalogRuntime {
  store: CatalogReader & SourceStatusReader;
  sync: SyncPassQueue;
  /** The process's one write queue on the writer connection: every write (the sync, the job ledger...) goes through it. */
  writeQueue: WriteQueue;
  /** Runs of scheduled jobs, claimed once per slot (writes through `writeQueue`); its `claimOnce` runs a webhook delivery once. */
  jobLedger: SqliteJobLedger;
  /** Incident context cards posted per (channel, entity), in the job ledger's table (writes through `writeQueue`). */
  incidentCards: SqliteIncidentCardLedger;
  registry: KindRegistry;
  /** Sources added by `callboard register` and `catalog:register` (writes through `writeQueue`); already in `sync`. */
  registeredSources: SqliteRegisteredSources;
  /** Scaffolder runs (`scaffolder_runs`), written through `writeQueue` like every other write. */
  runStore: SqliteRunStore;
  /** Channels' `/callboard subscribe` subscriptions (writes through `writeQueue`). */
  scheduleSubscriptions: SqliteScheduleSubscriptions;
  /** Scorecard results and their history (writes through `writeQueue`). */
  scorecardResults: SqliteScorecardResults;
  /** Built docs as the HTTP pages, search and Slack read them (the reader connection). */
  docs: SqliteDocsLibrary;
  /** The docs builder's writes (through `writeQueue`) and what it builds from. */
  docsStore: SqliteDocsStore;
  /** Docs sign-in sessions ended by sign-out (writes through `writeQueue`; the docs gate reads it per request). */
  revokedSessions: SqliteRevokedSessions;
  close(): void;
}

export interface CatalogRuntimeOptions {
  clock?: Clock;
  urlReader?: UrlReader;
  registry?: KindRegistry;
  /** Where a failed background checkpoint is reported (it is retried by the next commit). Default: stderr. */
  onCheckpointError?: (error: Error) => void;
  /**
   * Told once per write that waits because another process holds the database's write lock (a `callboard sync`
   * beside `npm start`), with the write's label. Default: a line on stderr.
   */
  onWriteWait?: (label: string) => void;
}

const reportCheckpointError = (error: Error): void => {
  process.stderr.write(`callboard: background WAL checkpoint failed (the next pass retries it): ${error.message}\n`);
};

const reportParseWorkerError = (error: Error): void => {
  process.stderr.write(`callboard: the parse worker failed, files are parsed on the main thread: ${error.message}\n`);
};

const reportWriteWait = (databasePath: string) => (label: string) => {
  process.stderr.write(`callboard: waiting for another Callboard process to finish writing to ${databasePath} (${label} queued)…\n`);
};

const systemClock: Clock = { now: () => new Date() };

/**
 * Wires the catalog from configuration: a writer connection for sync passes and a separate reader
 * connection for questions, so answers never see a pass half-done.
 */
/**
 * The writer mostly appends, and a pass with 32 MB of cache was no faster than with 8 MB but peaked ~15 MB
 * higher (`npm run bench`, N = 50,000). Questions keep the default: their hot pages are the index tops.
 */
const WRITER_CACHE_MB = 8;

export const openCatalogRuntime = (config: Config, options: CatalogRuntimeOptions = {}): CatalogRuntime => {
  const { path, origin } = config.database;
  const writerDb: CatalogDatabase = openDatabase(path, { cacheMb: WRITER_CACHE_MB, origin });
  const readerDb: CatalogDatabase = path === ':memory:' ? writerDb : openDatabase(path, { migrate: false, memoryMapped: true, origin });
  const registry = options.registry ?? createBuiltinKindRegistry();
  const checkpointer =
    config.database.path === ':memory:' ? undefined : new BackgroundCheckpointer(config.database.path, options.onCheckpointError ?? reportCheckpointError);
  const writeQueue = new WriteQueue(writerDb.$client, { onWait: options.onWriteWait ?? reportWriteWait(config.database.path) });
  const registeredSources = new SqliteRegisteredSources({ queue: writeQueue, writer: writerDb.$client, reader: readerDb.$client });
  const registeredConfigs = () => registeredSources.list().map((source) => source.config);
  // Registered sources sync again after a restart, after the configured ones; each pass also picks up those that
  // another process (a `callboard register` beside `npm start`) registered or unregistered meanwhile.
  const sources = createSources(config, registeredConfigs());
  const refreshSources = (current: readonly CatalogSource[]) =>
    reconcileRegisteredSources(current, registeredConfigs(), (source) => createSource(source, config));
  const sync = new SyncPassQueue(
    sources,
    {
      writer: new SqliteCatalogWriter(writerDb.$client, checkpointer, writeQueue),
      registry,
      urlReader: options.urlReader ?? new HttpUrlReader({ allowedHosts: config.catalog.allowedUrlHosts }),
      clock: options.clock ?? systemClock,
      parseWorker: { onError: reportParseWorkerError },
      yamlFastPath: config.catalog.yamlFastPath,
    },
    { refreshSources },
  );
  return {
    store: new SqliteCatalogStore(readerDb),
    sync,
    writeQueue,
    jobLedger: new SqliteJobLedger({ queue: writeQueue, writer: writerDb.$client, reader: readerDb.$client, clock: options.clock ?? systemClock }),
    incidentCards: new SqliteIncidentCardLedger({ queue: writeQueue, writer: writerDb.$client, reader: readerDb.$client, clock: options.clock ?? systemClock }),
    registry,
    registeredSources,
    runStore: new SqliteRunStore({ queue: writeQueue, writer: writerDb.$client, reader: readerDb.$client, clock: options.clock ?? systemClock }),
    scheduleSubscriptions: new SqliteScheduleSubscriptions({ queue: writeQueue, writer: writerDb.$client, reader: readerDb.$client }),
    scorecardResults: new SqliteScorecardResults({ queue: writeQueue, writer: writerDb.$client, reader: readerDb.$client }),
    docs: new SqliteDocsLibrary(readerDb.$client),
    docsStore: new SqliteDocsStore({ queue: writeQueue, writer: writerDb.$client, reader: readerDb.$client }),
    revokedSessions: new SqliteRevokedSessions({ queue: writeQueue, writer: writerDb.$client, reader: readerDb.$client, clock: options.clock ?? systemClock }),
    close: () => {
      readerDb.$client.close();
      if (readerDb !== writerDb) writerDb.$client.close();
    },
  };
};
