/** The Backstage entity envelope, as stored and as returned by `callboard entity --json`. */
export interface EntityLink {
  url: string;
  title?: string;
  icon?: string;
  type?: string;
}

export interface EntityMetadata {
  name: string;
  namespace?: string;
  title?: string;
  description?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  tags?: string[];
  links?: EntityLink[];
  [key: string]: unknown;
}

export interface Entity {
  apiVersion: string;
  kind: string;
  metadata: EntityMetadata;
  spec?: Record<string, unknown>;
}

/** A relation as the catalog API shows it on its source entity. */
export interface EntityRelation {
  type: string;
  targetRef: string;
}

/** One directed relation row: emitted by an entity, stored on `sourceRef`. */
export interface RelationRow {
  sourceRef: string;
  type: string;
  targetRef: string;
}

export interface EntityWithRelations extends Entity {
  relations: EntityRelation[];
}
