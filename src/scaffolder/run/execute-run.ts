import type { RunOutput, RunRecord, StepRecord } from '../../core/scaffolder/run-record.ts';
import type { TemplateDefinition } from '../../core/scaffolder/template-definition.ts';
import type { TemplateLocation } from '../template-location.ts';
import { runsAfterFailure, type StepEnvironment } from './execute-step.ts';
import { runOneStep } from './run-one-step.ts';
import { createMasker, type Masker } from './mask-secrets.ts';
import { renderOutput } from './render-output.ts';
import { openWorkspace, removeWorkspace } from './run-workspace.ts';
import { runScope, userScope } from './run-scope.ts';
import type { RunTracker } from './run-tracker.ts';
import type { RunValues } from './run-values.ts';
import type { ScaffolderDeps } from './scaffolder-deps.ts';

/** What a run goes through: the template, the values, and the steps a previous attempt finished (not redone). */
export interface RunPlan {
  definition: TemplateDefinition;
  values: Pick<RunValues, 'parameters' | 'secrets'>;
  /** Outputs of steps finished before, by step id; skipped steps map to undefined. */
  finished: Map<string, Record<string, unknown> | undefined>;
}

/** A run records the catalog User when one matched; `slack:…` and `cli:…` are not catalog refs. */
const userRefOf = (createdBy: string): string | undefined => (createdBy.toLowerCase().startsWith('user:') ? createdBy : undefined);

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

type Ending = (run: RunRecord) => RunRecord;

/**
 * Runs the steps not yet finished, in order. After a failure, only steps whose `if` calls `always()` or `failure()`
 * still run (as in Backstage); the run fails and keeps its workspace for Retry.
 * The run's last change (succeeded or failed) is made once the template checkout is released and, after a
 * success, the workspace removed: whoever waits for the run to settle finds nothing left behind.
 */
export const executeRun = async (deps: ScaffolderDeps, tracker: RunTracker, plan: RunPlan): Promise<void> => {
  const mask = createMasker(plan.values.secrets);
  let location: TemplateLocation;
  try {
    location = await deps.locator.open(tracker.run.templateRef);
  } catch (error) {
    await failRun(deps, tracker, mask(`the template's files could not be opened: ${errorText(error)}`));
    return;
  }
  let ending: Ending;
  try {
    ending = await runSteps(deps, tracker, plan, location, mask);
  } finally {
    await location.release().catch((error: unknown) => deps.log.warn({ err: error, runId: tracker.run.id }, 'releasing the template checkout failed'));
  }
  await tracker.update(ending);
};

const runSteps = async (deps: ScaffolderDeps, tracker: RunTracker, plan: RunPlan, location: TemplateLocation, mask: Masker): Promise<Ending> => {
  const runId = tracker.run.id;
  const workspacePath = await openWorkspace(deps.workspaceDir, runId);
  const user = userScope(deps.catalog, userRefOf(tracker.run.createdBy));
  const env: StepEnvironment = {
    ...deps,
    templateLocation: location,
    workspacePath,
    secrets: plan.values.secrets,
    user,
    runId,
    templateRef: tracker.run.templateRef,
    dryRun: false,
    signal: new AbortController().signal,
  };
  const steps: Record<string, { output: Record<string, unknown> }> = {};
  const scope = () => runScope({ runId, parameters: plan.values.parameters, secrets: plan.values.secrets, user, steps });
  let failed = false;
  for (const step of plan.definition.steps) {
    if (plan.finished.has(step.id)) {
      const output = plan.finished.get(step.id);
      if (output) steps[step.id] = { output };
      continue;
    }
    if (failed && !runsAfterFailure(step, deps.engine, scope())) {
      await tracker.updateStep(step.id, (record) => ({ ...record, status: 'skipped', log: ['skipped because an earlier step failed'] }));
      continue;
    }
    const outcome = await runOneStep({ deps, tracker, step, scope: scope(), env: { ...env, taskFailed: failed }, mask });
    if (outcome === 'failed') failed = true;
    else if (outcome) steps[step.id] = { output: outcome };
  }
  if (failed) return (run) => ({ ...run, status: 'failed', finishedAt: deps.clock.now().toISOString() });
  return finishRun(deps, tracker, plan, scope(), mask);
};

/** Every step done: the output rendered, the entity a catalog:register step registered, the workspace removed. */
const finishRun = async (deps: ScaffolderDeps, tracker: RunTracker, plan: RunPlan, scope: Record<string, unknown>, mask: Masker): Promise<Ending> => {
  let output: RunOutput;
  try {
    output = mask(renderOutput(deps.engine, plan.definition.output, scope));
  } catch (error) {
    const message = mask(errorText(error));
    return (run) => ({ ...run, status: 'failed', finishedAt: deps.clock.now().toISOString(), error: message });
  }
  const entityRef = registeredEntity(plan.definition, tracker);
  await removeWorkspace(deps.workspaceDir, tracker.run.id);
  return (run) => ({ ...run, status: 'succeeded', finishedAt: deps.clock.now().toISOString(), output, ...(entityRef ? { entityRef } : {}) });
};

const registeredEntity = (definition: TemplateDefinition, tracker: RunTracker): string | undefined => {
  const registerSteps = new Set(definition.steps.filter((step) => step.action === 'catalog:register').map((step) => step.id));
  const ref = tracker.run.steps.find((step) => registerSteps.has(step.id) && typeof step.output?.['entityRef'] === 'string')?.output?.['entityRef'];
  return typeof ref === 'string' ? ref : undefined;
};

/** A run ended as failed: at the step that was running when there is one (Retry resumes there), else on the run itself. */
export const failedEnding =
  (deps: ScaffolderDeps, error: string): Ending =>
  (run) => {
    const finishedAt = deps.clock.now().toISOString();
    const atStep = run.steps.some((step) => step.status === 'running');
    const steps = run.steps.map((step): StepRecord => (step.status === 'running' ? { ...step, status: 'failed', error } : step));
    return { ...run, status: 'failed', finishedAt, steps, ...(atStep ? {} : { error }) };
  };

/** Ends a run as failed (see failedEnding), recorded. */
export const failRun = (deps: ScaffolderDeps, tracker: RunTracker, error: string) => tracker.update(failedEnding(deps, error));
