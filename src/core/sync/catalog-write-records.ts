/** The shapes a sync pass and the catalog writer exchange (see `CatalogWriter` in core/ports.ts). */
import type { RelationRow } from '../catalog/entity.ts';
import type { LookupKey } from '../resolve/lookup-key.ts';

/** What the sync hands the store for one entity. */
export interface EntityRecord {
  ref: string;
  /** Kind as written (`Component`); namespace and name lowercased, as refs compare them. */
  kind: string;
  namespace: string;
  name: string;
  body: string;
  etag: string;
  /** The relation rows this entity is the source of (the store derives the inverse side). */
  relations: RelationRow[];
  search: { name: string; title: string; description: string; tags: string; owner: string };
  /** Keys people find it under besides its exact name (titles, aliases, URLs): core/resolve/entity-lookup-keys.ts. */
  lookupKeys?: LookupKey[];
  /** Where its document starts in the file (1-based), when known. */
  line?: number;
  column?: number;
}

/** A catalog file as the last pass stored it. `targets` and `placeholderDeps` are JSON text. */
export interface StoredFile {
  id: number;
  path: string;
  hash: string | null;
  status: string;
  targets: string;
  placeholderDeps: string;
}

/** A file as a pass writes it; `targets` and `placeholderDeps` are stored as JSON. */
export interface FileWrite {
  path: string;
  displayPath: string;
  hash: string | null;
  status: 'ok' | 'retry';
  targets: unknown;
  placeholderDeps: unknown;
}

/** The file that holds an entity ref now. */
export interface EntityHolder {
  entityId: number;
  fileId: number;
  etag: string;
  displayPath: string;
  sourceId: string;
}

/** What the catalog remembers of a source between passes. */
export interface StoredSourceState {
  /** The version key of the last pass that read it (content version plus a settings fingerprint). */
  version: string | null;
  /** The readout's opaque state (ETags and such), parsed from JSON. */
  state: unknown;
  /** Files marked for re-reading on the next pass (transient problems, claims still waiting). */
  retryFiles: number;
}

/** Why a problem row exists, so a pass clears exactly the ones it recomputes. */
export type ProblemOrigin = 'file' | 'conflict' | 'source' | 'target' | 'dangling';

/** The outcome of writing one entity: what changed, or the file that already holds its ref. */
export type ClaimOutcome = 'added' | 'updated' | 'unchanged' | { heldBy: EntityHolder };
