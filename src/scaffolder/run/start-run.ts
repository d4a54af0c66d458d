import { InvalidInputError } from '../../core/errors.ts';
import { buildFormPages } from '../../core/scaffolder/form/build-form-model.ts';
import { maskInsideValue, nestedReviewMasks } from '../../core/scaffolder/form/shown-value.ts';
import type { RunRecord, StepRecord } from '../../core/scaffolder/run-record.ts';
import type { TemplateDefinition } from '../../core/scaffolder/template-definition.ts';
import type { Requester, RunListener, RunRequest } from '../scaffolder.ts';
import { prepareValues, type RunValues } from './run-values.ts';
import { launchRun, trackerFor, type ScaffolderContext } from './scaffolder-context.ts';
import { loadRunnableTemplate } from './template-access.ts';
import { templateEtag, type LoadedTemplate } from './template-catalog.ts';

/** How a run names who asked: the catalog User when one matched, else `slack:U…` or `cli:…`. */
export const requesterId = (requester: Requester): string => requester.userRef ?? requester.fallbackId;

export const pendingSteps = (definition: TemplateDefinition): StepRecord[] =>
  definition.steps.map((step) => ({ id: step.id, name: step.name, action: step.action, status: 'pending', log: [] }));

/** A template with problems is listed (with them) but never run. @throws InvalidInputError naming the problems */
export const assertRunnable = (loaded: LoadedTemplate): void => {
  if (loaded.problems.length === 0) return;
  const problems = loaded.problems.map((problem) => problem.message).join('; ');
  throw new InvalidInputError(`template ${loaded.ref} cannot run until its problems are fixed (\`/callboard errors\`): ${problems}`);
};

/** The template and values a request names, checked: who may run it, whether it can run, whether the values fit. */
export const checkRequest = (
  context: ScaffolderContext,
  request: RunRequest,
): { loaded: LoadedTemplate & { definition: TemplateDefinition }; values: RunValues } => {
  const loaded = loadRunnableTemplate(context.templates, context.deps.catalog, request.templateRef, request.requester);
  assertRunnable(loaded);
  return { loaded, values: prepareValues(loaded.definition, request.values) };
};

/**
 * What messages show instead of stored values the template masks (`ui:backstage.review.mask` on a field, or inside
 * an object or array field at any depth). Secrets are not stored at all.
 */
const maskedValuesOf = (definition: TemplateDefinition, stored: Record<string, unknown>): Record<string, unknown> | undefined => {
  const masked: Record<string, unknown> = {};
  for (const field of buildFormPages(definition.pages).flatMap((page) => page.fields)) {
    if (!Object.hasOwn(stored, field.name)) continue;
    if (field.review.mask !== undefined) masked[field.name] = field.review.mask;
    else if (nestedReviewMasks(field.schema).length > 0) masked[field.name] = maskInsideValue(field.schema, stored[field.name]);
  }
  return Object.keys(masked).length > 0 ? masked : undefined;
};

const newRunRecord = (
  context: ScaffolderContext,
  request: RunRequest,
  loaded: LoadedTemplate & { definition: TemplateDefinition },
  values: RunValues,
): RunRecord => {
  const { definition } = loaded;
  const etag = templateEtag(loaded.entity);
  const maskedValues = maskedValuesOf(definition, values.stored);
  return {
    id: context.deps.newId(),
    templateRef: loaded.ref,
    templateTitle: definition.title,
    ...(etag !== undefined ? { templateEtag: etag } : {}),
    createdBy: requesterId(request.requester),
    createdAt: context.deps.clock.now().toISOString(),
    status: definition.approvers.length > 0 ? 'awaiting-approval' : 'running',
    values: values.stored,
    ...(maskedValues !== undefined ? { maskedValues } : {}),
    steps: pendingSteps(definition),
    approvals: [],
    ...(request.slackChannel !== undefined ? { slack: { channel: request.slackChannel } } : {}),
    dryRun: false,
  };
};

/**
 * Records the run and starts its steps in the background. The same request key returns the run recorded first
 * (the database's unique index decides, also between processes), and that second call starts nothing.
 */
export const startRun = async (context: ScaffolderContext, request: RunRequest, listener?: RunListener): Promise<RunRecord> => {
  const { loaded, values } = checkRequest(context, request);
  const { run, created } = await context.deps.runStore.insert(newRunRecord(context, request, loaded, values), request.requestKey);
  // A second submit of the same request gets the first run; the first submit's listener already reports it.
  if (!created) return run;
  context.active.keepValues(run.id, values);
  const tracker = trackerFor(context, run);
  context.active.listeners(run.id, listener);
  if (run.status === 'awaiting-approval') {
    await tracker.notify();
    return structuredClone(run);
  }
  launchRun(context, tracker, { definition: loaded.definition, values, finished: new Map() });
  return structuredClone(run);
};
