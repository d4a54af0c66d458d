import type { ActiveRuns } from './active-runs.ts';
import { executeRun, failRun, type RunPlan } from './execute-run.ts';
import { createMasker, type Masker } from './mask-secrets.ts';
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

/** An error as the log may hold it: its message and stack masked, since a secret can sit in either. */
const maskedError = (error: unknown, mask: Masker): { type: string; message: string; stack?: string } =>
  error instanceof Error
    ? { type: error.name, message: mask(error.message), ...(error.stack ? { stack: mask(error.stack) } : {}) }
    : { type: typeof error, message: mask(String(error)) };

/**
 * Starts the steps in the background; `start`, `retry` and `decide` return before the first step runs. A failure
 * the run itself did not catch (the database went away) is logged and recorded on the run when possible, its
 * secrets masked as in step logs: its message may quote a value a step was given.
 */
export const launchRun = (context: ScaffolderContext, tracker: RunTracker, plan: RunPlan): void => {
  const { deps } = context;
  const { id: runId, templateRef } = tracker.run;
  deps.log.info({ runId, templateRef }, 'scaffolder run started');
  const work = Promise.resolve()
    .then(() => executeRun(deps, tracker, plan))
    .then(() => deps.log.info({ runId, templateRef, status: tracker.run.status }, 'scaffolder run ended'))
    .catch(async (error: unknown) => {
      const mask = createMasker(plan.values.secrets);
      const masked = maskedError(error, mask);
      deps.log.error({ err: masked, runId: tracker.run.id }, 'a scaffolder run stopped unexpectedly');
      await failRun(deps, tracker, `Callboard could not go on with this run: ${masked.message}; Retry resumes at the step that was running`).catch(() => {});
    });
  context.active.track(tracker.run.id, work);
};
