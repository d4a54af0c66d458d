import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** One configured catalog source and what the last pass saw of it. */
export const sources = sqliteTable('sources', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  /** Content version of the last successful read (commit sha, digest of hashes or ETags). */
  version: text('version'),
  /** Adapter state carried between passes, e.g. ETags (JSON). */
  state: text('state'),
  lastAttemptAt: integer('last_attempt_at'),
  lastSuccessAt: integer('last_success_at'),
});

/** A catalog file read from a source, with the Location targets it named. */
export const files = sqliteTable(
  'files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    path: text('path').notNull(),
    displayPath: text('display_path').notNull(),
    /** Content fingerprint; NULL forces a re-read on the next pass. */
    hash: text('hash'),
    /** `ok`, or `retry` when the file waits on something that may change by itself (a conflict, an unreachable URL). */
    status: text('status').notNull().default('ok'),
    /** JSON array of the Location targets this file names (path, presence, position), followed on every pass. */
    targets: text('targets').notNull().default('[]'),
    /** JSON array of { path, hash } of files pulled in by `$text`/`$json`/`$yaml`: a change there re-reads this file. */
    placeholderDeps: text('placeholder_deps').notNull().default('[]'),
  },
  // (source_id, status) lets an unchanged pass ask "anything waiting for a retry?" without scanning every file.
  (table) => [uniqueIndex('files_source_path').on(table.sourceId, table.path), index('files_source_status').on(table.sourceId, table.status)],
);

/** The visible catalog: one row per entity, its Backstage envelope in `body`. */
export const entities = sqliteTable(
  'entities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Canonical lowercase `kind:namespace/name`. */
    ref: text('ref').notNull(),
    kind: text('kind').notNull(),
    /** Lowercase, for case-insensitive lookups by name. */
    namespace: text('namespace').notNull(),
    name: text('name').notNull(),
    sourceId: text('source_id').notNull(),
    fileId: integer('file_id')
      .notNull()
      .references(() => files.id),
    uid: text('uid').notNull(),
    etag: text('etag').notNull(),
    body: text('body').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** Where the entity's document starts in its file, for problems about the entity as a whole (dangling refs). */
    line: integer('line'),
    column: integer('column'),
  },
  (table) => [
    uniqueIndex('entities_ref').on(table.ref),
    index('entities_file').on(table.fileId),
    // Kinds are asked for in any case (`entities({ kind: 'template' })`); a BINARY index cannot serve COLLATE NOCASE.
    index('entities_kind').on(sql`${table.kind} COLLATE NOCASE`),
    index('entities_name').on(table.name),
  ],
);

/**
 * One row per relation edge, as declared in the spec of `source_ref`'s entity (the emitter). The
 * inverse side (ownerOf, hasPart, ...) is derived when reading, via core/graph/relation-pairs.ts, so an
 * entity's own rows are exactly those with its ref as `source_ref`.
 */
export const relations = sqliteTable(
  'relations',
  {
    sourceRef: text('source_ref').notNull(),
    type: text('type').notNull(),
    targetRef: text('target_ref').notNull(),
  },
  // The edge is the primary key of a WITHOUT ROWID table (added by hand to the migration: drizzle-kit cannot
  // say it), so each relation costs two b-tree entries, not three.
  (table) => [primaryKey({ columns: [table.sourceRef, table.type, table.targetRef] }), index('relations_target').on(table.targetRef, table.type)],
);

/** Everything wrong with the catalog input, as of the last pass. */
export const problems = sqliteTable(
  'problems',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceId: text('source_id').notNull(),
    fileId: integer('file_id').references(() => files.id, { onDelete: 'cascade' }),
    file: text('file'),
    line: integer('line'),
    column: integer('column'),
    entityRef: text('entity_ref'),
    severity: text('severity').notNull(),
    message: text('message').notNull(),
    /** `file` (parse/validation), `conflict`, `source` (unreachable), `target` (a Location target that is missing), `dangling` (a ref to no entity). */
    origin: text('origin').notNull(),
  },
  (table) => [index('problems_file').on(table.fileId), index('problems_entity').on(table.entityRef), index('problems_source').on(table.sourceId)],
);

/** One row per sync pass, for `callboard sync` history and "last synced" answers. */
export const syncPasses = sqliteTable('sync_passes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  startedAt: integer('started_at').notNull(),
  finishedAt: integer('finished_at').notNull(),
  summary: text('summary').notNull(),
});

/**
 * The job ledger: one row per run of a scheduled job for one slot (the scheduled time, ISO UTC), or per key
 * a caller wants handled once (a webhook delivery id). The row is claimed before the work starts, so the
 * primary key makes a slot run once across restarts and across processes sharing the file.
 */
export const jobRuns = sqliteTable(
  'job_runs',
  {
    job: text('job').notNull(),
    slot: text('slot').notNull(),
    /** Which process claimed it (`host:pid`), to tell runs apart when two processes share the database. */
    claimedBy: text('claimed_by').notNull(),
    startedAt: integer('started_at').notNull(),
    /** NULL while the run is going on, or when its process stopped before it ended. */
    finishedAt: integer('finished_at'),
    /** `ok` or `failed`; NULL until the run ends. */
    outcome: text('outcome'),
    message: text('message'),
    /** Scheduled posts: the channel and `ts` of the message posted for this slot, once Slack confirmed it. */
    postChannel: text('post_channel'),
    postTs: text('post_ts'),
  },
  (table) => [primaryKey({ columns: [table.job, table.slot] })],
);

/**
 * Scheduled posts a channel subscribed to from Slack (`/callboard subscribe health payments-team`): each is a
 * schedule like those in `schedules:`, with its type's default cron read in the subscriber's time zone.
 */
export const scheduleSubscriptions = sqliteTable(
  'schedule_subscriptions',
  {
    id: text('id').primaryKey(),
    /** The post type (`catalog-health`, …). */
    post: text('post').notNull(),
    /** Canonical group ref, or NULL for the whole catalog. */
    team: text('team'),
    channel: text('channel').notNull(),
    cron: text('cron').notNull(),
    timezone: text('timezone').notNull(),
    /** `HH:MM-HH:MM` local to `timezone`, or NULL. */
    quiet: text('quiet'),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [index('schedule_subscriptions_channel').on(table.channel)],
);

/**
 * The keys people find an entity under besides its exact name (core/resolve/entity-lookup-keys.ts): normalised
 * names, titles and aliases, and the URLs of its repository, catalog file and docs. Written and deleted with
 * the entity's rows in the same transaction, so resolving what someone typed is an index lookup per key.
 */
export const lookupKeys = sqliteTable(
  'lookup_keys',
  {
    key: text('key').notNull(),
    entityId: integer('entity_id').notNull(),
    /** `name`, `title`, `alias`, `repo` or `link`. */
    source: text('source').notNull(),
  },
  // The key is the primary key of a WITHOUT ROWID table (added by hand to the migration, as for relations).
  (table) => [primaryKey({ columns: [table.key, table.entityId] }), index('lookup_keys_entity').on(table.entityId)],
);

/**
 * Scaffolder runs: one row per run of a template, with its steps' results in `state` (JSON). Values are stored
 * with every secret removed (password widgets, `ui:field: Secret`); secrets live only in the running process.
 * `request_key` makes a double submit (the same modal submitted twice, a Slack retry) start one run.
 */
export const scaffolderRuns = sqliteTable(
  'scaffolder_runs',
  {
    id: text('id').primaryKey(),
    requestKey: text('request_key'),
    templateRef: text('template_ref').notNull(),
    /** The template entity's etag when the run started: which version of the template ran. */
    templateEtag: text('template_etag'),
    /** Who asked: a catalog User ref when one matches, else `slack:<user id>` or `cli:<os user>`. */
    createdBy: text('created_by').notNull(),
    /** `awaiting-approval`, `denied`, `running`, `succeeded` or `failed`. */
    status: text('status').notNull(),
    valuesJson: text('values_json').notNull(),
    stateJson: text('state_json').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    finishedAt: integer('finished_at'),
  },
  (table) => [uniqueIndex('scaffolder_runs_request_key').on(table.requestKey), index('scaffolder_runs_created').on(table.createdAt)],
);

/**
 * Catalog sources added at run time (`callboard register`, `/callboard register`, the `catalog:register` action),
 * kept across restarts and synced after the configured ones. `config_json` has the shape of a `catalog.sources`
 * entry in callboard.yaml, so both are built the same way.
 */
export const registeredSources = sqliteTable('registered_sources', {
  id: text('id').primaryKey(),
  /** The URL as the person or the template gave it, for listings. */
  url: text('url').notNull(),
  configJson: text('config_json').notNull(),
  registeredBy: text('registered_by').notNull(),
  registeredAt: integer('registered_at').notNull(),
});

/**
 * The current result of each entity on each scorecard (`ScorecardResult` as JSON, with the last known results of
 * unknown rules), so an outage keeps what was known and `/scorecard` answers without evaluating anything.
 */
export const scorecardResults = sqliteTable(
  'scorecard_results',
  {
    /** Canonical ref of the Scorecard entity. */
    scorecard: text('scorecard').notNull(),
    entityRef: text('entity_ref').notNull(),
    /** NULL: below the lowest level. */
    level: text('level'),
    passed: integer('passed').notNull(),
    total: integer('total').notNull(),
    resultJson: text('result_json').notNull(),
    evaluatedAt: integer('evaluated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.scorecard, table.entityRef] }), index('scorecard_results_entity').on(table.entityRef)],
);

/** A row per (scorecard, entity) change only (diffResults): level moves and rule state changes, outages included. */
export const scorecardHistory = sqliteTable(
  'scorecard_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    scorecard: text('scorecard').notNull(),
    entityRef: text('entity_ref').notNull(),
    at: integer('at').notNull(),
    /** `added`, `removed` or `changed`. */
    status: text('status').notNull(),
    fromLevel: text('from_level'),
    toLevel: text('to_level'),
    /** `up`, `down` or NULL. */
    move: text('move'),
    /** The rule changes and the causes of a move (JSON). */
    changeJson: text('change_json').notNull(),
  },
  (table) => [index('scorecard_history_pair').on(table.scorecard, table.entityRef, table.at), index('scorecard_history_at').on(table.at)],
);

/**
 * What each entity looked like when it was last scored (its etag, its source's version, the scorecards' etags), so
 * the run after a sync pass scores only the entities that changed, and all of them when a scorecard changed.
 */
export const scorecardStamps = sqliteTable('scorecard_stamps', {
  entityRef: text('entity_ref').primaryKey(),
  stamp: text('stamp').notNull(),
});

/** The version of each source the stored scores read files at: a new commit re-scores only what it touched. */
export const scorecardSourceVersions = sqliteTable('scorecard_source_versions', {
  sourceId: text('source_id').primaryKey(),
  version: text('version').notNull(),
});

/**
 * One row per documented entity: its last good TechDocs build (what is served) and how its latest build went. A
 * row whose `built_at` is NULL has never built well: it only carries the failure. `content_key` is what the last
 * good build was made from (a git tree id or a digest of a folder, plus the build settings): an unchanged key is
 * never built again, and neither is `failed_key`, the content the latest failed build was tried on.
 */
export const docsSites = sqliteTable('docs_sites', {
  entityRef: text('entity_ref').primaryKey(),
  contentKey: text('content_key'),
  failedKey: text('failed_key'),
  siteName: text('site_name').notNull(),
  navJson: text('nav_json').notNull(),
  repoUrl: text('repo_url'),
  commit: text('commit'),
  pageCount: integer('page_count').notNull(),
  builtAt: integer('built_at'),
  changedAt: integer('changed_at'),
  /** DocsWarning[] of the last good build (JSON). */
  warningsJson: text('warnings_json').notNull(),
  lastError: text('last_error'),
});

/** `backstage.io/techdocs-entity`: the borrower's docs are the lender's site, served under the borrower's ref too. */
export const docsBorrowers = sqliteTable('docs_borrowers', {
  entityRef: text('entity_ref').primaryKey(),
  lenderRef: text('lender_ref').notNull(),
});

/** The pages of each site's last good build, rendered and sanitized. */
export const docsPages = sqliteTable(
  'docs_pages',
  {
    entityRef: text('entity_ref').notNull(),
    /** '' or ending in '/', as served below the site root. */
    path: text('path').notNull(),
    sourcePath: text('source_path').notNull(),
    title: text('title').notNull(),
    html: text('html').notNull(),
    tocJson: text('toc_json').notNull(),
    editUrl: text('edit_url'),
  },
  (table) => [primaryKey({ columns: [table.entityRef, table.path] })],
);

/** Images and other files the pages refer to, served as is. */
export const docsAssets = sqliteTable(
  'docs_assets',
  {
    entityRef: text('entity_ref').notNull(),
    path: text('path').notNull(),
    contentType: text('content_type').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.entityRef, table.path] })],
);

/**
 * A search document per page section (the text under one heading). `docs_search` (FTS5, contentless, migration 0012)
 * indexes it by `id`; SqliteDocsStore fills and empties that index per site, so only it writes these rows.
 */
export const docsSections = sqliteTable(
  'docs_sections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityRef: text('entity_ref').notNull(),
    pagePath: text('page_path').notNull(),
    pageTitle: text('page_title').notNull(),
    anchor: text('anchor').notNull(),
    heading: text('heading').notNull(),
    text: text('text').notNull(),
  },
  (table) => [index('docs_sections_page').on(table.entityRef, table.pagePath)],
);

/** Problems of documented entities (docs ref, failed build, warnings), listed with the catalog's own problems. */
export const docsProblems = sqliteTable(
  'docs_problems',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityRef: text('entity_ref').notNull(),
    sourceId: text('source_id').notNull(),
    file: text('file'),
    line: integer('line'),
    severity: text('severity').notNull(),
    message: text('message').notNull(),
  },
  (table) => [index('docs_problems_entity').on(table.entityRef)],
);

/**
 * Docs sign-in sessions signed out before they expired (`/auth/sign-out`): the signed cookie alone would stay valid
 * until its expiry, so every docs request looks its session id up here. A row is useless once `expires_at` (the
 * session's own expiry, epoch milliseconds) has passed, and is pruned then.
 */
export const revokedSessions = sqliteTable(
  'revoked_sessions',
  {
    sessionId: text('session_id').primaryKey(),
    expiresAt: integer('expires_at').notNull(),
  },
  (table) => [index('revoked_sessions_expires').on(table.expiresAt)],
);
