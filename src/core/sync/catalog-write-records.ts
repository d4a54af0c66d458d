/** The shapes the sync and the catalog writer exchange. */
import type { RelationRow } from '../core/catalog/entity.ts';

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
  /** Where its document starts in the file (1-based), when known. */
  line?: number;
  column?: number;
}

export interface StoredFile {
  id: number;
  path: string;
  hash: string | null;
  status: string;
  targets: string;
  placeholderDeps: string;
}

export interface EntityHolder {
  entityId: number;
  fileId: number;
  etag: string;
  displayPath: string;
  sourceId: string;
}
