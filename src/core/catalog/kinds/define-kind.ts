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

/** The strings of a ref field, single or listed; the schema has already checked the types. */
const listOf = (value: unknown): readonly unknown[] => (typeof value === 'string' ? [value] : Array.isArray(value) ? value : []);

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
    const value = spec[field.field];
    if (value === undefined) continue;
    const context = { defaultKind: field.defaultKind, defaultNamespace: entity.metadata.namespace };
    listOf(value).forEach((ref, index) => {
      if (typeof ref !== 'string' || tryParseEntityRef(ref, context).ok) return;
      const path = typeof value === 'string' ? ['spec', field.field] : ['spec', field.field, index];
      issues.push({ path, message: invalidValueMessage(path, ref, refExpectation(field, ref)) });
    });
  }
  return issues;
};

/** Forward rows on the entity, inverse rows on each target, deduplicated by (source, type, target). */
const emitRelations = (entity: Entity, refFields: readonly RefField[]): RelationRow[] => {
  const self = entityRefOf(entity);
  const spec = specOf(entity);
  const rows: RelationRow[] = [];
  const seen = new Set<string>();
  for (const field of refFields) {
    const value = spec[field.field];
    if (value === undefined) continue;
    const context = { defaultKind: field.defaultKind, defaultNamespace: entity.metadata.namespace };
    for (const ref of listOf(value)) {
      const parsed = typeof ref === 'string' ? tryParseEntityRef(ref, context) : undefined;
      if (!parsed?.ok) continue; // validateSpec reports it; a valid entity never gets here
      const target = stringifyEntityRef(parsed.ref);
      const forward = `${self} ${field.forward} ${target}`;
      if (!seen.has(forward)) rows.push({ sourceRef: self, type: field.forward, targetRef: target });
      seen.add(forward);
      const inverse = `${target} ${field.inverse} ${self}`;
      if (!seen.has(inverse)) rows.push({ sourceRef: target, type: field.inverse, targetRef: self });
      seen.add(inverse);
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
