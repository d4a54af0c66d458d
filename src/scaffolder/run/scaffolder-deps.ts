import type { Logger } from 'pino';
import type { CatalogReader, Clock } from '../../core/ports.ts';
import type { TemplateEngine } from '../../core/scaffolder/template-engine.ts';
import type { ActionRegistry } from '../actions/action-registry.ts';
import type { RepoHost } from '../repo-host.ts';
import type { SourceRegistrar } from '../source-registrar.ts';
import type { TemplateLocator } from '../template-location.ts';
import type { RunStore } from './run-store.ts';

/** What the scaffolder is built from (main.ts and the CLI wire these). */
export interface ScaffolderDeps {
  catalog: CatalogReader;
  actions: ActionRegistry;
  engine: TemplateEngine;
  locator: TemplateLocator;
  repoHost: RepoHost;
  registrar: SourceRegistrar;
  runStore: RunStore;
  clock: Clock;
  /** A new run id (a UUID in production; tests pass a counter). */
  newId: () => string;
  /** Absolute folder under which each run gets `<runId>/` as its workspace. */
  workspaceDir: string;
  /** A failed run's workspace is kept this long for Retry, then removed. */
  keepFailedWorkspacesHours: number;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
}
