import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { CatalogRuntime } from './catalog-runtime.ts';
import type { Config } from './config/load-config.ts';
import { createTemplateEngine } from './core/scaffolder/expressions.ts';
import { ActionRegistry } from './scaffolder/actions/action-registry.ts';
import { builtinActions } from './scaffolder/actions/builtin-actions.ts';
import { createSourceRegistrar } from './scaffolder/register/create-source-registrar.ts';
import { createRepoHost } from './scaffolder/repo-hosts/create-repo-host.ts';
import { templateRepoHosts } from './scaffolder/repo-hosts/github-web-host.ts';
import { createScaffolder } from './scaffolder/run/create-scaffolder.ts';
import type { Scaffolder } from './scaffolder/scaffolder.ts';
import type { SourceRegistrar } from './scaffolder/source-registrar.ts';
import { createTemplateLocator } from './scaffolder/template-locator.ts';
import { createSource } from './sources/create-sources.ts';

const systemClock = { now: () => new Date() };

/** Registers repositories as catalog sources (`callboard register`, `/callboard register`, `catalog:register`). */
export const buildSourceRegistrar = (config: Config, catalog: CatalogRuntime): SourceRegistrar =>
  createSourceRegistrar({
    store: catalog.registeredSources,
    sync: catalog.sync,
    createSource: (source) => createSource(source, config),
    clock: systemClock,
  });

/** The scaffolder's parts over one catalog runtime; `npm start` and the CLI build it the same way. */
export const buildScaffolder = (config: Config, catalog: CatalogRuntime, log: Logger, registrar = buildSourceRegistrar(config, catalog)): Scaffolder =>
  createScaffolder({
    catalog: catalog.store,
    actions: new ActionRegistry(builtinActions()),
    // parseRepoUrl must know a GitHub Enterprise host as GitHub.
    engine: createTemplateEngine({ repoHosts: templateRepoHosts(config.github.apiUrl) }),
    locator: createTemplateLocator({ catalog: catalog.store, config, registeredSources: catalog.registeredSources }),
    repoHost: createRepoHost(config),
    registrar,
    runStore: catalog.runStore,
    clock: systemClock,
    newId: randomUUID,
    workspaceDir: config.scaffolder.workspaceDir,
    keepFailedWorkspacesHours: config.scaffolder.keepFailedWorkspacesHours,
    log,
  });
