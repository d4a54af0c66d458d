import type Database from 'better-sqlite3';
import { dependencyRelationTypes, type DependencyDirection, type DependencyNode } from '../core/graph/dependency-edges.ts';
import { walkGraph, type GraphStep, type ReachedNode } from '../core/graph/walk-graph.ts';
import { inverseTypes, quotedSqlList } from './relation-sql.ts';

/** One level of the walk: every neighbour of the frontier refs, in either storage direction. */
const expandSql = (types: readonly string[]) => `
  SELECT r.target_ref AS ref, r.source_ref AS via FROM relations r
   WHERE r.source_ref IN (SELECT value FROM json_each(@frontier)) AND r.type IN (${quotedSqlList(types)})
  UNION ALL
  SELECT r.source_ref, r.target_ref FROM relations r
   WHERE r.target_ref IN (SELECT value FROM json_each(@frontier)) AND r.type IN (${quotedSqlList(inverseTypes(types))})`;

const detailsSql = `
  SELECT n.value AS ref, e.kind AS kind,
    json_extract(e.body, '$.metadata.title') AS title,
    json_extract(e.body, '$.metadata.description') AS description,
    json_extract(e.body, '$.spec.lifecycle') AS lifecycle,
    (SELECT o.target_ref FROM relations o WHERE o.source_ref = n.value AND o.type = 'ownedBy' LIMIT 1) AS ownerRef
  FROM json_each(@refs) n LEFT JOIN entities e ON e.ref = n.value`;

interface DetailRow {
  ref: string;
  kind: string | null;
  title: string | null;
  description: string | null;
  lifecycle: string | null;
  ownerRef: string | null;
}

const toNode = (reached: ReachedNode, row: DetailRow | undefined): DependencyNode => ({
  ...reached,
  exists: Boolean(row?.kind),
  kind: row?.kind ?? reached.ref.slice(0, reached.ref.indexOf(':')),
  ...(row?.title ? { title: row.title } : {}),
  ...(row?.description ? { description: row.description } : {}),
  ...(row?.ownerRef ? { ownerRef: row.ownerRef } : {}),
  ...(row?.lifecycle ? { lifecycle: row.lifecycle } : {}),
});

/** Dependency walks: one query per level (breadth-first, cycle-safe), then one for the nodes' details. */
export class DependencyQueries {
  private readonly expand: Record<DependencyDirection, Database.Statement>;
  private readonly details: Database.Statement;

  constructor(client: Database.Database) {
    this.expand = {
      forward: client.prepare(expandSql(dependencyRelationTypes.forward)),
      reverse: client.prepare(expandSql(dependencyRelationTypes.reverse)),
    };
    this.details = client.prepare(detailsSql);
  }

  /** Everything `ref` depends on (forward) or that depends on it (reverse), up to `depth` hops. */
  walk(ref: string, direction: DependencyDirection, depth: number, limit = 100_000): DependencyNode[] {
    const statement = this.expand[direction];
    const reached = walkGraph(ref, depth, (frontier) => statement.all({ frontier: JSON.stringify(frontier) }) as GraphStep[], limit);
    if (reached.length === 0) return [];
    const rows = this.details.all({ refs: JSON.stringify(reached.map((node) => node.ref)) }) as DetailRow[];
    const byRef = new Map(rows.map((row) => [row.ref, row]));
    return reached.map((node) => toNode(node, byRef.get(node.ref))).sort((a, b) => a.depth - b.depth || a.ref.localeCompare(b.ref));
  }
}
