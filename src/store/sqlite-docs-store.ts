import type Database from 'better-sqlite3';
import type { DocsWarning } from '../core/docs/docs-site.ts';
import type { DocsProblem, DocsStore, DocumentedEntityRow, FailureWrite, SiteWrite, StoredDocsState } from '../docs/docs-store.ts';
import { docsSiteToken } from './docs-search-site.ts';
import type { WriteQueue } from './write-queue.ts';

export interface SqliteDocsStoreOptions {
  /** The process's one writer queue and its connection; reads use `reader`. */
  queue: WriteQueue;
  writer: Database.Database;
  reader: Database.Database;
}

interface EntityRow {
  ref: string;
  name: string;
  annotations: string;
  sourceId: string;
  path: string;
  version: string | null;
}

interface StateRow {
  entityRef: string;
  contentKey: string | null;
  failedKey: string | null;
  builtAt: number | null;
  warningsJson: string;
  lastError: string | null;
}

/** Only entities with a docs annotation; json_extract is cheap next to a docs build, and this runs once a pass. */
const DOCUMENTED_SQL = `SELECT e.ref AS ref, e.name AS name, json_extract(e.body, '$.metadata.annotations') AS annotations,
    e.source_id AS sourceId, f.path AS path, s.version AS version
  FROM entities e JOIN files f ON f.id = e.file_id LEFT JOIN sources s ON s.id = e.source_id
  WHERE json_extract(e.body, '$.metadata.annotations."backstage.io/techdocs-ref"') IS NOT NULL
     OR json_extract(e.body, '$.metadata.annotations."backstage.io/techdocs-entity"') IS NOT NULL
  ORDER BY e.ref`;

/** The stored source version carries `#<settings fingerprint>` after the content version. */
const contentVersion = (version: string | null): string | undefined => {
  if (!version) return undefined;
  const cut = version.lastIndexOf('#');
  return (cut < 0 ? version : version.slice(0, cut)) || undefined;
};

const prepareWrites = (writer: Database.Database) => ({
  upsertSite: writer.prepare(
    `INSERT INTO docs_sites (entity_ref, content_key, failed_key, site_name, nav_json, repo_url, "commit", page_count, built_at, changed_at, warnings_json, last_error)
     VALUES (@entityRef, @key, NULL, @siteName, @navJson, @repoUrl, @commit, @pageCount, @at, @at, @warningsJson, NULL)
     ON CONFLICT (entity_ref) DO UPDATE SET content_key = excluded.content_key, failed_key = NULL, site_name = excluded.site_name,
       nav_json = excluded.nav_json, repo_url = excluded.repo_url, "commit" = excluded."commit", page_count = excluded.page_count,
       built_at = excluded.built_at, changed_at = CASE WHEN @contentChanged OR docs_sites.changed_at IS NULL THEN excluded.changed_at ELSE docs_sites.changed_at END,
       warnings_json = excluded.warnings_json, last_error = NULL`,
  ),
  failSite: writer.prepare<{ entityRef: string; key: string | null; error: string }>(
    `INSERT INTO docs_sites (entity_ref, content_key, failed_key, site_name, nav_json, page_count, warnings_json, last_error)
     VALUES (@entityRef, NULL, @key, '', '[]', 0, '[]', @error)
     ON CONFLICT (entity_ref) DO UPDATE SET failed_key = excluded.failed_key, last_error = excluded.last_error`,
  ),
  clearFailure: writer.prepare<[string]>('UPDATE docs_sites SET failed_key = NULL, last_error = NULL WHERE entity_ref = ?'),
  deletePages: writer.prepare<[string]>('DELETE FROM docs_pages WHERE entity_ref = ?'),
  deleteAssets: writer.prepare<[string]>('DELETE FROM docs_assets WHERE entity_ref = ?'),
  deleteSections: writer.prepare<[string]>('DELETE FROM docs_sections WHERE entity_ref = ?'),
  // docs_search is contentless and filled per site in one statement (a trigger per row cost three times as much):
  // entries leave it with the values they were indexed with, read back from docs_sections before those rows go.
  indexSections: writer.prepare<[string]>(
    `INSERT INTO docs_search (rowid, page_title, heading, text, site)
     SELECT id, page_title, heading, text, ${docsSiteToken('entity_ref')} FROM docs_sections WHERE entity_ref = ?`,
  ),
  unindexSections: writer.prepare<[string]>(
    `INSERT INTO docs_search (docs_search, rowid, page_title, heading, text, site)
     SELECT 'delete', id, page_title, heading, text, ${docsSiteToken('entity_ref')} FROM docs_sections WHERE entity_ref = ?`,
  ),
  deleteSite: writer.prepare<[string]>('DELETE FROM docs_sites WHERE entity_ref = ?'),
  deleteProblems: writer.prepare<[string]>('DELETE FROM docs_problems WHERE entity_ref = ?'),
  insertPage: writer.prepare<[string, string, string, string, string, string, string | null]>(
    'INSERT INTO docs_pages (entity_ref, path, source_path, title, html, toc_json, edit_url) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ),
  insertAsset: writer.prepare<[string, string, string, Buffer]>('INSERT INTO docs_assets (entity_ref, path, content_type, data) VALUES (?, ?, ?, ?)'),
  insertSection: writer.prepare<[string, string, string, string, string, string]>(
    'INSERT INTO docs_sections (entity_ref, page_path, page_title, anchor, heading, text) VALUES (?, ?, ?, ?, ?, ?)',
  ),
  insertProblem: writer.prepare<[string, string, string | null, number | null, string, string]>(
    'INSERT INTO docs_problems (entity_ref, source_id, file, line, severity, message) VALUES (?, ?, ?, ?, ?, ?)',
  ),
  clearBorrowers: writer.prepare('DELETE FROM docs_borrowers'),
  insertBorrower: writer.prepare<[string, string]>('INSERT INTO docs_borrowers (entity_ref, lender_ref) VALUES (?, ?)'),
});

/** The docs tables, written through the one write queue: each write below is one transaction. */
export class SqliteDocsStore implements DocsStore {
  private readonly reads;
  private readonly writes;

  constructor(private readonly options: SqliteDocsStoreOptions) {
    const { reader, writer } = options;
    this.reads = {
      documented: reader.prepare<[], EntityRow>(DOCUMENTED_SQL),
      versions: reader.prepare<[], { id: string; version: string | null }>('SELECT id, version FROM sources'),
      prefixes: reader.prepare<[], { sourceId: string; path: string; displayPath: string }>(
        'SELECT source_id AS sourceId, path, display_path AS displayPath FROM files WHERE id IN (SELECT min(id) FROM files GROUP BY source_id)',
      ),
      states: reader.prepare<[], StateRow>(
        `SELECT entity_ref AS entityRef, content_key AS contentKey, failed_key AS failedKey, built_at AS builtAt, warnings_json AS warningsJson,
           last_error AS lastError FROM docs_sites`,
      ),
      problemRefs: reader.prepare<[], { entityRef: string }>('SELECT DISTINCT entity_ref AS entityRef FROM docs_problems'),
    };
    this.writes = prepareWrites(writer);
  }

  documentedEntities(): DocumentedEntityRow[] {
    return this.reads.documented.all().map((row) => {
      const annotations = JSON.parse(row.annotations ?? '{}') as Record<string, unknown>;
      const strings = Object.fromEntries(Object.entries(annotations).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
      const version = contentVersion(row.version);
      return { ref: row.ref, name: row.name, annotations: strings, sourceId: row.sourceId, path: row.path, ...(version ? { version } : {}) };
    });
  }

  sourceVersions(): Map<string, string> {
    return new Map(this.reads.versions.all().flatMap((row) => (contentVersion(row.version) ? [[row.id, contentVersion(row.version)!] as const] : [])));
  }

  displayPrefixes(): Map<string, string> {
    return new Map(
      this.reads.prefixes
        .all()
        .flatMap((row) => (row.displayPath.endsWith(row.path) ? [[row.sourceId, row.displayPath.slice(0, -row.path.length)] as const] : [])),
    );
  }

  states(): Map<string, StoredDocsState> {
    const states = new Map<string, StoredDocsState>();
    for (const row of this.reads.states.all()) {
      states.set(row.entityRef, {
        entityRef: row.entityRef,
        ...(row.contentKey ? { contentKey: row.contentKey } : {}),
        ...(row.failedKey ? { failedKey: row.failedKey } : {}),
        built: row.builtAt !== null,
        warnings: JSON.parse(row.warningsJson) as DocsWarning[],
        ...(row.lastError ? { lastError: row.lastError } : {}),
      });
    }
    // Entities with problems and no site (a docs ref that leads nowhere) are known too, so they can be forgotten.
    for (const { entityRef } of this.reads.problemRefs.all()) {
      if (!states.has(entityRef)) states.set(entityRef, { entityRef, built: false, warnings: [] });
    }
    return states;
  }

  async replaceSite(write: SiteWrite): Promise<void> {
    const { entityRef, site } = write;
    const w = this.writes;
    await this.options.queue.transaction(`docs of ${entityRef}`, () => {
      w.deletePages.run(entityRef);
      w.deleteAssets.run(entityRef);
      w.unindexSections.run(entityRef);
      w.deleteSections.run(entityRef);
      for (const page of site.pages) {
        w.insertPage.run(entityRef, page.path, page.sourcePath, page.title, page.html, JSON.stringify(page.toc), page.editUrl ?? null);
        for (const section of page.sections) w.insertSection.run(entityRef, page.path, page.title, section.anchor, section.heading, section.text);
      }
      w.indexSections.run(entityRef);
      for (const asset of site.assets) w.insertAsset.run(entityRef, asset.path, asset.contentType, Buffer.from(asset.data));
      w.upsertSite.run({
        entityRef,
        key: write.key,
        siteName: site.siteName,
        navJson: JSON.stringify(site.nav),
        repoUrl: site.repoUrl ?? null,
        commit: write.commit ?? null,
        pageCount: site.pages.length,
        at: write.at.getTime(),
        contentChanged: write.contentChanged ? 1 : 0,
        warningsJson: JSON.stringify(site.warnings),
      });
      this.writeProblems(entityRef, write.problems);
    });
  }

  async recordFailure(write: FailureWrite): Promise<void> {
    await this.options.queue.transaction(`docs failure of ${write.entityRef}`, () => {
      this.writes.failSite.run({ entityRef: write.entityRef, key: write.key ?? null, error: write.error });
      this.writeProblems(write.entityRef, write.problems);
    });
  }

  async clearFailure(entityRef: string, problems: readonly DocsProblem[]): Promise<void> {
    await this.options.queue.transaction(`docs of ${entityRef}`, () => {
      this.writes.clearFailure.run(entityRef);
      this.writeProblems(entityRef, problems);
    });
  }

  async replaceProblems(entityRef: string, problems: readonly DocsProblem[]): Promise<void> {
    await this.options.queue.transaction(`docs problems of ${entityRef}`, () => this.writeProblems(entityRef, problems));
  }

  async replaceBorrowers(borrowers: ReadonlyMap<string, string>): Promise<void> {
    await this.options.queue.transaction('docs borrowers', () => {
      this.writes.clearBorrowers.run();
      for (const [borrower, lender] of borrowers) this.writes.insertBorrower.run(borrower, lender);
    });
  }

  async forget(entityRefs: readonly string[]): Promise<void> {
    if (entityRefs.length === 0) return;
    const w = this.writes;
    await this.options.queue.transaction('docs of removed entities', () => {
      for (const ref of entityRefs) {
        for (const statement of [w.deletePages, w.deleteAssets, w.unindexSections, w.deleteSections, w.deleteSite, w.deleteProblems]) statement.run(ref);
      }
    });
  }

  private writeProblems(entityRef: string, problems: readonly DocsProblem[]): void {
    this.writes.deleteProblems.run(entityRef);
    for (const problem of problems) {
      this.writes.insertProblem.run(entityRef, problem.sourceId, problem.file ?? null, problem.line ?? null, problem.severity, problem.message);
    }
  }
}
