import type { Entity } from '../catalog/entity.ts';
import { readFieldPath } from './parse-field-path.ts';
import type { FilterClause } from './scorecard.ts';

/**
 * The text a scalar compares as. Filter values are strings (YAML makes `1` and `true` numbers and booleans, so the
 * Scorecard asks for them quoted), and a number or boolean field compares as it is written: `spec.tier: "1"`
 * matches `tier: 1`. Mappings and null never match.
 */
const scalarText = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
};

/** One clause: exact, case-sensitive compare; a list field matches when any of its items is one of the values. */
const matchesClause = (entity: Entity, clause: FilterClause): boolean => {
  const value = readFieldPath(entity, clause.path.segments);
  const candidates = Array.isArray(value) ? value : [value];
  return candidates.some((candidate) => {
    const text = scalarText(candidate);
    return text !== undefined && clause.values.includes(text);
  });
};

/** Whether a scorecard applies to an entity of any kind: every clause must match (AND), a clause's values are any-of (OR). */
export function matchFilter(entity: Entity, filter: readonly FilterClause[]): boolean {
  return filter.every((clause) => matchesClause(entity, clause));
}
