import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { openCatalogRuntime, type CatalogRuntime } from '../catalog-runtime.ts';
import type { Config } from '../config/load-config.ts';
import { createTemplateEngine } from '../core/scaffolder/expressions.ts';
import { ActionRegistry } from '../scaffolder/actions/action-registry.ts';
import { builtinActions } from '../scaffolder/actions/builtin-actions.ts';
import { createSourceRegistrar } from '../scaffolder/register/create-source-registrar.ts';
import { createRepoHost } from '../scaffolder/repo-hosts/create-repo-host.ts';
import { createScaffolder } from '../scaffolder/run/create-scaffolder.ts';
import type { Scaffolder } from '../scaffolder/scaffolder.ts';
import { createTemplateLocator } from '../scaffolder/template-locator.ts';
import { createSource } from '../sources/create-sources.ts';
import { loadCliConfig, type CliIo } from './cli-context.ts';

/** A scaffolder over the configured catalog, and how to let go of it. */
export interface ScaffolderRuntime {
  scaffolder: Scaffolder;
  close(): void;
}

/** How a scaffolder command opens one; tests pass their own. */
export type OpenScaffolder = (io: CliIo, configFile: string | undefined) => Promise<ScaffolderRuntime>;

const systemClock = { now: () => new Date() };

/** The scaffolder's parts over one catalog runtime: what main.ts builds too, so the CLI runs templates the same way. */
export const buildScaffolder = (config: Config, catalog: CatalogRuntime, log: pino.Logger): Scaffolder =>
  createScaffolder({
    catalog: catalog.store,
    actions: new ActionRegistry(builtinActions()),
    engine: createTemplateEngine(),
    locator: createTemplateLocator({ catalog: catalog.store, config, registeredSources: catalog.registeredSources }),
    repoHost: createRepoHost(config),
    registrar: createSourceRegistrar({
      store: catalog.registeredSources,
      sync: catalog.sync,
      createSource: (source) => createSource(source, config),
      clock: systemClock,
    }),
    runStore: catalog.runStore,
    clock: systemClock,
    newId: randomUUID,
    workspaceDir: config.scaffolder.workspaceDir,
    keepFailedWorkspacesHours: config.scaffolder.keepFailedWorkspacesHours,
    log,
  });

/**
 * Opens the configured catalog and a scaffolder over it for one CLI command. Templates are catalog entities, so a
 * database that was never synced is synced first (the golden paths in templates/ arrive with that pass).
 */
export const openScaffolderRuntime: OpenScaffolder = async (io, configFile) => {
  const config = loadCliConfig(io, configFile);
  const catalog = openCatalogRuntime(config);
  if (catalog.store.lastSyncPass() === undefined) {
    io.err('The catalog database is empty; running a first sync...');
    await catalog.sync.syncAll();
  }
  // Warnings and errors only, as lines on stderr: stdout stays the command's answer (and its JSON).
  const log = pino({ level: 'warn', base: undefined }, { write: (line: string) => io.err(line.trimEnd()) });
  return { scaffolder: buildScaffolder(config, catalog, log), close: () => catalog.close() };
};
