import { shownValues, type RunOutput, type RunRecord, type StepRecord } from '../../core/scaffolder/run-record.ts';

/** A run as `callboard scaffold --json` prints it. */
export interface RunJson {
  id: string;
  status: RunRecord['status'];
  steps: { id: string; action: string; status: StepRecord['status']; durationMs?: number; error?: string }[];
  output: RunOutput;
  entityRef?: string;
  /** Why the run failed when no step did (approval denied, interrupted by a restart). */
  error?: string;
}

export const runJson = (run: RunRecord): RunJson => ({
  id: run.id,
  status: run.status,
  steps: run.steps.map((step) => ({
    id: step.id,
    action: step.action,
    status: step.status,
    ...(step.durationMs !== undefined ? { durationMs: step.durationMs } : {}),
    ...(step.error ? { error: step.error } : {}),
  })),
  output: run.output ?? { links: [], text: [] },
  ...(run.entityRef ? { entityRef: run.entityRef } : {}),
  ...(run.error ? { error: run.error } : {}),
});

export const formatDuration = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

/** `[2/3] publish (publish:github): done in 1.2 s` — one line per step change while a run goes. */
export const formatStepLine = (step: StepRecord, index: number, total: number): string => {
  const head = `[${index + 1}/${total}] ${step.id} (${step.action})`;
  if (step.status === 'done') return `${head}: done${step.durationMs !== undefined ? ` in ${formatDuration(step.durationMs)}` : ''}`;
  if (step.status === 'failed') return `${head}: failed${step.error ? ` — ${step.error}` : ''}`;
  if (step.status === 'running') return `${head}: running…`;
  return `${head}: ${step.status}`;
};

/**
 * Says each step change once: the scaffolder tells the listener the whole run on every change, so it keeps
 * the status last printed per step. Pending steps are not announced.
 */
export const createStepPrinter = (print: (line: string) => void) => {
  const printed = new Map<string, string>();
  return (run: RunRecord): void => {
    run.steps.forEach((step, index) => {
      if (step.status === 'pending' || printed.get(step.id) === step.status) return;
      printed.set(step.id, step.status);
      print(formatStepLine(step, index, run.steps.length));
      if (step.status === 'failed') step.log.slice(-10).forEach((line) => print(`    | ${line}`));
    });
  };
};

const formatOutput = (output: RunOutput | undefined, entityRef: string | undefined): string[] => {
  const links = (output?.links ?? []).map((link) => `  ${link.title}: ${link.url ?? link.entityRef ?? ''}`);
  const texts = (output?.text ?? []).flatMap((text) => [`  ${text.title}:`, ...text.content.split('\n').map((line) => `    ${line}`)]);
  const entity =
    entityRef && !(output?.links ?? []).some((link) => link.entityRef === entityRef) ? [`  In the catalog: ${entityRef} (callboard owner ${entityRef})`] : [];
  return [...links, ...entity, ...texts];
};

/** The end of `callboard scaffold`: the outcome, then the output links and text, or what went wrong. */
export const formatRunResult = (run: RunRecord): string => {
  const failedStep = run.steps.find((step) => step.status === 'failed');
  const lines = [`Run ${run.id}: ${run.status}`];
  if (failedStep) lines.push(`  step ${failedStep.id} (${failedStep.action}) failed: ${failedStep.error ?? 'no reason recorded'}`);
  if (run.error) lines.push(`  ${run.error}`);
  if (run.status === 'awaiting-approval') lines.push('  It starts once an approver approves it in Slack; `callboard runs` shows where it stands.');
  lines.push(...formatOutput(run.output, run.entityRef));
  return lines.join('\n');
};

const compactStep = (step: StepRecord): string =>
  `${step.id} ${step.status}${step.durationMs !== undefined && step.status === 'done' ? ` ${formatDuration(step.durationMs)}` : ''}${step.error ? `: ${step.error}` : ''}`;

const formatValue = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** One run in `callboard runs`: who ran which template (and version) when, its values, each step, links. */
export const formatRunSummary = (run: RunRecord): string[] => {
  const version = run.templateEtag ? ` @${run.templateEtag.slice(0, 12)}` : '';
  const finished = run.finishedAt ? ` → ${run.finishedAt}` : '';
  const lines = [
    `${run.id}  ${run.status}${run.dryRun ? ' (dry run)' : ''}  ${run.templateRef}${version}`,
    `  by ${run.createdBy}, ${run.createdAt}${finished}`,
  ];
  const values = Object.entries(shownValues(run));
  if (values.length > 0) lines.push(`  values: ${values.map(([key, value]) => `${key}=${formatValue(value)}`).join(', ')}`);
  if (run.steps.length > 0) lines.push(`  steps: ${run.steps.map(compactStep).join(' · ')}`);
  if (run.error) lines.push(`  error: ${run.error}`);
  lines.push(...formatOutput(run.output, run.entityRef));
  return lines;
};

export const formatRuns = (runs: readonly RunRecord[]): string =>
  runs.length === 0
    ? 'No scaffolder runs yet. Start one with `callboard scaffold <template> --values FILE`.'
    : runs.map((run) => formatRunSummary(run).join('\n')).join('\n\n');
