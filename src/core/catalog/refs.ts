import { InvalidInputError } from '../errors.ts';
import type { Entity } from './entity.ts';

/** An entity reference split into its three parts, case kept as written. */
export interface CompoundEntityRef {
  kind: string;
  namespace: string;
  name: string;
}

/** What a ref without `kind:` or `namespace/` resolves to. */
export interface EntityRefContext {
  defaultKind?: string;
  defaultNamespace?: string;
}

/** The compound form a caller may pass instead of a string (Backstage accepts both). */
export interface EntityRefInput {
  kind?: string;
  namespace?: string;
  name: string;
}

export type ParseEntityRefResult = { ok: true; ref: CompoundEntityRef } | { ok: false; message: string };

const DEFAULT_NAMESPACE = 'default';

// Backstage's grammar: no part may contain ':' or '/', so 'a:b:c' and 'a/b/c' never match.
const REF_PATTERN = /^([^:/]+:)?([^:/]+\/)?([^:/]+)$/;

const KIND_HINT = 'write it as "kind:[namespace/]name", e.g. "component:my-service"';

const parseStringRef = (raw: string, context: EntityRefContext): ParseEntityRefResult => {
  const match = REF_PATTERN.exec(raw.trim());
  if (!match) {
    return { ok: false, message: `entity ref "${raw}" is not of the form [<kind>:][<namespace>/]<name>` };
  }
  const kind = match[1]?.slice(0, -1) ?? context.defaultKind;
  if (!kind) {
    return { ok: false, message: `entity ref "${raw}" has no kind and this field has no default kind; ${KIND_HINT}` };
  }
  const namespace = match[2]?.slice(0, -1) ?? context.defaultNamespace ?? DEFAULT_NAMESPACE;
  return { ok: true, ref: { kind, namespace, name: match[3]! } };
};

const parseCompoundRef = (raw: EntityRefInput, context: EntityRefContext): ParseEntityRefResult => {
  // An explicitly empty kind or namespace is a mistake, not a request for the default.
  if (raw.kind === '') return { ok: false, message: 'entity ref has an empty kind' };
  if (raw.namespace === '') return { ok: false, message: 'entity ref has an empty namespace' };
  if (typeof raw.name !== 'string' || raw.name === '') return { ok: false, message: 'entity ref has no name' };
  const kind = raw.kind ?? context.defaultKind;
  if (!kind) return { ok: false, message: `entity ref to "${raw.name}" has no kind and there is no default kind` };
  const namespace = raw.namespace ?? context.defaultNamespace ?? DEFAULT_NAMESPACE;
  return { ok: true, ref: { kind, namespace, name: raw.name } };
};

/**
 * Parses `[<kind>:][<namespace>/]<name>` (or the compound object form) the way Backstage does:
 * whitespace around the string is trimmed, the namespace defaults to `context.defaultNamespace`
 * or `default`, and a missing kind is an error unless `context.defaultKind` is given.
 * Never throws; see {@link parseEntityRef} for the throwing variant.
 */
export function tryParseEntityRef(ref: string | EntityRefInput, context: EntityRefContext = {}): ParseEntityRefResult {
  if (typeof ref === 'string') return parseStringRef(ref, context);
  if (ref !== null && typeof ref === 'object') return parseCompoundRef(ref, context);
  return { ok: false, message: `entity ref must be a string or an object, found ${typeof ref}` };
}

/**
 * Parses an entity ref; case is kept as written (compare with {@link stringifyEntityRef}).
 * @throws InvalidInputError when the ref is malformed or has no kind and no default kind.
 */
export function parseEntityRef(ref: string | EntityRefInput, context: EntityRefContext = {}): CompoundEntityRef {
  const result = tryParseEntityRef(ref, context);
  if (!result.ok) throw new InvalidInputError(result.message);
  return result.ref;
}

/**
 * Canonical form `kind:namespace/name`, all lowercase, namespace defaulted to `default`.
 * Backstage lowercases with the en-US locale, which is plain `toLowerCase` for every character.
 */
export function stringifyEntityRef(ref: { kind: string; namespace?: string; name: string }): string {
  const namespace = ref.namespace ?? DEFAULT_NAMESPACE;
  return `${ref.kind.toLowerCase()}:${namespace.toLowerCase()}/${ref.name.toLowerCase()}`;
}

/** The canonical form of a ref as typed or written in YAML, or undefined when it does not parse. */
export function canonicalEntityRef(ref: string, context: EntityRefContext = {}): string | undefined {
  const parsed = tryParseEntityRef(ref, context);
  return parsed.ok ? stringifyEntityRef(parsed.ref) : undefined;
}

/** Canonical ref of an entity (its namespace defaults to `default`). */
export function entityRefOf(entity: Entity): string {
  return stringifyEntityRef({ kind: entity.kind, namespace: entity.metadata.namespace, name: entity.metadata.name });
}

/**
 * The ref with case kept as written, e.g. `Component:default/foo`: what the scaffolder's
 * `catalog:register` returns as `entityRef`, and what reads best in messages.
 */
export function displayEntityRef(ref: { kind: string; namespace?: string; name: string } | Entity): string {
  if ('metadata' in ref) return displayEntityRef({ kind: ref.kind, namespace: ref.metadata.namespace, name: ref.metadata.name });
  return `${ref.kind}:${ref.namespace ?? DEFAULT_NAMESPACE}/${ref.name}`;
}
