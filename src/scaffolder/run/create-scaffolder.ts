import { NotFoundError } from '../../core/errors.ts';
import type { Scaffolder } from '../scaffolder.ts';
import { ActiveRuns } from './active-runs.ts';
import { decideRun } from './decide-run.ts';
import { previewRun } from './preview-run.ts';
import { recoverInterrupted } from './recover-interrupted.ts';
import { retryRun } from './retry-run.ts';
import { knownRun, type ScaffolderContext } from './scaffolder-context.ts';
import type { ScaffolderDeps } from './scaffolder-deps.ts';
import { startRun } from './start-run.ts';
import { listTemplates, loadRunnableTemplate } from './template-access.ts';
import { TemplateCatalog } from './template-catalog.ts';
import { removeExpiredWorkspaces } from './run-workspace.ts';

export type { ScaffolderDeps } from './scaffolder-deps.ts';

/**
 * The scaffolder Slack and the CLI use: templates from the catalog, runs recorded in the run store, steps run in
 * the background with Backstage's semantics. Call `recoverInterrupted()` once at start-up.
 */
export const createScaffolder = (deps: ScaffolderDeps): Scaffolder => {
  const context: ScaffolderContext = { deps, templates: new TemplateCatalog(deps.catalog, () => deps.actions.ids()), active: new ActiveRuns() };
  const sweepWorkspaces = () =>
    removeExpiredWorkspaces({
      workspaceDir: deps.workspaceDir,
      keepHours: deps.keepFailedWorkspacesHours,
      now: deps.clock.now(),
      runStore: deps.runStore,
    }).catch((error: unknown) => deps.log.warn({ err: error }, 'removing expired scaffolder workspaces failed'));
  return {
    listTemplates: (requester, words) => listTemplates(context.templates, deps.catalog, requester, words),
    template: (ref, requester) => loadRunnableTemplate(context.templates, deps.catalog, ref, requester).definition,
    preview: (request, options) => previewRun(context, request, options),
    // The sweep comes once the request is accepted, and is awaited: a refused request (bad values) starts nothing in
    // the background, and a CLI that closes its database after `start` and `settled` closes it after the sweep.
    start: async (request, listener) => {
      const run = await startRun(context, request, listener);
      await sweepWorkspaces();
      return run;
    },
    retry: (runId, requester, listener) => retryRun(context, runId, requester, listener),
    decide: (runId, approver, decision, listener) => decideRun(context, runId, approver, decision, listener),
    run: (runId) => knownRun(context, runId),
    runs: (options) => deps.runStore.list(options).map((run) => context.active.known(run)),
    settled: async (runId) => {
      const run = knownRun(context, runId);
      if (!run) throw new NotFoundError(`no scaffolder run ${runId}`);
      return context.active.settled(run);
    },
    recordSlackThread: (runId, thread) => deps.runStore.recordSlackThread(runId, thread),
    recoverInterrupted: () => recoverInterrupted(context),
  };
};
