import { ConflictError } from '../errors.ts';
import type { Entity, RelationRow } from './entity.ts';
import { apiKind } from './kinds/api.ts';
import { componentKind } from './kinds/component.ts';
import { domainKind } from './kinds/domain.ts';
import { groupKind } from './kinds/group.ts';
import { locationKind } from './kinds/location.ts';
import { resourceKind } from './kinds/resource.ts';
import { rotationKind } from './kinds/rotation.ts';
import { scorecardKind } from './kinds/scorecard.ts';
import { systemKind } from './kinds/system.ts';
import { templateKind } from './kinds/template.ts';
import { userKind } from './kinds/user.ts';

/** One thing wrong with an entity; `path` starts at the entity root, e.g. `['spec','owner']`. */
export interface SchemaIssue {
  path: (string | number)[];
  message: string;
}

/** What the catalog knows about one kind: which apiVersions it accepts, its spec rules, its relations. */
export interface KindDefinition {
  /** Exact, case-sensitive kind name as written in YAML (`Component`). */
  kind: string;
  apiVersions: readonly string[];
  /** Checks `spec` (types, required fields, refs parseable with the field's default kind). */
  validateSpec(entity: Entity): SchemaIssue[];
  /**
   * Relation rows of a valid entity, both directions: forward rows on the entity itself and
   * inverse rows on each target, with canonical lowercase refs.
   */
  relations(entity: Entity): RelationRow[];
  /**
   * What keeps a valid entity from being used (a Template naming an unknown action): reported as error problems
   * on the entity, which stays in the catalog. Called only when validateSpec found nothing.
   */
  usageIssues?(entity: Entity): SchemaIssue[];
}

const keyOf = (kind: string, apiVersion: string): string => `${kind}\u0000${apiVersion}`;

/**
 * The kinds the catalog accepts. Built-in kinds come from {@link createBuiltinKindRegistry};
 * Callboard's own kinds are added through {@link KindRegistry.register} the same way.
 */
export class KindRegistry {
  private readonly byKey = new Map<string, KindDefinition>();
  private readonly definitions: KindDefinition[] = [];

  /** @throws ConflictError when a definition for one of the kind + apiVersion pairs already exists. */
  register(definition: KindDefinition): void {
    for (const apiVersion of definition.apiVersions) {
      if (this.byKey.has(keyOf(definition.kind, apiVersion))) {
        throw new ConflictError(`kind ${definition.kind} with apiVersion ${apiVersion} is already registered`);
      }
    }
    for (const apiVersion of definition.apiVersions) this.byKey.set(keyOf(definition.kind, apiVersion), definition);
    this.definitions.push(definition);
  }

  /** Exact match on both, like Backstage's processors: `component` does not find `Component`. */
  find(kind: string, apiVersion: string): KindDefinition | undefined {
    return this.byKey.get(keyOf(kind, apiVersion));
  }

  /** Whether every built-in kind is registered as {@link BUILTIN_KINDS} defines it (work that knows only those can be shared). */
  hasBuiltinKinds(): boolean {
    return BUILTIN_KINDS.every((definition) => definition.apiVersions.every((apiVersion) => this.find(definition.kind, apiVersion) === definition));
  }

  /** Registered kind names, sorted. */
  kinds(): string[] {
    return [...new Set(this.definitions.map((definition) => definition.kind))].sort();
  }

  /** Every apiVersion registered for exactly this kind (empty when the kind is unknown). */
  apiVersionsOf(kind: string): string[] {
    return this.definitions.filter((definition) => definition.kind === kind).flatMap((definition) => [...definition.apiVersions]);
  }
}

/** The kinds of a core Backstage catalog, the scaffolder's Template v1beta3, and Callboard's Rotation and Scorecard. */
export const BUILTIN_KINDS: readonly KindDefinition[] = [
  componentKind,
  apiKind,
  resourceKind,
  systemKind,
  domainKind,
  groupKind,
  userKind,
  locationKind,
  templateKind,
  rotationKind,
  scorecardKind,
];

/** A fresh registry holding the built-in kinds; Callboard's own kinds are registered on it afterwards. */
export function createBuiltinKindRegistry(): KindRegistry {
  const registry = new KindRegistry();
  for (const definition of BUILTIN_KINDS) registry.register(definition);
  return registry;
}
