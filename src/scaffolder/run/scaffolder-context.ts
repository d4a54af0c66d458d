import type { ActiveRuns } from './active-runs.ts';
import { executeRun, failedEnding, type RunPlan } from './execute-run.ts';
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

/** The run as this process knows it (see ActiveRuns.known): what Retry, `run()` and `runs()` go by. */
export const knownRun = (context: ScaffolderContext, runId: string): RunRecord | undefined => {
  const stored = context.deps.runStore.get(runId);
  return stored && context.active.known(stored);
};

export const trackerFor = (context: ScaffolderContext, run: RunRecord): RunTracker => new RunTracker(run, context.deps, context.active.listeners(run.id));

/** An error as the log may hold it: its message and stack masked, since a secret can sit in either. */
const maskedError = (error: unknown, mask: Masker): { type: string; message: string; stack?: string } =>
  error instanceof Error
    ? { type: error.name, message: mask(error.message), ...(error.stack ? { stack: mask(error.stack) } : {}) }
    : { type: typeof error, message: mask(String(error)) };

/**
 * Starts the steps in the background; `start`, `retry` and `decide` return before the first step runs. A failure
 * the run itself did not catch (the database went away) ends the run as failed, its secrets masked as in step logs
 * (its message may quote a value a step was given), and is logged once. When even that end cannot be saved, the run
 * ends in this process's memory: listeners hear it (Slack shows the failure), `run()` and `runs()` show it, and the
 * next start's `recoverInterrupted` marks the row the store left `running` as failed.
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
      const ending = failedEnding(deps, `Callboard could not go on with this run: ${masked.message}; Retry resumes at the step that was running`);
      await tracker.finish(ending, (saveError, run) => {
        if (saveError === undefined) return void deps.log.error({ err: masked, runId }, 'a scaffolder run stopped unexpectedly');
        context.active.keepUnsavedEnd(run);
        const saveErr = errorMessage(saveError) !== errorMessage(error) ? { saveErr: maskedError(saveError, mask) } : {};
        deps.log.error(
          { err: masked, ...saveErr, runId },
          'a scaffolder run stopped unexpectedly and its end could not be saved: it shows as failed here, and the next start marks it failed',
        );
      });
    });
  context.active.track(tracker.run.id, work);
};

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
