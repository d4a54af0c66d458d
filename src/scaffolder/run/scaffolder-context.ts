import type { ActiveRuns } from './active-runs.ts';
import { executeRun, failRun, type RunPlan } from './execute-run.ts';
import { RunTracker } from './run-tracker.ts';
import type { RunRecord } from '../../core/scaffolder/run-record.ts';
import type { ScaffolderDeps } from './scaffolder-deps.ts';
import type { TemplateCatalog } from './template-catalog.ts';

/** What the scaffolder's verbs share. */
export interface ScaffolderContext {
  deps: ScaffolderDeps;
  templates: TemplateCatalog;
  active: ActiveRuns;
}

export const trackerFor = (context: ScaffolderContext, run: RunRecord): RunTracker => new RunTracker(run, context.deps, context.active.listeners(run.id));

/**
 * Starts the steps in the background; `start`, `retry` and `decide` return before the first step runs. A failure
 * the run itself did not catch (the database went away) is logged and recorded on the run when possible.
 */
export const launchRun = (context: ScaffolderContext, tracker: RunTracker, plan: RunPlan): void => {
  const { deps } = context;
  const { id: runId, templateRef } = tracker.run;
  deps.log.info({ runId, templateRef }, 'scaffolder run started');
  const work = Promise.resolve()
    .then(() => executeRun(deps, tracker, plan))
    .then(() => deps.log.info({ runId, templateRef, status: tracker.run.status }, 'scaffolder run ended'))
    .catch(async (error: unknown) => {
      deps.log.error({ err: error, runId: tracker.run.id }, 'a scaffolder run stopped unexpectedly');
      await failRun(deps, tracker, `Callboard could not go on with this run: ${(error as Error).message}; Retry resumes at the step that was running`).catch(
        () => {},
      );
    });
  context.active.track(tracker.run.id, work);
};
