import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import pino from 'pino';
import type { Entity } from '../../../../src/core/catalog/entity.ts';
import type { StoredProblem } from '../../../../src/core/catalog-reader/catalog-queries.ts';
import { createTemplateEngine } from '../../../../src/core/scaffolder/expressions.ts';
import type { TemplateAction } from '../../../../src/scaffolder/actions/action.ts';
import { ActionRegistry } from '../../../../src/scaffolder/actions/action-registry.ts';
import type { RepoHost } from '../../../../src/scaffolder/repo-host.ts';
import { createScaffolder } from '../../../../src/scaffolder/run/create-scaffolder.ts';
import type { RunStore } from '../../../../src/scaffolder/run/run-store.ts';
import type { ScaffolderDeps } from '../../../../src/scaffolder/run/scaffolder-deps.ts';
import type { SourceRegistrar } from '../../../../src/scaffolder/source-registrar.ts';
import type { TemplateLocator } from '../../../../src/scaffolder/template-location.ts';
import { openDatabase } from '../../../../src/store/open-database.ts';
import { SqliteRunStore } from '../../../../src/store/sqlite-run-store.ts';
import { WriteQueue } from '../../../../src/store/write-queue.ts';
import { fakeCatalog, type FakeRelation } from './fake-catalog.ts';
import { testActions, type ActionJournal } from './test-actions.ts';

/** Ports a run must never reach in these tests: any call throws. */
const unreachable = <T extends object>(name: string): T =>
  new Proxy({} as T, {
    get: (_target, key) => {
      if (key === 'then' || typeof key === 'symbol') return undefined;
      if (key === 'kind') return 'none';
      throw new Error(`the test reached ${name}.${String(key)}`);
    },
  });

const locator = (templatesDir: string, released: string[]): TemplateLocator => ({
  open: async (ref) => ({
    templateDir: templatesDir,
    sourceRoot: templatesDir,
    resolve: async (url) => join(templatesDir, url),
    release: async () => void released.push(ref),
  }),
});

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

export interface HarnessOptions {
  entities: Entity[];
  relations?: FakeRelation[];
  /** Problems the catalog stored for entities (what a sync pass reported). */
  problems?: StoredProblem[];
  /** Another harness's database file: this one is the restarted process. */
  dbPath?: string;
  workspaceDir?: string;
  journal?: ActionJournal;
  keepFailedWorkspacesHours?: number;
  now?: () => Date;
  /** Instead of the test actions (the journal then stays empty). */
  actions?: TemplateAction[];
  repoHost?: RepoHost;
  registrar?: SourceRegistrar;
  /** The folder the template's relative `url` inputs resolve against. */
  templateDir?: string;
  /** Wraps the SQLite run store (a double that fails on purpose). */
  runStore?: (stored: RunStore) => RunStore;
  log?: ScaffolderDeps['log'];
}

const connections: Database.Database[] = [];
export const closeHarnesses = () => connections.splice(0).forEach((client) => client.close());

/** A scaffolder as main.ts builds it, with test actions, a fake catalog and a real SQLite file. */
export const scaffolderHarness = (options: HarnessOptions) => {
  const dbPath = options.dbPath ?? join(tempDir('callboard-runs-'), 'callboard.db');
  const writer = openDatabase(dbPath).$client;
  const reader = openDatabase(dbPath, { migrate: false }).$client;
  connections.push(writer, reader);
  const clock = { now: options.now ?? (() => new Date()) };
  const runStore = new SqliteRunStore({ queue: new WriteQueue(writer), writer, reader, clock });
  const journal: ActionJournal = options.journal ?? { calls: [], failing: new Set() };
  const released: string[] = [];
  let counter = 0;
  const workspaceDir = options.workspaceDir ?? tempDir('callboard-workspaces-');
  const scaffolder = createScaffolder({
    catalog: fakeCatalog(options.entities, options.relations ?? [], options.problems ?? []),
    actions: new ActionRegistry(options.actions ?? testActions(journal)),
    engine: createTemplateEngine(),
    locator: locator(options.templateDir ?? tempDir('callboard-templates-'), released),
    repoHost: options.repoHost ?? unreachable<RepoHost>('repoHost'),
    registrar: options.registrar ?? unreachable<SourceRegistrar>('registrar'),
    runStore: options.runStore ? options.runStore(runStore) : runStore,
    clock,
    newId: () => `run-${++counter}-${Math.random().toString(36).slice(2, 8)}`,
    workspaceDir,
    keepFailedWorkspacesHours: options.keepFailedWorkspacesHours ?? 24,
    log: options.log ?? pino({ level: 'silent' }),
  });
  return { scaffolder, journal, dbPath, runStore, workspaceDir, released };
};

export const alice = { userRef: 'user:default/alice', fallbackId: 'slack:UALICE', slackUserId: 'UALICE' };
export const bob = { userRef: 'user:default/bob', fallbackId: 'slack:UBOB', slackUserId: 'UBOB' };
export const stranger = { fallbackId: 'slack:USTRANGER', slackUserId: 'USTRANGER' };
