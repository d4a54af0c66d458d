import { ConflictError, InvalidInputError, NotFoundError } from '../../core/errors.ts';
import { secretFieldPaths } from '../../core/scaffolder/form/secret-fields.ts';
import type { RunRecord, StepRecord } from '../../core/scaffolder/run-record.ts';
import type { TemplateDefinition } from '../../core/scaffolder/template-definition.ts';
import type { ActionRegistry } from '../actions/action-registry.ts';
import type { Requester, RunListener } from '../scaffolder.ts';
import type { RunPlan } from './execute-run.ts';
import type { RunValues } from './run-values.ts';
import { workspaceExists } from './run-workspace.ts';
import { knownRun, launchRun, trackerFor, type ScaffolderContext } from './scaffolder-context.ts';
import { assertRunnable } from './start-run.ts';
import { loadRunnableTemplate } from './template-access.ts';

/**
 * The values a run goes on with: the ones kept in memory since it started, or after a restart the stored ones,
 * which have no secrets. @throws InvalidInputError when the template needs secrets this process no longer has
 */
export const valuesToGoOn = (context: ScaffolderContext, run: RunRecord, definition: TemplateDefinition): Pick<RunValues, 'parameters' | 'secrets'> => {
  const kept = context.active.valuesOf(run.id);
  if (kept) return kept;
  if (secretFieldPaths(definition.pages).length > 0) {
    throw new InvalidInputError(`run ${run.id} needs the template's secret values again, and secrets are never stored: use Edit and retry to enter them`);
  }
  return { parameters: run.values, secrets: {} };
};

/**
 * Steps a retry does not redo: the ones done (their stored outputs feed later steps) or skipped before the first
 * failure. When the workspace is gone (kept only `keepFailedWorkspacesHours`), steps that only wrote into it run
 * again; steps that reached outside (created the repository, registered it) still are not redone.
 */
export const finishedSteps = (run: RunRecord, actions: ActionRegistry, workspaceKept: boolean): Map<string, Record<string, unknown> | undefined> => {
  const finished = new Map<string, Record<string, unknown> | undefined>();
  // Steps after the first failure ran (or were skipped) because of it; the retry decides about them afresh.
  const firstFailed = run.steps.findIndex((step) => step.status === 'failed');
  for (const step of firstFailed < 0 ? run.steps : run.steps.slice(0, firstFailed)) {
    if (step.status === 'skipped') finished.set(step.id, undefined);
    if (step.status !== 'done') continue;
    if (!workspaceKept && actions.get(step.action)?.supportsDryRun === true) continue;
    finished.set(step.id, step.output ?? {});
  }
  return finished;
};

/** The template's steps now, each keeping its record when it is not run again, the others pending. */
const stepsForRetry = (run: RunRecord, definition: TemplateDefinition, finished: RunPlan['finished']): StepRecord[] =>
  definition.steps.map((step) => {
    const previous = run.steps.find((record) => record.id === step.id);
    if (previous && finished.has(step.id)) return previous;
    return { id: step.id, name: step.name, action: step.action, status: 'pending', log: [] };
  });

/** Resumes a failed run at its failed step. @throws NotFoundError, ConflictError (not failed), PermissionError */
export const retryRun = async (context: ScaffolderContext, runId: string, requester: Requester, listener?: RunListener): Promise<RunRecord> => {
  const run = knownRun(context, runId);
  if (!run) throw new NotFoundError(`no scaffolder run ${runId}; \`callboard runs\` lists them`);
  if (run.status !== 'failed' || context.active.isRunning(runId)) throw new ConflictError(`run ${runId} is ${run.status}; only a failed run can be retried`);
  const loaded = loadRunnableTemplate(context.templates, context.deps.catalog, run.templateRef, requester);
  assertRunnable(loaded);
  const values = valuesToGoOn(context, run, loaded.definition);
  const finished = finishedSteps(run, context.deps.actions, workspaceExists(context.deps.workspaceDir, runId));
  if (!context.active.claim(runId)) throw new ConflictError(`run ${runId} is being retried already`);
  try {
    const tracker = trackerFor(context, run);
    context.active.listeners(runId, listener);
    const { finishedAt: _finishedAt, error: _error, ...rest } = run;
    const resumed = await tracker.update(() => ({ ...rest, status: 'running', steps: stepsForRetry(run, loaded.definition, finished) }));
    launchRun(context, tracker, { definition: loaded.definition, values, finished });
    return structuredClone(resumed);
  } finally {
    context.active.release(runId);
  }
};
