import type { Entity, EntityMetadata } from './entity.ts';
import { findPrototypeKeys } from './find-prototype-keys.ts';
import { describeShape, formatPath, isPlainObject } from './issue-text.ts';
import type { KindRegistry, SchemaIssue } from './kind-registry.ts';
import { stringifyEntityRef } from './refs.ts';
import { validateEnvelopeTypes, validateRootFields } from './validate-envelope.ts';
import { validateFieldFormats } from './validate-field-formats.ts';

export type ValidateEntityResult =
  | {
      ok: true;
      entity: Entity;
      /** From the kind's usageIssues: errors to report on the entity, which is kept. */
      usageIssues: SchemaIssue[];
    }
  | {
      ok: false;
      issues: SchemaIssue[];
      /** Canonical ref when kind and name could be read, so a sync can keep that entity's last good version. */
      partialRef?: string;
    };

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** The ref of a document that failed validation, when its kind, name and namespace are readable. */
const readPartialRef = (raw: Record<string, unknown>): string | undefined => {
  const metadata = isPlainObject(raw.metadata) ? raw.metadata : {};
  const { name, namespace } = metadata;
  if (!nonEmpty(raw.kind) || !nonEmpty(name)) return undefined;
  if (namespace !== undefined && !nonEmpty(namespace)) return undefined;
  return stringifyEntityRef({ kind: raw.kind, namespace, name });
};

const SERVER_GENERATED = new Set(['uid', 'etag', 'generation']);

/**
 * A copy of the metadata without uid, etag and generation, namespace defaulted. A plain loop rather than
 * rest/spread: this runs for every entity of a pass, and V8 kept spread copies alive through young-generation
 * collections (several times the old-space garbage, and the peak RSS with it).
 */
const copyMetadata = (metadata: EntityMetadata): EntityMetadata => {
  const copy = {} as EntityMetadata;
  for (const key of Object.keys(metadata)) if (!SERVER_GENERATED.has(key)) copy[key] = metadata[key];
  copy.namespace = metadata.namespace ?? 'default';
  return copy;
};

/** uid, etag and generation are server-generated; input values are dropped (compat §1.3). */
const normalizeEntity = (raw: Record<string, unknown>): Entity => {
  const entity: Entity = { apiVersion: raw.apiVersion as string, kind: raw.kind as string, metadata: copyMetadata(raw.metadata as EntityMetadata) };
  if (raw.spec !== undefined) entity.spec = raw.spec as Record<string, unknown>;
  return entity;
};

/** Why no kind definition matched: wrong apiVersion, wrong case, or a kind nobody registered. */
const describeUnknownKind = (kind: string, apiVersion: string, registry: KindRegistry): SchemaIssue => {
  const apiVersions = registry.apiVersionsOf(kind);
  if (apiVersions.length > 0) {
    return {
      path: ['apiVersion'],
      message: `apiVersion "${apiVersion}" is not supported for kind ${kind}; expected ${apiVersions.map((v) => `"${v}"`).join(' or ')}`,
    };
  }
  const sameLetters = registry.kinds().find((known) => known.toLowerCase() === kind.toLowerCase());
  if (sameLetters) {
    return { path: ['kind'], message: `kind "${kind}" is not a known kind; kinds are case-sensitive: did you mean "${sameLetters}"?` };
  }
  return {
    path: ['kind'],
    message: `kind "${kind}" with apiVersion "${apiVersion}" is not a known kind; expected one of ${registry.kinds().join(', ')}`,
  };
};

/** An own `__proto__` key anywhere is refused before any field is read (see find-prototype-keys.ts). */
const prototypeKeyIssuesOf = (raw: unknown): SchemaIssue[] =>
  findPrototypeKeys(raw).map((path) => ({
    path: [...path],
    message: `${formatPath(path)}: the key "__proto__" is not allowed, because JavaScript would read it as the object's prototype instead of data; rename or remove it`,
  }));

const envelopeIssuesOf = (raw: Record<string, unknown>): SchemaIssue[] => {
  const typeIssues = validateEnvelopeTypes(raw);
  const rootIssues = validateRootFields(raw);
  // Formats read typed fields, so they only run once every type is right.
  if (typeIssues.length > 0) return [...typeIssues, ...rootIssues];
  const metadata = raw.metadata as EntityMetadata;
  return [...rootIssues, ...validateFieldFormats(raw.apiVersion as string, raw.kind as string, metadata)];
};

/**
 * Validates one raw document as Backstage does, in its order (compat §1.1): envelope and
 * metadata types, default namespace, no foreign root fields, field formats, then the kind
 * (exact kind + apiVersion match) and its spec. Returns a new entity with the namespace
 * filled in and uid/etag/generation removed; the input is never mutated.
 */
export function validateEntity(raw: unknown, registry: KindRegistry): ValidateEntityResult {
  if (!isPlainObject(raw)) {
    return { ok: false, issues: [{ path: [], message: `expected a mapping (an entity), found ${describeShape(raw)}` }] };
  }
  const partialRef = readPartialRef(raw);
  const prototypeIssues = prototypeKeyIssuesOf(raw);
  if (prototypeIssues.length > 0) return { ok: false, issues: prototypeIssues, partialRef };
  const envelopeIssues = envelopeIssuesOf(raw);
  if (envelopeIssues.length > 0) return { ok: false, issues: envelopeIssues, partialRef };
  const entity = normalizeEntity(raw);
  const definition = registry.find(entity.kind, entity.apiVersion);
  if (!definition) return { ok: false, issues: [describeUnknownKind(entity.kind, entity.apiVersion, registry)], partialRef };
  const specIssues = definition.validateSpec(entity);
  if (specIssues.length > 0) return { ok: false, issues: specIssues, partialRef };
  return { ok: true, entity, usageIssues: definition.usageIssues?.(entity) ?? [] };
}
