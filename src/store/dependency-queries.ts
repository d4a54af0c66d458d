import type Database from 'better-sqlite3';
import { neighbourSql } from './relation-sql.ts';
import { dependencyRelationTypes, type DependencyDirection, type DependencyNode } from '../core/graph/dependency-edges.ts';

/**
 * Walks dependency relations in SQL with a recursive CTE: one round trip however wide the graph.
 * UNION (not UNION ALL) plus the depth bound makes it cycle-safe; each ref is reported at its
 * shortest depth.
 */
const walkSql = (types: readonly string[]) => `
  WITH RECURSIVE walk(ref, depth, via) AS (
    SELECT @start, 0, NULL
    UNION
    ${neighbourSql(types, 'walk w', 'w.ref', 'w.depth + 1, w.ref', 'w.depth < @depth')}
  ),
  nearest AS (
    SELECT ref, min(depth) AS depth FROM walk WHERE ref <> @start GROUP BY ref
  )
  SELECT n.ref, n.depth,
    (SELECT w.via FROM walk w WHERE w.ref = n.ref AND w.depth = n.depth ORDER BY w.via LIMIT 1) AS via,
    e.kind AS kind,
    json_extract(e.body, '$.metadata.title') AS title,
    json_extract(e.body, '$.metadata.description') AS description,
    json_extract(e.body, '$.spec.lifecycle') AS lifecycle,
    (SELECT o.target_ref FROM relations o WHERE o.source_ref = n.ref AND o.type = 'ownedBy' LIMIT 1) AS ownerRef
  FROM nearest n LEFT JOIN entities e ON e.ref = n.ref
  ORDER BY n.depth, n.ref
  LIMIT @limit`;

interface WalkRow {
  ref: string;
  depth: number;
  via: string;
  kind: string | null;
  title: string | null;
  description: string | null;
  lifecycle: string | null;
  ownerRef: string | null;
}

const toNode = (row: WalkRow): DependencyNode => ({
  ref: row.ref,
  depth: row.depth,
  via: row.via,
  exists: row.kind !== null,
  kind: row.kind ?? row.ref.slice(0, row.ref.indexOf(':')),
  ...(row.title ? { title: row.title } : {}),
  ...(row.description ? { description: row.description } : {}),
  ...(row.ownerRef ? { ownerRef: row.ownerRef } : {}),
  ...(row.lifecycle ? { lifecycle: row.lifecycle } : {}),
});

export class DependencyQueries {
  private readonly statements: Record<DependencyDirection, Database.Statement>;

  constructor(client: Database.Database) {
    this.statements = {
      forward: client.prepare(walkSql(dependencyRelationTypes.forward)),
      reverse: client.prepare(walkSql(dependencyRelationTypes.reverse)),
    };
  }

  /** Everything `ref` depends on (forward) or that depends on it (reverse), up to `depth` hops. */
  walk(ref: string, direction: DependencyDirection, depth: number, limit = 100_000): DependencyNode[] {
    return (this.statements[direction].all({ start: ref, depth, limit }) as WalkRow[]).map(toNode);
  }
}
