import { hash } from 'node:crypto';
import type { Entity, EntityMetadata } from '../../core/catalog/entity.ts';
import type { ParsedEntity } from '../../core/catalog/parse-catalog-file.ts';
import { lookupKeysOf } from '../../core/resolve/entity-lookup-keys.ts';
import type { EntityRecord } from '../../core/sync/catalog-write-records.ts';

/** Where an entity was read from, for the annotations the catalog adds while reading. */
export interface EntityOrigin {
  /** `file:/abs/path.yaml` or `url:https://…/blob/main/catalog-info.yaml`. */
  location: string;
  originLocation: string;
  /** The file's URL, for url locations. */
  viewUrl?: string;
  /** The host's edit page for the file, when it has one. */
  editUrl?: string;
}

const folderOf = (url: string): string => url.slice(0, url.lastIndexOf('/') + 1);

/**
 * Computed annotations go under the authored ones: a value written in YAML wins (Backstage does the same).
 * Copies with loops, not spread: this runs for every entity of a pass (see copyMetadata in validate-entity).
 */
const withLocationAnnotations = (entity: Entity, origin: EntityOrigin): Entity => {
  const annotations: Record<string, string> = {
    'backstage.io/managed-by-location': origin.location,
    'backstage.io/managed-by-origin-location': origin.originLocation,
  };
  if (origin.viewUrl) {
    annotations['backstage.io/view-url'] = origin.viewUrl;
    if (origin.editUrl) annotations['backstage.io/edit-url'] = origin.editUrl;
    annotations['backstage.io/source-location'] = `url:${folderOf(origin.viewUrl)}`;
  }
  const authored = entity.metadata.annotations ?? {};
  for (const key of Object.keys(authored)) annotations[key] = authored[key]!;
  const metadata = {} as EntityMetadata;
  for (const key of Object.keys(entity.metadata)) metadata[key] = entity.metadata[key];
  metadata.annotations = annotations;
  const located: Entity = { apiVersion: entity.apiVersion, kind: entity.kind, metadata };
  if (entity.spec !== undefined) located.spec = entity.spec;
  return located;
};

const stringField = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The owner's name as people type it: `group:default/team-a` → `team-a`. */
const ownerName = (owner: unknown): string => stringField(owner).replace(/^.*[:/]/, '');

const searchFieldsOf = (entity: Entity): EntityRecord['search'] => {
  const profile = (entity.spec?.profile ?? {}) as Record<string, unknown>;
  return {
    name: entity.metadata.name,
    title: [stringField(entity.metadata.title), stringField(profile.displayName), stringField(profile.email)].filter(Boolean).join(' '),
    description: stringField(entity.metadata.description),
    tags: (entity.metadata.tags ?? []).join(' '),
    owner: ownerName(entity.spec?.owner),
  };
};

/** Turns a parsed entity into the row the store writes: body with location annotations, etag, search text. */
export const toEntityRecord = (parsed: ParsedEntity, origin: EntityOrigin): EntityRecord => {
  const entity = withLocationAnnotations(parsed.entity, origin);
  const body = JSON.stringify(entity);
  return {
    ref: parsed.ref,
    kind: entity.kind,
    namespace: (entity.metadata.namespace ?? 'default').toLowerCase(),
    name: entity.metadata.name.toLowerCase(),
    body,
    // One-shot hash: a Hash object per entity costs more than hashing its kilobyte of JSON.
    etag: hash('sha1', body + JSON.stringify(parsed.relations)),
    // Inverse rows are derived when reading, and the etag above already covers them.
    relations: parsed.relations.filter((relation) => relation.sourceRef === parsed.ref),
    search: searchFieldsOf(entity),
    lookupKeys: lookupKeysOf(entity),
    line: parsed.line,
    column: parsed.column,
  };
};
