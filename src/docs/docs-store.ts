import type { BuiltDocsSite, DocsWarning } from '../core/docs/docs-site.ts';
import type { DocumentedEntity } from '../core/docs/find-docs-root.ts';
import type { Severity } from '../core/problems.ts';

/** An entity with a docs annotation, as the catalog holds it. */
export interface DocumentedEntityRow extends DocumentedEntity {
  name: string;
  /** The synced content version of the entity's source (a git commit), when it has one. */
  version?: string;
}

/** What is stored of an entity's docs, for deciding whether to build again. */
export interface StoredDocsState {
  entityRef: string;
  /** The content key of the last good build. */
  contentKey?: string;
  /** The content key the latest failed build was tried on. */
  failedKey?: string;
  built: boolean;
  warnings: DocsWarning[];
  lastError?: string;
}

/** A problem of an entity's docs, listed among the catalog's problems. */
export interface DocsProblem {
  sourceId: string;
  severity: Severity;
  message: string;
  file?: string;
  line?: number;
}

export interface SiteWrite {
  entityRef: string;
  key: string;
  commit?: string;
  site: BuiltDocsSite;
  at: Date;
  /** False when only the build settings changed: the site's `changedAt` stays. */
  contentChanged: boolean;
  problems: readonly DocsProblem[];
}

export interface FailureWrite {
  entityRef: string;
  /** The content that failed; undefined when the docs root could not even be read. */
  key?: string;
  error: string;
  problems: readonly DocsProblem[];
}

/** The docs builder's side of the store: what to build from, and the writes (each one transaction in the one queue). */
export interface DocsStore {
  documentedEntities(): DocumentedEntityRow[];
  /** Each source's synced content version. */
  sourceVersions(): Map<string, string>;
  /** How each source names its files in problems: the display path of `path` is this prefix followed by `path`. */
  displayPrefixes(): Map<string, string>;
  states(): Map<string, StoredDocsState>;
  replaceSite(write: SiteWrite): Promise<void>;
  recordFailure(write: FailureWrite): Promise<void>;
  /** The last good build is current again (its content came back): no failure, these problems. */
  clearFailure(entityRef: string, problems: readonly DocsProblem[]): Promise<void>;
  replaceProblems(entityRef: string, problems: readonly DocsProblem[]): Promise<void>;
  replaceBorrowers(borrowers: ReadonlyMap<string, string>): Promise<void>;
  /** Drops the docs of entities that no longer have any (sites, pages, problems). */
  forget(entityRefs: readonly string[]): Promise<void>;
}
