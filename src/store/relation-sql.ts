import type { EntityRelation } from '../core/catalog/entity.ts';
import { compareCodeUnits } from '../core/compare-code-units.ts';
import { inverseRelationType, relationPairs } from '../core/graph/relation-pairs.ts';
import { parseRelationPairs } from './stored-rows.ts';

/** A CASE expression mapping a stored type to its inverse: cheaper per call than joining a VALUES table. */
const inverseTypeSql = (column: string): string =>
  `CASE ${column} ${relationPairs.flatMap(([a, b]) => [`WHEN '${a}' THEN '${b}'`, `WHEN '${b}' THEN '${a}'`]).join(' ')} ELSE ${column} END`;

/**
 * An entity's relations, read from one-row-per-edge storage: its own rows plus the inverse of every row that
 * points at it, as one JSON array of `[type, targetRef]` pairs, unsorted and possibly with repeats (an edge
 * both ends declared): cheaper in SQL than UNION's temporary b-tree; see {@link sortedUniqueRelations}.
 */
export const entityRelationPairsJsonSql = `
  SELECT json_group_array(json_array(type, targetRef)) FROM (
    SELECT type, target_ref AS targetRef FROM relations WHERE source_ref = @ref
    UNION ALL
    SELECT ${inverseTypeSql('r.type')}, r.source_ref FROM relations r WHERE r.target_ref = @ref)`;

/** The pairs of {@link entityRelationPairsJsonSql} as the catalog API lists them: by type then target, once each. */
export const sortedUniqueRelations = (pairsJson: string): EntityRelation[] => sortedUniqueRelationPairs(parseRelationPairs(pairsJson));

/** `[type, targetRef]` pairs (sorted in place) as the catalog API lists them: by type then target, once each. */
export const sortedUniqueRelationPairs = (unsorted: Array<[string, string]>): EntityRelation[] => {
  const pairs = unsorted.sort((a, b) => compareCodeUnits(a[0], b[0]) || compareCodeUnits(a[1], b[1]));
  const relations: EntityRelation[] = [];
  let previous: [string, string] | undefined;
  for (const pair of pairs) {
    if (previous?.[0] !== pair[0] || previous[1] !== pair[1]) relations.push({ type: pair[0], targetRef: pair[1] });
    previous = pair;
  }
  return relations;
};

/**
 * The relations of many entities (`?` a JSON array of refs), one row per edge and end, as
 * {@link entityRelationPairsJsonSql} reads them for one: `ref` is the entity the row belongs to.
 */
export const entitiesRelationRowsSql = `
  SELECT source_ref AS ref, type, target_ref AS targetRef FROM relations WHERE source_ref IN (SELECT value FROM json_each(@refs))
  UNION ALL
  SELECT r.target_ref, ${inverseTypeSql('r.type')}, r.source_ref FROM relations r WHERE r.target_ref IN (SELECT value FROM json_each(@refs))`;

/** A SQL list of relation type literals; the types come from code, never from input. */
export const quotedSqlList = (types: readonly string[]): string => types.map((type) => `'${type}'`).join(', ');

/** The stored types that read as one of `types` from their other end. */
export const inverseTypes = (types: readonly string[]): string[] =>
  types.map((type) => inverseRelationType(type)).filter((type): type is string => type !== undefined);

/**
 * Two UNIONed SELECTs of the refs related to `column` (a column of the CTE named in `from`) by any of
 * `types`, in either storage direction. Written to sit directly in a recursive CTE (SQLite allows a
 * compound recursive step, but not the CTE inside a subquery).
 */
export const neighbourSql = (types: readonly string[], from: string, column: string, select: string, where = '1'): string => `
  SELECT r.target_ref, ${select} FROM ${from} JOIN relations r ON r.source_ref = ${column} AND r.type IN (${quotedSqlList(types)}) WHERE ${where}
  UNION
  SELECT r.source_ref, ${select} FROM ${from} JOIN relations r ON r.target_ref = ${column} AND r.type IN (${quotedSqlList(inverseTypes(types))}) WHERE ${where}`;

/** Refs related to @ref by `type` (e.g. `hasMember` on a group finds `memberOf` rows of users). */
export const relatedRefsSql = (type: string): string => `
  SELECT target_ref AS ref FROM relations WHERE source_ref = @ref AND type = '${type}'
  UNION
  SELECT source_ref FROM relations WHERE target_ref = @ref AND type = '${inverseRelationType(type) ?? type}'
  ORDER BY 1`;
