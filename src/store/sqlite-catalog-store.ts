import type Database from 'better-sqlite3';
import type { Entity, EntityWithRelations } from '../core/catalog/entity.ts';
import type { DependencyDirection, DependencyNode } from '../core/graph/dependency-edges.ts';
import type { Problem, Severity } from '../core/problems.ts';
import { DependencyQueries } from './dependency-queries.ts';
import { entityRelationPairsJsonSql, neighbourSql, relatedRefsSql, sortedUniqueRelations } from './relation-sql.ts';
import type { CatalogDatabase } from './open-database.ts';
import { SearchIndex, type SearchOptions, type SearchResult } from './search-index.ts';

export interface StoredProblem extends Problem {
  sourceId: string;
  origin: string;
}

export interface ProblemFilter {
  severity?: Severity;
  entityRefs?: readonly string[];
  sourceId?: string;
}

export interface EntitySummary {
  ref: string;
  kind: string;
  name: string;
  title?: string;
}

interface EntityRow {
  ref: string;
  uid: string;
  etag: string;
  body: string;
}

/**
 * The stored envelope with the uid and etag the catalog assigned (Backstage puts them in metadata). Sets
 * them on the freshly parsed object rather than spreading copies: this runs on every lookup, and the
 * copies cost young-generation pauses in the latency tail.
 */
const withStoredIdentity = (row: EntityRow): Entity => {
  const entity = JSON.parse(row.body) as Entity;
  entity.metadata.uid = row.uid;
  entity.metadata.etag = row.etag;
  return entity;
};

/**
 * Read side of the catalog: named queries that return domain types, never rows. Uses its own
 * connection, so a sync pass in progress on the writer connection is invisible until it commits.
 */
export class SqliteCatalogStore {
  private readonly client: Database.Database;
  private readonly statements;
  private readonly dependencies: DependencyQueries;
  private readonly searchIndex: SearchIndex;
  private readonly relatedStatements = new Map<string, Database.Statement>();

  constructor(db: CatalogDatabase) {
    this.client = db.$client;
    const prepare = (sql: string) => this.client.prepare(sql);
    this.statements = {
      entity: prepare('SELECT ref, uid, etag, body FROM entities WHERE ref = ?'),
      // The row and its relations (as one JSON array) in one statement: half the calls of a lookup by ref.
      entityWithRelations: prepare(`SELECT uid, etag, body, (${entityRelationPairsJsonSql}) AS relations FROM entities WHERE ref = @ref`),
      relations: prepare(`SELECT (${entityRelationPairsJsonSql}) AS relations`),
      all: prepare('SELECT ref, uid, etag, body FROM entities ORDER BY ref'),
      allOfKind: prepare('SELECT ref, uid, etag, body FROM entities WHERE kind = ? COLLATE NOCASE ORDER BY ref'),
      named: prepare("SELECT ref, kind, name, json_extract(body, '$.metadata.title') AS title FROM entities WHERE name = ? ORDER BY ref"),
      ownedBy: prepare(
        `SELECT e.ref, e.kind, e.name, json_extract(e.body, '$.metadata.title') AS title
         FROM (${relatedRefsSql('ownerOf')}) owned JOIN entities e ON e.ref = owned.ref ORDER BY e.ref`,
      ),
      descendants: prepare(
        `WITH RECURSIVE tree(ref, one) AS (SELECT @ref, 1 UNION ${neighbourSql(['parentOf'], 'tree t', 't.ref', '1')})
         SELECT ref FROM tree`,
      ),
      problems: prepare(
        'SELECT source_id AS sourceId, file, line, "column", entity_ref AS entityRef, severity, message, origin FROM problems ORDER BY file, line, "column", id',
      ),
      lastPass: prepare('SELECT summary FROM sync_passes ORDER BY id DESC LIMIT 1'),
      passCount: prepare('SELECT coalesce(max(id), 0) AS n FROM sync_passes'),
      counts: prepare('SELECT kind, count(*) AS n FROM entities GROUP BY kind ORDER BY kind'),
      usersWithEmail: prepare("SELECT ref FROM entities WHERE kind = 'User' AND lower(json_extract(body, '$.spec.profile.email')) = lower(?) ORDER BY ref"),
      annotationEquals: prepare('SELECT ref FROM entities WHERE lower(json_extract(body, @path)) = lower(@value) ORDER BY ref LIMIT 20'),
      annotationPrefix: prepare("SELECT ref FROM entities WHERE json_extract(body, @path) LIKE @pattern ESCAPE '\\' ORDER BY ref LIMIT 20"),
    };
    this.dependencies = new DependencyQueries(this.client);
    this.searchIndex = new SearchIndex(this.client, () => (this.statements.passCount.get() as { n: number }).n);
  }

  /** The entity as Backstage's catalog API returns it: envelope, uid and etag, and its relations. */
  entity(ref: string): EntityWithRelations | undefined {
    const row = this.statements.entityWithRelations.get({ ref: ref.toLowerCase() }) as (EntityRow & { relations: string }) | undefined;
    if (!row) return undefined;
    const entity = withStoredIdentity(row) as EntityWithRelations;
    entity.relations = sortedUniqueRelations(row.relations);
    return entity;
  }

  /** The entity without its relations: cheaper for a group that owns thousands of things. */
  entityEnvelope(ref: string): Entity | undefined {
    const row = this.statements.entity.get(ref.toLowerCase()) as EntityRow | undefined;
    if (!row) return undefined;
    return withStoredIdentity(row);
  }

  entities(options: { kind?: string } = {}): EntityWithRelations[] {
    const rows = (options.kind ? this.statements.allOfKind.all(options.kind) : this.statements.all.all()) as EntityRow[];
    return rows.map((row) => this.withRelations(row));
  }

  /** Entities of any kind and namespace with this name (case-insensitive), for resolving what people type. */
  entitiesNamed(name: string): EntitySummary[] {
    return (this.statements.named.all(name.toLowerCase()) as Array<EntitySummary & { title: string | null }>).map(({ title, ...rest }) =>
      title ? { ...rest, title } : rest,
    );
  }

  /** Targets of one relation type on an entity (e.g. `hasMember` on a group). */
  relatedRefs(ref: string, type: string): string[] {
    let statement = this.relatedStatements.get(type);
    if (!statement) {
      statement = this.client.prepare(relatedRefsSql(type));
      this.relatedStatements.set(type, statement);
    }
    return (statement.all({ ref: ref.toLowerCase() }) as { ref: string }[]).map((row) => row.ref);
  }

  /** What a group or user owns; with `includeChildGroups`, also what every group below it owns. */
  ownedBy(ownerRef: string, options: { includeChildGroups?: boolean } = {}): Array<EntitySummary & { ownerRef: string }> {
    const owners = options.includeChildGroups
      ? (this.statements.descendants.all({ ref: ownerRef.toLowerCase() }) as { ref: string }[]).map((row) => row.ref)
      : [ownerRef.toLowerCase()];
    return owners.flatMap((owner) =>
      (this.statements.ownedBy.all({ ref: owner }) as Array<EntitySummary & { title: string | null }>).map(({ title, ...rest }) => ({
        ...rest,
        ...(title ? { title } : {}),
        ownerRef: owner,
      })),
    );
  }

  dependencyWalk(ref: string, direction: DependencyDirection, depth: number): DependencyNode[] {
    return this.dependencies.walk(ref.toLowerCase(), direction, depth);
  }

  search(query: string, options?: SearchOptions): SearchResult {
    return this.searchIndex.search(query, options);
  }

  problems(filter: ProblemFilter = {}): StoredProblem[] {
    const refs = filter.entityRefs ? new Set(filter.entityRefs.map((ref) => ref.toLowerCase())) : undefined;
    return (this.statements.problems.all() as Array<StoredProblem & Record<string, unknown>>)
      .filter((p) => (!filter.severity || p.severity === filter.severity) && (!filter.sourceId || p.sourceId === filter.sourceId))
      .filter((p) => !refs || (p.entityRef !== null && refs.has(p.entityRef as string)))
      .map((p) => Object.fromEntries(Object.entries(p).filter(([, value]) => value !== null)) as unknown as StoredProblem);
  }

  /** Refs of User entities whose `spec.profile.email` is this address (case-insensitive): how Slack people map to the catalog. */
  usersWithEmail(email: string): string[] {
    return (this.statements.usersWithEmail.all(email.trim()) as { ref: string }[]).map((row) => row.ref);
  }

  /**
   * Refs of entities (at most 20) whose annotation `key` equals `value`, ignoring case, or with
   * `prefix`, starts with it: how a shared repository URL finds its entity.
   */
  entitiesWithAnnotation(key: string, value: string, options: { prefix?: boolean } = {}): string[] {
    const path = `$.metadata.annotations."${key.replace(/"/g, '')}"`;
    const rows = options.prefix
      ? this.statements.annotationPrefix.all({ path, pattern: `${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%` })
      : this.statements.annotationEquals.all({ path, value });
    return (rows as { ref: string }[]).map((row) => row.ref);
  }

  lastSyncSummary(): unknown {
    const row = this.statements.lastPass.get() as { summary: string } | undefined;
    return row ? JSON.parse(row.summary) : undefined;
  }

  countsByKind(): Record<string, number> {
    return Object.fromEntries((this.statements.counts.all() as { kind: string; n: number }[]).map((row) => [row.kind, row.n]));
  }

  private withRelations(row: EntityRow): EntityWithRelations {
    const entity = withStoredIdentity(row) as EntityWithRelations;
    entity.relations = sortedUniqueRelations((this.statements.relations.get({ ref: row.ref }) as { relations: string }).relations);
    return entity;
  }
}
