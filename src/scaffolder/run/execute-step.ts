import type { z } from 'zod';
import type { Entity } from '../../core/catalog/entity.ts';
import type { CatalogReader } from '../../core/ports.ts';
import type { StepDefinition } from '../../core/scaffolder/template-definition.ts';
import { isConditionMet, type TemplateEngine } from '../../core/scaffolder/template-engine.ts';
import type { ActionContext, StepLogger, TemplateAction } from '../actions/action.ts';
import type { ActionRegistry } from '../actions/action-registry.ts';
import type { RepoHost } from '../repo-host.ts';
import type { SourceRegistrar } from '../source-registrar.ts';
import type { TemplateLocation } from '../template-location.ts';
import { renderAt, StepError } from './render-at.ts';

/** Everything a step runs against besides its scope. */
export interface StepEnvironment {
  actions: ActionRegistry;
  engine: TemplateEngine;
  catalog: CatalogReader;
  repoHost: RepoHost;
  registrar: SourceRegistrar;
  templateLocation: TemplateLocation;
  workspacePath: string;
  secrets: Readonly<Record<string, string>>;
  user: { ref?: string; entity?: Entity };
  runId: string;
  /** The template's ref, which catalog:write records as `backstage.io/source-template`. */
  templateRef: string;
  dryRun: boolean;
  signal: AbortSignal;
  /** An earlier step failed: `failure()` is true, and only steps whose `if` asks `always()` or `failure()` run. */
  taskFailed?: boolean;
}

export type StepOutcome = { status: 'skipped' } | { status: 'done'; output: Record<string, unknown> };

interface Iteration {
  each?: { key: string; value: unknown };
  shouldRun: boolean;
  input: Record<string, unknown>;
}

type Scope = Readonly<Record<string, unknown>>;

export const actionFor = (actions: ActionRegistry, step: StepDefinition): TemplateAction => {
  const action = actions.get(step.action);
  if (!action)
    throw new StepError(
      `step ${step.id} names the action ${step.action}, which Callboard does not have; \`callboard templates\` shows the template's problems`,
    );
  return action;
};

/** `each` renders to an array or an object; one iteration per entry, `each.key` being the index or the key. */
const eachEntries = (step: StepDefinition, engine: TemplateEngine, scope: Scope): [string, unknown][] | undefined => {
  if (step.each === undefined) return undefined;
  const resolved = renderAt(engine, step.each, scope, `step ${step.id} each`);
  if (resolved === undefined) throw new StepError(`step ${step.id} each: "${String(step.each)}" renders to nothing; it must be an array or an object`);
  if (resolved === null || typeof resolved !== 'object')
    throw new StepError(`step ${step.id} each: must render to an array or an object, got ${typeof resolved}`);
  return Object.entries(resolved);
};

/** Backstage's order: every iteration's `if` and input are rendered (and validated) before any of them runs. */
const planIterations = (step: StepDefinition, engine: TemplateEngine, scope: Scope): Iteration[] => {
  const entries = eachEntries(step, engine, scope);
  const scopes: { each?: { key: string; value: unknown }; scope: Scope }[] = entries
    ? entries.map(([key, value]) => ({ each: { key, value }, scope: { ...scope, each: { key, value } } }))
    : [{ scope }];
  return scopes.map(({ each, scope: iterationScope }) => {
    const shouldRun = !each || step.if === undefined || isConditionMet(renderAt(engine, step.if, iterationScope, `step ${step.id} if`));
    const input = (renderAt(engine, step.input, iterationScope, `step ${step.id} input`) ?? {}) as Record<string, unknown>;
    return { ...(each ? { each } : {}), shouldRun, input };
  });
};

const validateInput = (step: StepDefinition, action: TemplateAction, iteration: Iteration): unknown => {
  const parsed = (action.schema as z.ZodType).safeParse(iteration.input);
  if (parsed.success) return parsed.data;
  const where = iteration.each ? `${action.id}[${iteration.each.key}]` : action.id;
  const issues = parsed.error.issues.map(
    (issue) => `input${issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('')}: ${issue.message}`,
  );
  throw new StepError(`step ${step.id} (${where}): ${issues.join('; ')}`);
};

/** The engine as a step sees it: after a failure, `failure()` answers true. */
const engineFor = (env: StepEnvironment): TemplateEngine => {
  const { engine } = env;
  if (!env.taskFailed) return engine;
  return {
    renderValue: (value, scope, options) => engine.renderValue(value, scope, { ...options, taskFailed: true }),
    renderText: (source, scope, options) => engine.renderText(source, scope, options),
    checkSyntax: (value, path) => engine.checkSyntax(value, path),
  };
};

/**
 * After a step failed, Backstage runs a later step only when its `if` is an expression that calls `always()` or
 * `failure()` (a clean-up or notify step); every other step is skipped.
 */
export const runsAfterFailure = (step: StepDefinition, engine: TemplateEngine, scope: Scope): boolean => {
  if (typeof step.if !== 'string') return false;
  let asked = false;
  try {
    engine.renderValue(step.if, scope, { taskFailed: true, onStatusCheck: () => (asked = true) });
  } catch {
    return false;
  }
  return asked;
};

/** Runs one step with Backstage's semantics: `if`, `each` (outputs become arrays), input rendered then validated. */
export const executeStep = async (step: StepDefinition, scope: Scope, stepEnv: StepEnvironment, log: StepLogger): Promise<StepOutcome> => {
  const env = { ...stepEnv, engine: engineFor(stepEnv) };
  const action = actionFor(env.actions, step);
  // Backstage: `if: false` skips the whole step; an expression is checked once, or per item when the step has each.
  if (step.if === false) return { status: 'skipped' };
  if (step.each === undefined && step.if !== undefined && !isConditionMet(renderAt(env.engine, step.if, scope, `step ${step.id} if`)))
    return { status: 'skipped' };
  const iterations = planIterations(step, env.engine, scope);
  const inputs = iterations.map((iteration) => (iteration.shouldRun ? validateInput(step, action, iteration) : undefined));
  const output: Record<string, unknown> = {};
  for (const [index, iteration] of iterations.entries()) {
    if (!iteration.shouldRun) {
      if (iteration.each) log.info(`skipping each ${iteration.each.key}: its if is false`);
      continue;
    }
    if (iteration.each) log.info(`running each ${iteration.each.key}`);
    await action.run(contextFor(step, env, log, inputs[index], (name, value) => collect(output, name, value, step.each !== undefined)));
  }
  return { status: 'done', output };
};

const collect = (output: Record<string, unknown>, name: string, value: unknown, asArray: boolean): void => {
  if (!asArray) {
    output[name] = value;
    return;
  }
  const list = Array.isArray(output[name]) ? (output[name] as unknown[]) : [];
  output[name] = [...list, value];
};

const contextFor = (
  step: StepDefinition,
  env: StepEnvironment,
  log: StepLogger,
  input: unknown,
  output: (name: string, value: unknown) => void,
): ActionContext<unknown> => ({
  input,
  workspacePath: env.workspacePath,
  templateLocation: env.templateLocation,
  secrets: env.secrets,
  user: env.user,
  runId: env.runId,
  templateRef: env.templateRef,
  stepId: step.id,
  dryRun: env.dryRun,
  log,
  output,
  signal: env.signal,
  engine: env.engine,
  catalog: env.catalog,
  repoHost: env.repoHost,
  registrar: env.registrar,
});
