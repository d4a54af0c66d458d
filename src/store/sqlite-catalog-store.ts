import type Database from 'better-sqlite3';
import type { Entity, EntityWithRelations } from '../core/catalog/entity.ts';
import type {
  EntitySummary,
  OwnedEntitySummary,
  ProblemFilter,
  SearchOptions,
  SearchResult,
  StoredProblem,
  SyncPassTimes,
} from '../core/catalog-reader/catalog-queries.ts';
import type { DependencyDirection, DependencyWalk } from '../core/graph/dependency-edges.ts';
import type { CatalogReader, EntityOrigin, SourceStatusReader, StoredSourceStatus } from '../core/ports.ts';
import type { LookupMatch } from '../core/resolve/lookup-key.ts';
import { DependencyQueries } from './dependency-queries.ts';
import { LookupKeyQueries } from './lookup-keys.ts';
import {
  entitiesRelationRowsSql,
  entityRelationPairsJsonSql,
  neighbourSql,
  relatedRefsSql,
  sortedUniqueRelationPairs,
  sortedUniqueRelations,
} from './relation-sql.ts';
import type { CatalogDatabase } from './open-database.ts';
import { SearchIndex } from './search-index.ts';
import { parseStoredEntity, toStoredProblem, type ProblemRow } from './stored-rows.ts';

interface EntityRow {
  ref: string;
  uid: string;
  etag: string;
  body: string;
}

interface SummaryRow {
  ref: string;
  kind: string;
  name: string;
  title: unknown;
}

interface RefRow {
  ref: string;
}

type RefParams = { ref: string };

/**
 * The stored envelope with the uid and etag the catalog assigned (Backstage puts them in metadata). Sets
 * them on the freshly parsed object rather than spreading copies: this runs on every lookup, and the
 * copies cost young-generation pauses in the latency tail.
 */
const withStoredIdentity = (row: EntityRow): Entity => {
  const entity = parseStoredEntity(row.body, row.ref);
  entity.metadata.uid = row.uid;
  entity.metadata.etag = row.etag;
  return entity;
};

/** Adds the relations to the parsed envelope in place, for the same reason as {@link withStoredIdentity}. */
const withRelations = (entity: Entity, relationsJson: string): EntityWithRelations =>
  Object.assign(entity, { relations: sortedUniqueRelations(relationsJson) });

/** A title is shown only when it is a non-empty text (json_extract returns whatever the body holds). */
const toSummary = (row: SummaryRow): EntitySummary => {
  const summary: EntitySummary = { ref: row.ref, kind: row.kind, name: row.name };
  if (typeof row.title === 'string' && row.title !== '') summary.title = row.title;
  return summary;
};

const refOf = (row: RefRow): string => row.ref;

/** Refs read by one statement in entitiesByRef: a JSON parameter has no count limit, this bounds one read's memory. */
const ENTITIES_PER_READ = 500;

const summarySql = "SELECT ref, kind, name, json_extract(body, '$.metadata.title') AS title FROM entities";

const prepareStatements = (client: Database.Database) => ({
  entity: client.prepare<[string], EntityRow>('SELECT ref, uid, etag, body FROM entities WHERE ref = ?'),
  // The row and its relations (as one JSON array) in one statement: half the calls of a lookup by ref.
  entityWithRelations: client.prepare<RefParams, EntityRow & { relations: string }>(
    `SELECT ref, uid, etag, body, (${entityRelationPairsJsonSql}) AS relations FROM entities WHERE ref = @ref`,
  ),
  relations: client.prepare<RefParams, { relations: string }>(`SELECT (${entityRelationPairsJsonSql}) AS relations`),
  // Many refs bound as one JSON array: one prepared statement for any number of them.
  entitiesByRef: client.prepare<{ refs: string }, EntityRow>('SELECT ref, uid, etag, body FROM entities WHERE ref IN (SELECT value FROM json_each(@refs))'),
  relationsByRef: client.prepare<{ refs: string }, { ref: string; type: string; targetRef: string }>(entitiesRelationRowsSql),
  all: client.prepare<[], EntityRow>('SELECT ref, uid, etag, body FROM entities ORDER BY ref'),
  allOfKind: client.prepare<[string], EntityRow>('SELECT ref, uid, etag, body FROM entities WHERE kind = ? COLLATE NOCASE ORDER BY ref'),
  named: client.prepare<[string], SummaryRow>(`${summarySql} WHERE name = ? ORDER BY ref`),
  ownedBy: client.prepare<RefParams, SummaryRow>(
    `SELECT e.ref, e.kind, e.name, json_extract(e.body, '$.metadata.title') AS title
     FROM (${relatedRefsSql('ownerOf')}) owned JOIN entities e ON e.ref = owned.ref ORDER BY e.ref`,
  ),
  descendants: client.prepare<RefParams, RefRow>(
    `WITH RECURSIVE tree(ref, one) AS (SELECT @ref, 1 UNION ${neighbourSql(['parentOf'], 'tree t', 't.ref', '1')})
     SELECT ref FROM tree`,
  ),
  // Docs builds (src/docs/) keep their problems apart, listed here as origin `docs` after the catalog's own.
  problems: client.prepare<[], ProblemRow>(
    `SELECT sourceId, file, line, "column", entityRef, severity, message, origin FROM (
       SELECT source_id AS sourceId, file, line, "column", entity_ref AS entityRef, severity, message, origin, 0 AS part, id FROM problems
       UNION ALL
       SELECT source_id, file, line, NULL, entity_ref, severity, message, 'docs', 1, id FROM docs_problems
     ) ORDER BY file, line, "column", part, id`,
  ),
  lastPass: client.prepare<[], { startedAt: number; finishedAt: number }>(
    'SELECT started_at AS startedAt, finished_at AS finishedAt FROM sync_passes ORDER BY id DESC LIMIT 1',
  ),
  passCount: client.prepare<[], { n: number }>('SELECT coalesce(max(id), 0) AS n FROM sync_passes'),
  sourceStatuses: client.prepare<[], SourceStatusRow>(
    'SELECT id, type, version, last_attempt_at AS lastAttemptAt, last_success_at AS lastSuccessAt FROM sources ORDER BY id',
  ),
  counts: client.prepare<[], { kind: string; n: number }>('SELECT kind, count(*) AS n FROM entities GROUP BY kind ORDER BY kind'),
  // The sources row holds the content version, then '#' and a settings fingerprint when the source has settings.
  origin: client.prepare<[string], { sourceId: string; path: string; version: string | null; updatedAt: number }>(
    `SELECT e.source_id AS sourceId, f.path AS path, s.version AS version, e.updated_at AS updatedAt
     FROM entities e JOIN files f ON f.id = e.file_id LEFT JOIN sources s ON s.id = e.source_id WHERE e.ref = ?`,
  ),
  usersWithEmail: client.prepare<[string], RefRow>(
    "SELECT ref FROM entities WHERE kind = 'User' COLLATE NOCASE AND lower(json_extract(body, '$.spec.profile.email')) = lower(?) ORDER BY ref",
  ),
});

/**
 * Read side of the catalog: named queries that return domain types, never rows. Uses its own
 * connection, so a sync pass in progress on the writer connection is invisible until it commits.
 */
interface SourceStatusRow {
  id: string;
  type: string;
  version: string | null;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
}

const toSourceStatus = (row: SourceStatusRow): StoredSourceStatus => ({
  id: row.id,
  type: row.type,
  ...(row.version !== null ? { version: row.version } : {}),
  ...(row.lastAttemptAt !== null ? { lastAttemptAt: new Date(row.lastAttemptAt).toISOString() } : {}),
  ...(row.lastSuccessAt !== null ? { lastSuccessAt: new Date(row.lastSuccessAt).toISOString() } : {}),
});

export class SqliteCatalogStore implements CatalogReader, SourceStatusReader {
  private readonly client: Database.Database;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly dependencies: DependencyQueries;
  private readonly searchIndex: SearchIndex;
  private readonly lookupKeys: LookupKeyQueries;
  private readonly relatedStatements = new Map<string, Database.Statement<RefParams, RefRow>>();

  constructor(db: CatalogDatabase) {
    this.client = db.$client;
    this.statements = prepareStatements(this.client);
    this.dependencies = new DependencyQueries(this.client);
    this.searchIndex = new SearchIndex(this.client, () => this.statements.passCount.get()?.n ?? 0);
    this.lookupKeys = new LookupKeyQueries(this.client);
  }

  entity(ref: string): EntityWithRelations | undefined {
    const row = this.statements.entityWithRelations.get({ ref: ref.toLowerCase() });
    return row ? withRelations(withStoredIdentity(row), row.relations) : undefined;
  }

  entitiesByRef(refs: readonly string[]): Map<string, EntityWithRelations> {
    const found = new Map<string, EntityWithRelations>();
    for (let start = 0; start < refs.length; start += ENTITIES_PER_READ) {
      const params = { refs: JSON.stringify(refs.slice(start, start + ENTITIES_PER_READ).map((ref) => ref.toLowerCase())) };
      const pairs = new Map<string, Array<[string, string]>>();
      for (const row of this.statements.relationsByRef.iterate(params)) {
        const ofRef = pairs.get(row.ref);
        if (ofRef) ofRef.push([row.type, row.targetRef]);
        else pairs.set(row.ref, [[row.type, row.targetRef]]);
      }
      for (const row of this.statements.entitiesByRef.iterate(params)) {
        found.set(row.ref, Object.assign(withStoredIdentity(row), { relations: sortedUniqueRelationPairs(pairs.get(row.ref) ?? []) }));
      }
    }
    return found;
  }

  entityEnvelope(ref: string): Entity | undefined {
    const row = this.statements.entity.get(ref.toLowerCase());
    return row ? withStoredIdentity(row) : undefined;
  }

  entities(options: { kind?: string } = {}): EntityWithRelations[] {
    const rows = options.kind ? this.statements.allOfKind.all(options.kind) : this.statements.all.all();
    return rows.map((row) => withRelations(withStoredIdentity(row), this.relationsJson(row.ref)));
  }

  entitiesNamed(name: string): EntitySummary[] {
    return this.statements.named.all(name.toLowerCase()).map(toSummary);
  }

  entitiesWithLookupKeys(keys: readonly string[]): LookupMatch[] {
    return this.lookupKeys.find(keys);
  }

  relatedRefs(ref: string, type: string): string[] {
    let statement = this.relatedStatements.get(type);
    if (!statement) {
      statement = this.client.prepare<RefParams, RefRow>(relatedRefsSql(type));
      this.relatedStatements.set(type, statement);
    }
    return statement.all({ ref: ref.toLowerCase() }).map(refOf);
  }

  ownedBy(ownerRef: string, options: { includeChildGroups?: boolean } = {}): OwnedEntitySummary[] {
    const owners = options.includeChildGroups ? this.statements.descendants.all({ ref: ownerRef.toLowerCase() }).map(refOf) : [ownerRef.toLowerCase()];
    return owners.flatMap((owner) => this.statements.ownedBy.all({ ref: owner }).map((row) => ({ ...toSummary(row), ownerRef: owner })));
  }

  dependencyWalk(ref: string, direction: DependencyDirection, options: { depth?: number; budget: number }): DependencyWalk {
    return this.dependencies.walk(ref.toLowerCase(), direction, options);
  }

  search(query: string, options?: SearchOptions): SearchResult {
    return this.searchIndex.search(query, options);
  }

  problems(filter: ProblemFilter = {}): StoredProblem[] {
    const refs = filter.entityRefs ? new Set(filter.entityRefs.map((ref) => ref.toLowerCase())) : undefined;
    return this.statements.problems
      .all()
      .filter((p) => (!filter.severity || p.severity === filter.severity) && (!filter.sourceId || p.sourceId === filter.sourceId))
      .filter((p) => !refs || (p.entityRef !== null && refs.has(p.entityRef)))
      .map(toStoredProblem);
  }

  usersWithEmail(email: string): string[] {
    return this.statements.usersWithEmail.all(email.trim()).map(refOf);
  }

  lastSyncPass(): SyncPassTimes | undefined {
    const row = this.statements.lastPass.get();
    return row ? { startedAt: new Date(row.startedAt).toISOString(), finishedAt: new Date(row.finishedAt).toISOString() } : undefined;
  }

  sourceStatuses(): StoredSourceStatus[] {
    return this.statements.sourceStatuses.all().map(toSourceStatus);
  }

  countsByKind(): Record<string, number> {
    return Object.fromEntries(this.statements.counts.all().map((row) => [row.kind, row.n]));
  }

  entityOrigin(ref: string): EntityOrigin | undefined {
    const row = this.statements.origin.get(ref.toLowerCase());
    if (!row) return undefined;
    const cut = row.version?.lastIndexOf('#') ?? -1;
    const version = cut < 0 ? row.version : row.version?.slice(0, cut);
    return { sourceId: row.sourceId, path: row.path, ...(version ? { version } : {}), changedAt: new Date(row.updatedAt).toISOString() };
  }

  private relationsJson(ref: string): string {
    return this.statements.relations.get({ ref })?.relations ?? '[]';
  }
}
