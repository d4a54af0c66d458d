/**
 * What the core needs from the outside world. Adapters in src/sources, src/store and
 * src/integrations implement these; the core and the use cases only see the interfaces.
 */

import type { Entity, EntityWithRelations } from './catalog/entity.ts';
import type {
  EntitySummary,
  OwnedEntitySummary,
  ProblemFilter,
  SearchOptions,
  SearchResult,
  StoredProblem,
  SyncPassTimes,
} from './catalog-reader/catalog-queries.ts';
import type { DependencyDirection, DependencyWalk } from './graph/dependency-edges.ts';
import type { Problem } from './problems.ts';
import type { LookupMatch } from './resolve/lookup-key.ts';
import type { ClaimOutcome, EntityHolder, EntityRecord, FileWrite, ProblemOrigin, StoredFile, StoredSourceState } from './sync/catalog-write-records.ts';
import type { SyncSummary } from './sync/sync-summary.ts';

/** A catalog file as a source lists it, before reading. */
export interface SourceFile {
  /** Source-relative path with forward slashes, e.g. `services/checkout/catalog-info.yaml`. */
  path: string;
  /** Content fingerprint that changes whenever the content does (git blob id, sha1, ETag). */
  hash: string;
}

export interface SourceFileContent {
  content: Buffer;
  hash: string;
}

/** Where a relative reference from a file points. */
export type ResolvedTarget = { path: string } | { url: string } | { error: string };

/** One opened, consistent view of a source (a commit, a folder at a moment, an org listing). */
export interface SourceReadout {
  /** Content version: commit sha, digest of file hashes, digest of ETags. Equal versions mean equal content. */
  readonly version: string;
  /**
   * True when `version` fingerprints every file the source can serve (a git commit), so an unchanged
   * version needs no further checks; false when it covers only the listed files (a folder, an org listing).
   */
  readonly versionCoversEveryFile?: boolean;
  /**
   * True when `readFile` goes over the network (a GitHub org); a sync pass then reads the files it will
   * need before it takes the write lock. Local reads (a folder, a fetched git mirror) stream during the pass.
   */
  readonly readsOverNetwork?: boolean;
  /** Opaque state to persist and hand back on the next `open` (e.g. ETags); JSON-serialisable. */
  readonly state?: unknown;
  /** Files matched by the source's patterns, sorted by path. */
  listFiles(): Promise<SourceFile[]>;
  /** Content of one file by source-relative path; undefined when it does not exist in this version. */
  readFile(path: string): Promise<SourceFileContent | undefined>;
  /**
   * Resolves a Location target or a `$text`/`$json`/`$yaml` placeholder target written in `fromPath`.
   * Relative paths stay inside the source ({ path }), absolute URLs that the source itself serves map
   * back to paths, other URLs come back as { url }; escaping the source root is an { error }.
   */
  resolve(fromPath: string, target: string): ResolvedTarget;
  /**
   * Source-relative paths of the files a glob Location target names (`services/*\/catalog-info.yaml`),
   * sorted; matched as Backstage matches them (`*`, `**`, `?`, no dotfiles). A source without it
   * cannot expand glob targets.
   */
  findFiles?(pattern: string): Promise<string[]>;
  /** How to show a path to a person: an absolute file path, `repo@branch:path`, a URL. */
  displayPath(path: string): string;
  /** The URL of the file, when the source has one (for `backstage.io/view-url`, `source-location`). */
  urlOf?(path: string): string | undefined;
  /** Where a person edits the file in their browser, when the host has such a page (`backstage.io/edit-url`). */
  editUrlOf?(path: string): string | undefined;
  close(): Promise<void>;
}

export interface PreviousSourceState {
  version?: string;
  state?: unknown;
}

/** A configured catalog source. Opening it may throw SourceUnavailableError (network, auth, rate limit). */
export interface CatalogSource {
  /** Stable id from the configuration, e.g. `dir:examples/acme`. */
  readonly id: string;
  /** `dir`, `git` or `github`. */
  readonly type: string;
  /**
   * What the source is configured to read (patterns, paths, branch...), JSON-serialisable. A change here
   * means a new version even when the content version is the same commit.
   */
  readonly settings?: unknown;
  open(previous: PreviousSourceState): Promise<SourceReadout>;
}

/** Fetches remote text for `$text` placeholders and `url` Location targets. */
export interface UrlReader {
  readText(url: string): Promise<string>;
}

/**
 * The read side of the catalog: named queries that return domain types. Refs are canonical
 * (`kind:namespace/name`) and matched in any case. Answers reflect the last committed sync pass only.
 */
export interface CatalogReader {
  /** The entity as Backstage's catalog API returns it: envelope, uid and etag, and its relations. */
  entity(ref: string): EntityWithRelations | undefined;
  /**
   * Many entities as {@link entity} reads them, in one read per few hundred refs (a scoring run reads thousands):
   * keyed by the ref as stored (lower case); refs with no entity are left out.
   */
  entitiesByRef(refs: readonly string[]): Map<string, EntityWithRelations>;
  /** The entity without its relations: cheaper for a group that owns thousands of things. */
  entityEnvelope(ref: string): Entity | undefined;
  /** Every entity (or every one of a kind, any case), by ref. */
  entities(options?: { kind?: string }): EntityWithRelations[];
  /** Entities of any kind and namespace with this name (case-insensitive), for resolving what people type. */
  entitiesNamed(name: string): EntitySummary[];
  /**
   * Entities found under these lookup keys (core/resolve): exact names, normalised names, titles, aliases
   * and URL keys, each with the key and where it came from; at most 100 per key.
   */
  entitiesWithLookupKeys(keys: readonly string[]): LookupMatch[];
  /** Targets of one relation type on an entity (e.g. `hasMember` on a group), whichever end declared it. */
  relatedRefs(ref: string, type: string): string[];
  /** What a group or user owns; with `includeChildGroups`, also what every group below it owns. */
  ownedBy(ownerRef: string, options?: { includeChildGroups?: boolean }): OwnedEntitySummary[];
  /**
   * Everything `ref` depends on (forward) or that depends on it (reverse), within `depth` hops (the whole
   * graph when left out), reaching at most `budget` entities; says how many lie past the depth.
   */
  dependencyWalk(ref: string, direction: DependencyDirection, options: { depth?: number; budget: number }): DependencyWalk;
  search(query: string, options?: SearchOptions): SearchResult;
  problems(filter?: ProblemFilter): StoredProblem[];
  /** Refs of User entities whose `spec.profile.email` is this address (case-insensitive). */
  usersWithEmail(email: string): string[];
  /** The newest recorded sync pass; undefined when the catalog has never been synced. */
  lastSyncPass(): SyncPassTimes | undefined;
  countsByKind(): Record<string, number>;
  /**
   * Where an entity was read from: its source's id, the catalog file's source-relative path, and the source's
   * content version at the last pass that changed it (the commit for `git`), so a template's files can be read at
   * the version the catalog holds. Undefined when no entity has the ref.
   */
  entityOrigin(ref: string): EntityOrigin | undefined;
}

/** See {@link CatalogReader.entityOrigin}. */
export interface EntityOrigin {
  sourceId: string;
  path: string;
  version?: string;
  /** ISO time the entity's stored content last changed (it was added, or its document changed) in a sync pass. */
  changedAt?: string;
}

/** What the catalog remembers of one configured source from its passes. */
export interface StoredSourceStatus {
  id: string;
  type: string;
  /** Version key of the last read that changed something: content version, then `#` and a settings fingerprint when the source has settings. */
  version?: string;
  /** ISO time of the last pass that tried the source, whatever came of it. */
  lastAttemptAt?: string;
  /** ISO time the stored version was read. */
  lastSuccessAt?: string;
}

/** Per-source sync status, for `callboard sources`; why a source failed is among its problems (origin `source`). */
export interface SourceStatusReader {
  sourceStatuses(): StoredSourceStatus[];
}

export interface Clock {
  now(): Date;
}

/**
 * The write side of the catalog, as a sync pass uses it. A pass reads what it needs first (`storedSource`,
 * `storedFiles`: plain reads, no lock), then applies everything inside `writePass`, the one transaction that
 * holds the write lock; every other method runs inside it. A failure of the database itself surfaces as a
 * `CatalogWriteError` (core/errors.ts), never as anything a source could have caused.
 */
export interface CatalogWriter {
  /** What the catalog remembers of a source, read outside any pass; undefined for a source never synced. */
  storedSource(sourceId: string): Promise<StoredSourceState | undefined>;
  /** The files a source's last pass stored, by path, read outside any pass. */
  storedFiles(sourceId: string): Promise<Map<string, StoredFile>>;
  /**
   * Runs `apply` as one transaction, queued behind the process's other writes and waiting (without blocking)
   * for another process's writer: committed when it resolves, rolled back when it throws.
   */
  writePass<T>(label: string, apply: () => Promise<T>): Promise<T>;

  /** Nested scope inside the pass, so one failing source can be undone without undoing the others. */
  savepoint(): void;
  releaseSavepoint(): void;
  rollbackToSavepoint(): void;

  /** Registers the source if new, records the attempt, and returns its state as the pass now sees it. */
  sourceState(sourceId: string, type: string, now: number): StoredSourceState;
  saveSourceState(sourceId: string, version: string, state: unknown, now: number): void;
  files(sourceId: string): Map<string, StoredFile>;
  sourceIds(): string[];
  deleteSource(sourceId: string): void;

  upsertFile(sourceId: string, file: FileWrite): number;
  deleteFile(fileId: number): void;
  setFileStatus(fileId: number, status: 'ok' | 'retry'): void;

  /** Refs the file holds now. */
  heldRefs(fileId: number): string[];
  /** Writes the entity for `fileId` unless another file holds its ref (then says which). */
  claimEntity(sourceId: string, fileId: number, record: EntityRecord, now: number): ClaimOutcome;
  /** Removes an entity with its relations and search row; false when there was none. */
  deleteEntity(ref: string): boolean;
  holderOf(ref: string): EntityHolder | undefined;

  addProblem(sourceId: string, fileId: number | null, displayPath: string | null, problem: Problem, origin: ProblemOrigin): void;
  addFileProblems(sourceId: string, fileId: number, displayPath: string, problems: readonly Problem[]): void;
  /** Clears a file's own and conflict problems before it is applied again. */
  clearFileProblems(fileId: number): void;
  clearSourceProblems(sourceId: string, origin: ProblemOrigin): void;
  problemCounts(): { errors: number; warnings: number };
  clearDanglingRefs(): void;
  /** Rebuilds the dangling-ref warnings from the relations; returns how many there are. */
  recomputeDanglingRefs(): number;
  recordPass(startedAt: number, finishedAt: number, summary: SyncSummary): void;
}
