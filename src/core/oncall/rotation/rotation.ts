import type { Entity } from '../../catalog/entity.ts';
import { rotationKind } from '../../catalog/kinds/rotation.ts';
import { entityRefOf, stringifyEntityRef, tryParseEntityRef } from '../../catalog/refs.ts';
import { InvalidInputError } from '../../errors.ts';
import { instantOfRotationDateTime, parseRotationDateTime, parseRotationLength } from './rotation-fields.ts';
import { localAt } from './zoned-time.ts';

/** A person named by a rotation: the canonical User ref, and the name as written for display. */
export interface RotationMember {
  ref: string;
  name: string;
}

/** One escalation level of a rotation: members take turns of `length`, counted on the zone's wall clock. */
export interface RotationLayer {
  name: string;
  /** In turn order; the same person may appear more than once. */
  members: RotationMember[];
  /** The first handoff as a wall-clock reading of the rotation's zone (see zoned-time.ts). */
  startLocal: number;
  /** Wall-clock milliseconds per turn: 12h is 12 hours on the wall clock, whatever the day's length. */
  lengthMs: number;
}

/** One person replacing a layer's own for `[from, until)`. */
export interface RotationOverride {
  layer: string;
  member: RotationMember;
  /** Instant, ms since the epoch. */
  from: number;
  /** Instant, ms since the epoch; after `from`. */
  until: number;
}

/** A valid Rotation entity, read into what the on-call math needs. */
export interface Rotation {
  /** Canonical ref (`rotation:default/payments-primary`). */
  ref: string;
  /** `metadata.title`, else `metadata.name`. */
  displayName: string;
  timezone: string;
  /** Level 1 first. */
  layers: RotationLayer[];
  /** In the order written: where two overlap on one layer, the later one wins. */
  overrides: RotationOverride[];
}

interface RawLayer {
  name: string;
  members: string[];
  start: string;
  length: string;
}

interface RawOverride {
  layer: string;
  user: string;
  from: string;
  until: string;
}

const memberOf = (written: string, namespace: string | undefined): RotationMember => {
  const parsed = tryParseEntityRef(written, { defaultKind: 'User', defaultNamespace: namespace });
  if (!parsed.ok) throw new InvalidInputError(parsed.message); // validated before; kept for the type
  return { ref: stringifyEntityRef(parsed.ref), name: parsed.ref.name };
};

/**
 * Reads a Rotation entity (as the catalog holds it) into a {@link Rotation}.
 * @throws InvalidInputError naming the first problem when the entity is not a valid Rotation (the catalog only
 * stores valid ones, so this means it came from somewhere else).
 */
export function parseRotation(entity: Entity): Rotation {
  const ref = entityRefOf(entity);
  const issues = entity.kind === 'Rotation' ? rotationKind.validateSpec(entity) : [{ message: `kind is ${entity.kind}, not Rotation` }];
  if (issues.length > 0) throw new InvalidInputError(`${ref} is not a valid Rotation: ${issues[0]!.message}`);
  const spec = entity.spec as { timezone: string; layers: RawLayer[]; overrides?: RawOverride[] };
  const { timezone } = spec;
  const namespace = entity.metadata.namespace;
  const instantOf = (text: string) => instantOfRotationDateTime(parseRotationDateTime(text)!, timezone);
  const layers = spec.layers.map((layer): RotationLayer => {
    const start = parseRotationDateTime(layer.start)!;
    // A start written with an offset names an instant; its handoff time of day is what the zone's clock shows then.
    const startLocal = start.offset === undefined ? start.local : localAt(start.local - start.offset, timezone);
    return { name: layer.name, members: layer.members.map((member) => memberOf(member, namespace)), startLocal, lengthMs: parseRotationLength(layer.length)! };
  });
  const overrides = (spec.overrides ?? []).map((override): RotationOverride => ({
    layer: override.layer,
    member: memberOf(override.user, namespace),
    from: instantOf(override.from),
    until: instantOf(override.until),
  }));
  const title = typeof entity.metadata.title === 'string' && entity.metadata.title.trim() !== '' ? entity.metadata.title : undefined;
  return { ref, displayName: title ?? entity.metadata.name, timezone, layers, overrides };
}
