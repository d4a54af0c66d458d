import type { RunRecord, StepRecord } from '../../core/scaffolder/run-record.ts';
import { removeExpiredWorkspaces } from './run-workspace.ts';
import { trackerFor, type ScaffolderContext } from './scaffolder-context.ts';

export const INTERRUPTED_STEP_ERROR = 'Callboard stopped during this step; Retry resumes here';

/** The step a stopped process was on: the running one, else the first that had not started. */
const interruptedAt = (steps: StepRecord[]): string | undefined =>
  (steps.find((step) => step.status === 'running') ?? steps.find((step) => step.status === 'pending'))?.id;

const markInterrupted = (run: RunRecord, finishedAt: string): RunRecord => {
  const stepId = interruptedAt(run.steps);
  const steps = run.steps.map((step): StepRecord => (step.id === stepId ? { ...step, status: 'failed', error: INTERRUPTED_STEP_ERROR } : step));
  return {
    ...run,
    status: 'failed',
    finishedAt,
    steps,
    ...(stepId === undefined ? { error: 'Callboard stopped before this run finished; Retry resumes it' } : {}),
  };
};

/**
 * On start-up: a run left `running` by a process that stopped is marked failed at its step, so it offers Retry
 * instead of looking busy forever; failed runs' workspaces past their keeping time are removed too.
 */
export const recoverInterrupted = async (context: ScaffolderContext): Promise<RunRecord[]> => {
  const { deps } = context;
  const stranded = deps.runStore.list({ status: 'running', limit: 100_000 }).filter((run) => !context.active.isRunning(run.id));
  const recovered: RunRecord[] = [];
  for (const run of stranded) {
    const finishedAt = deps.clock.now().toISOString();
    recovered.push(structuredClone(await trackerFor(context, run).update((current) => markInterrupted(current, finishedAt))));
  }
  await removeExpiredWorkspaces({ workspaceDir: deps.workspaceDir, keepHours: deps.keepFailedWorkspacesHours, now: deps.clock.now(), runStore: deps.runStore });
  return recovered;
};
