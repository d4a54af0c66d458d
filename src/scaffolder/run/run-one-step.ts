import type { StepRecord } from '../../core/scaffolder/run-record.ts';
import type { StepDefinition } from '../../core/scaffolder/template-definition.ts';
import { executeStep, type StepEnvironment } from './execute-step.ts';
import type { Masker } from './mask-secrets.ts';
import type { RunTracker } from './run-tracker.ts';
import type { ScaffolderDeps } from './scaffolder-deps.ts';
import { clip, createStepLog } from './step-log.ts';

export interface OneStep {
  deps: ScaffolderDeps;
  tracker: RunTracker;
  step: StepDefinition;
  scope: Record<string, unknown>;
  env: StepEnvironment;
  mask: Masker;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * One step from running to done, skipped or failed, each change recorded. Returns the step's output (undefined
 * when skipped) or 'failed'; what failed is on the step record, with its error and last log lines, masked.
 */
export const runOneStep = async ({ deps, tracker, step, scope, env, mask }: OneStep): Promise<Record<string, unknown> | undefined | 'failed'> => {
  const started = deps.clock.now();
  const running = (record: StepRecord): StepRecord => ({
    id: record.id,
    name: record.name,
    action: record.action,
    status: 'running',
    startedAt: started.toISOString(),
    log: [],
  });
  await tracker.updateStep(step.id, running);
  const log = createStepLog(mask);
  const durationMs = () => Math.max(0, deps.clock.now().getTime() - started.getTime());
  let ended: Pick<StepRecord, 'status' | 'error' | 'output'>;
  let result: Record<string, unknown> | undefined | 'failed';
  try {
    const outcome = await executeStep(step, scope, env, log.logger);
    ended = outcome.status === 'done' ? { status: 'done', output: mask(outcome.output) } : { status: 'skipped' };
    result = outcome.status === 'done' ? outcome.output : undefined;
  } catch (error) {
    ended = { status: 'failed', error: clip(mask(errorText(error))) };
    result = 'failed';
  }
  await tracker.updateStep(step.id, (record) => ({ ...record, ...ended, durationMs: durationMs(), log: log.lines }));
  return result;
};
