import { z } from 'zod';
import {
  DATE_TIME_EXPECTED,
  instantOfRotationDateTime,
  LENGTH_EXPECTED,
  parseRotationDateTime,
  parseRotationLength,
} from '../../oncall/rotation/rotation-fields.ts';
import { isKnownTimeZone } from '../../oncall/rotation/zoned-time.ts';
import type { Entity } from '../entity.ts';
import { invalidValueMessage, isPlainObject } from '../issue-text.ts';
import type { KindDefinition, SchemaIssue } from '../kind-registry.ts';
import { tryParseEntityRef } from '../refs.ts';
import { OWNER, defineKind } from './define-kind.ts';
import { looseMapping, nonEmptyString, refString } from './spec-fields.ts';

const USER_REF = 'a User ref such as "user:alice" or "alice"';
const TIMEZONE_EXPECTED = 'an IANA time zone name such as "Europe/Berlin", "America/New_York" or "UTC"';

const dateTime = z.string({ error: DATE_TIME_EXPECTED }).refine((text) => parseRotationDateTime(text) !== undefined, { error: DATE_TIME_EXPECTED });

const layerSchema = looseMapping(
  {
    name: nonEmptyString('a non-empty layer name such as "primary"'),
    members: z
      .array(nonEmptyString(USER_REF), { error: 'a list of people in turn order, such as [user:alice, user:bob]' })
      .min(1, { error: 'at least one member, such as [user:alice]' }),
    start: dateTime,
    length: z.string({ error: LENGTH_EXPECTED }).refine((text) => parseRotationLength(text) !== undefined, { error: LENGTH_EXPECTED }),
  },
  'a mapping with name, members, start and length',
);

const overrideSchema = looseMapping(
  {
    layer: nonEmptyString('the name of one of spec.layers, such as "primary"'),
    user: nonEmptyString(USER_REF),
    from: dateTime,
    until: dateTime,
  },
  'a mapping with layer, user, from and until',
);

const specSchema = looseMapping(
  {
    owner: refString('"team-a" (a Group unless a kind is written) or "user:jdoe"'),
    timezone: z.string({ error: TIMEZONE_EXPECTED }).refine(isKnownTimeZone, { error: TIMEZONE_EXPECTED }),
    layers: z
      .array(layerSchema, { error: 'a list of layers, level 1 first' })
      .min(1, { error: 'at least one layer, such as { name: primary, members: [user:alice], start: "2026-01-05T09:00", length: 1w }' }),
    overrides: z.array(overrideSchema, { error: 'a list of overrides such as { layer: primary, user: user:frank, from: …, until: … }' }).optional(),
  },
  'a mapping with at least owner, timezone and layers',
);

const mappings = (value: unknown): [Record<string, unknown>, number][] =>
  Array.isArray(value) ? value.flatMap((item, index) => (isPlainObject(item) ? [[item, index] as [Record<string, unknown>, number]] : [])) : [];

/** Members and override users are people: refs that parse with default kind User, and name a User. */
const checkUserRef = (value: unknown, path: (string | number)[], namespace: string | undefined): SchemaIssue[] => {
  if (typeof value !== 'string' || value === '') return []; // the schema reports those
  const parsed = tryParseEntityRef(value, { defaultKind: 'User', defaultNamespace: namespace });
  if (parsed.ok && parsed.ref.kind.toLowerCase() === 'user') return [];
  const why = parsed.ok ? ' (only people can be on call)' : '';
  return [{ path, message: invalidValueMessage(path, value, `${USER_REF}${why}`) }];
};

const checkLayers = (layers: unknown, namespace: string | undefined): SchemaIssue[] => {
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const [layer, index] of mappings(layers)) {
    if (Array.isArray(layer.members)) {
      layer.members.forEach((member, position) => issues.push(...checkUserRef(member, ['spec', 'layers', index, 'members', position], namespace)));
    }
    if (typeof layer.name !== 'string' || layer.name === '') continue;
    if (seen.has(layer.name)) {
      const path = ['spec', 'layers', index, 'name'];
      issues.push({ path, message: invalidValueMessage(path, layer.name, 'a name no other layer of this rotation has (overrides name their layer)') });
    }
    seen.add(layer.name);
  }
  return issues;
};

/**
 * Overrides a rotation may list: who is on walks up to 10,000 handoffs, each looking through every override, so
 * thousands of them make `/oncall` slow. Ended overrides can be deleted; they change nothing from now on.
 */
export const MAX_ROTATION_OVERRIDES = 200;

const checkOverrides = (spec: Record<string, unknown>, namespace: string | undefined): SchemaIssue[] => {
  if (Array.isArray(spec.overrides) && spec.overrides.length > MAX_ROTATION_OVERRIDES) {
    const message = `spec.overrides has ${spec.overrides.length} overrides; at most ${MAX_ROTATION_OVERRIDES} are allowed. Delete the ones that have ended (they change nothing from now on).`;
    return [{ path: ['spec', 'overrides'], message }];
  }
  const issues: SchemaIssue[] = [];
  // An override can only be judged against layers whose names are all readable (the schema reports the others).
  const layers = Array.isArray(spec.layers) ? spec.layers : [];
  const layerNames = layers.every((layer) => isPlainObject(layer) && typeof layer.name === 'string' && layer.name !== '')
    ? layers.map((layer) => (layer as { name: string }).name)
    : undefined;
  const timezone = typeof spec.timezone === 'string' && isKnownTimeZone(spec.timezone) ? spec.timezone : undefined;
  for (const [override, index] of mappings(spec.overrides)) {
    const at = (field: string) => ['spec', 'overrides', index, field];
    issues.push(...checkUserRef(override.user, at('user'), namespace));
    if (layerNames?.length && typeof override.layer === 'string' && override.layer !== '' && !layerNames.includes(override.layer)) {
      const names = layerNames.map((name) => JSON.stringify(name)).join(', ');
      issues.push({ path: at('layer'), message: invalidValueMessage(at('layer'), override.layer, `the name of one of spec.layers (${names})`) });
    }
    const from = parseRotationDateTime(override.from);
    const until = parseRotationDateTime(override.until);
    if (timezone && from && until && instantOfRotationDateTime(until, timezone) <= instantOfRotationDateTime(from, timezone)) {
      issues.push({ path: at('until'), message: invalidValueMessage(at('until'), override.until, `a time after from (${String(override.from)})`) });
    }
  }
  return issues;
};

/** What the schema cannot see field by field: user refs inside lists, unique layer names, overrides' layers and order. */
const crossFieldIssues = (entity: Entity): SchemaIssue[] => {
  if (!isPlainObject(entity.spec)) return [];
  const namespace = entity.metadata.namespace;
  return [...checkLayers(entity.spec.layers, namespace), ...checkOverrides(entity.spec, namespace)];
};

const base = defineKind({
  kind: 'Rotation',
  apiVersions: ['callboard.dev/v1alpha1'],
  specSchema,
  refFields: [{ field: 'owner', defaultKind: 'Group', ...OWNER }],
});

/**
 * Rotation, callboard.dev/v1alpha1: a built-in on-call rotation for teams without a paging tool (issue 13). Layers
 * are escalation levels, level 1 first; see src/core/oncall/README.md for who is on call when.
 */
export const rotationKind = {
  ...base,
  validateSpec: (entity: Entity) => [...base.validateSpec(entity), ...crossFieldIssues(entity)],
} satisfies KindDefinition;
