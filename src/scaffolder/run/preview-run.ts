import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { StepDefinition, TemplateDefinition } from '../../core/scaffolder/template-definition.ts';
import { isConditionMet } from '../../core/scaffolder/template-engine.ts';
import { DryRunFailedError, type RunPreview, type RunRequest } from '../scaffolder.ts';
import { actionFor, executeStep, type StepEnvironment } from './execute-step.ts';
import { createMasker } from './mask-secrets.ts';
import { listWorkspace, readCatalogInfo } from './preview-files.ts';
import { repositoryNamed } from './repository-named.ts';
import { runScope, userScope } from './run-scope.ts';
import type { RunValues } from './run-values.ts';
import { checkRequest } from './start-run.ts';
import type { ScaffolderContext } from './scaffolder-context.ts';
import { createStepLog } from './step-log.ts';

type Scope = Record<string, unknown>;

/** Whether a step's `if` lets it run; a step with `each` decides per item, so it counts as running. */
const willRun = (context: ScaffolderContext, step: StepDefinition, scope: Scope): boolean => {
  if (step.if === undefined || step.each !== undefined) return true;
  try {
    return isConditionMet(context.deps.engine.renderValue(step.if, scope));
  } catch {
    return true;
  }
};

interface DryRun {
  listed: RunPreview['steps'];
  /** The scope after the dry run, with the outputs of the steps it ran. */
  scope: Scope;
}

const dryRunSteps = async (context: ScaffolderContext, definition: TemplateDefinition, values: RunValues, env: StepEnvironment): Promise<DryRun> => {
  const steps: Record<string, { output: Record<string, unknown> }> = {};
  const scope = () => runScope({ runId: env.runId, parameters: values.parameters, secrets: values.secrets, user: env.user, steps });
  const mask = createMasker(values.secrets);
  const listed: RunPreview['steps'] = [];
  for (const step of definition.steps) {
    const runs = willRun(context, step, scope());
    const dryRunnable = actionFor(context.deps.actions, step).supportsDryRun;
    if (runs && dryRunnable) {
      try {
        const outcome = await executeStep(step, scope(), env, createStepLog(mask).logger);
        if (outcome.status === 'done') steps[step.id] = { output: outcome.output };
      } catch (error) {
        throw new DryRunFailedError(mask(`the dry run of step ${step.id} (${step.action}) failed: ${(error as Error).message}`), { cause: error });
      }
    }
    listed.push({ id: step.id, name: step.name, action: step.action, willRun: runs, ranInDryRun: runs && dryRunnable });
  }
  return { listed, scope: scope() };
};

/**
 * A dry run for the review page and `callboard scaffold --dry-run`: only actions that support it run (fetch:*,
 * fs:*, debug:*), into a temporary workspace or `outDir`; the others are listed with whether they will run.
 */
export const previewRun = async (context: ScaffolderContext, request: RunRequest, options: { outDir?: string } = {}): Promise<RunPreview> => {
  const { loaded, values } = checkRequest(context, request);
  const { deps } = context;
  const location = await deps.locator.open(loaded.ref);
  const workspacePath = options.outDir !== undefined ? resolve(options.outDir) : await mkdtemp(join(tmpdir(), 'callboard-preview-'));
  try {
    await mkdir(workspacePath, { recursive: true });
    const user = userScope(deps.catalog, request.requester.userRef);
    const runId = `dry-run-${deps.newId()}`;
    const env: StepEnvironment = {
      ...deps,
      templateLocation: location,
      workspacePath,
      secrets: values.secrets,
      user,
      runId,
      templateRef: loaded.ref,
      dryRun: true,
      signal: new AbortController().signal,
    };
    const { listed: steps, scope } = await dryRunSteps(context, loaded.definition, values, env);
    const repository = repositoryNamed(deps.engine, loaded.definition, scope);
    // The review page shows these: a secret a skeleton wrote into a file or a name is masked like any log line.
    const mask = createMasker(values.secrets);
    const catalogInfo = mask(await readCatalogInfo(workspacePath));
    return {
      files: mask(await listWorkspace(workspacePath)),
      ...(catalogInfo !== undefined ? { catalogInfo } : {}),
      steps,
      ...(repository !== undefined ? { repository } : {}),
      ...(options.outDir !== undefined ? { outDir: workspacePath } : {}),
    };
  } finally {
    await location.release().catch(() => {});
    if (options.outDir === undefined) await rm(workspacePath, { recursive: true, force: true });
  }
};
