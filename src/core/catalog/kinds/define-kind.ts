import type { z } from 'zod';
import type { Entity, RelationRow } from '../entity.ts';
import { invalidValueMessage, isPlainObject } from '../issue-text.ts';
import type { KindDefinition, SchemaIssue } from '../kind-registry.ts';
import { entityRefOf, stringifyEntityRef, tryParseEntityRef } from '../refs.ts';
import { toSchemaIssues } from './zod-issues.ts';

/** A spec field holding one ref or a list of refs, and the relation pair it yields (compat §4.1). */
export interface RefField {
  field: string;
  /** Kind of a ref written without `kind:`; absent means the kind must be written (dependsOn, dependencyOf). */
  defaultKind?: string;
  /** Relation type stored on this entity. */
  forward: string;
  /** Relation type stored on the referenced entity. */
  inverse: string;
}

/** Everything that differs between kinds; {@link defineKind} derives the rest. */
export interface KindSpecification {
  kind: string;
  apiVersions: readonly string[];
  /** Zod schema of `spec` (the whole spec, so a missing spec is reported too). */
  specSchema: z.ZodType;
  refFields: readonly RefField[];
}

type RefSource = { value: string; path: (string | number)[] };

/** The ref strings of one field, with their paths; the schema has already checked the types. */
const refsOf = (spec: Record<string, unknown>, field: string): RefSource[] => {
  const value = spec[field];
  if (typeof value === 'string') return [{ value, path: ['spec', field] }];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) => (typeof item === 'string' ? [{ value: item, path: ['spec', field, index] }] : []));
};

const specOf = (entity: Entity): Record<string, unknown> => (isPlainObject(entity.spec) ? entity.spec : {});

const refExpectation = (field: RefField, value: string): string => {
  // A ':' means the kind is there and the ref is malformed; otherwise the kind is what is missing.
  if (field.defaultKind || value.includes(':')) return 'an entity ref of the form [<kind>:][<namespace>/]<name>, where no part contains ":" or "/"';
  const name = value.trim().split('/').pop() ?? value;
  return `an entity ref with an explicit kind, such as "resource:${name}" or "component:${name}" (${field.field} has no default kind)`;
};

/** Refs must parse with the field's default kind and the entity's namespace, or processing fails. */
const checkRefs = (entity: Entity, refFields: readonly RefField[]): SchemaIssue[] => {
  const issues: SchemaIssue[] = [];
  const spec = specOf(entity);
  for (const field of refFields) {
    for (const ref of refsOf(spec, field.field)) {
      const parsed = tryParseEntityRef(ref.value, { defaultKind: field.defaultKind, defaultNamespace: entity.metadata.namespace });
      if (!parsed.ok) issues.push({ path: ref.path, message: invalidValueMessage(ref.path, ref.value, refExpectation(field, ref.value)) });
    }
  }
  return issues;
};

/** The ref strings of one field, without paths: relations only run on valid entities. */
const refValuesOf = (spec: Record<string, unknown>, field: string): string[] => {
  const value = spec[field];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
};

/** Forward rows on the entity, inverse rows on each target, deduplicated by (source, type, target). */
const emitRelations = (entity: Entity, refFields: readonly RefField[]): RelationRow[] => {
  const self = entityRefOf(entity);
  const spec = specOf(entity);
  const rows: RelationRow[] = [];
  const seen = new Set<string>();
  const add = (sourceRef: string, type: string, targetRef: string): void => {
    const key = `${sourceRef} ${type} ${targetRef}`;
    if (seen.has(key)) return;
    seen.add(key);
    rows.push({ sourceRef, type, targetRef });
  };
  for (const field of refFields) {
    const context = { defaultKind: field.defaultKind, defaultNamespace: entity.metadata.namespace };
    for (const value of refValuesOf(spec, field.field)) {
      const parsed = tryParseEntityRef(value, context);
      if (!parsed.ok) continue; // validateSpec reports it; a valid entity never gets here
      const target = stringifyEntityRef(parsed.ref);
      add(self, field.forward, target);
      add(target, field.inverse, self);
    }
  }
  return rows;
};

/** Builds a {@link KindDefinition} from a spec schema and a table of ref fields. */
export function defineKind(specification: KindSpecification): KindDefinition {
  const { kind, apiVersions, specSchema, refFields } = specification;
  return {
    kind,
    apiVersions,
    validateSpec(entity) {
      const result = specSchema.safeParse(entity.spec);
      if (!result.success) return toSchemaIssues(result.error, ['spec'], entity.spec);
      return checkRefs(entity, refFields);
    },
    relations: (entity) => emitRelations(entity, refFields),
  };
}

/** Relation pairs of the well-known relations (Backstage's names). */
export const OWNER = { forward: 'ownedBy', inverse: 'ownerOf' } as const;
export const PART = { forward: 'partOf', inverse: 'hasPart' } as const;
export const DEPENDS = { forward: 'dependsOn', inverse: 'dependencyOf' } as const;
export const DEPENDENCY = { forward: 'dependencyOf', inverse: 'dependsOn' } as const;

/** The catalog's apiVersions for the core kinds (each kind schema's enum). */
export const CORE_API_VERSIONS = ['backstage.io/v1alpha1', 'backstage.io/v1beta1'] as const;
