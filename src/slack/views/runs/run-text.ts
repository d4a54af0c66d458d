import type { RunRecord, RunStatus, StepRecord, StepStatus } from '../../../core/scaffolder/run-record.ts';
import { escapeMrkdwn, link, mention, truncate } from '../../mrkdwn.ts';

/** Pieces of a run in words (escaped mrkdwn), shared by the progress message, the approval request and `/callboard runs`. */

const STEP_ICONS: Record<StepStatus, string> = {
  pending: ':white_circle:',
  running: ':hourglass_flowing_sand:',
  done: ':white_check_mark:',
  skipped: ':fast_forward:',
  failed: ':x:',
};

const RUN_WORDS: Record<RunStatus, string> = {
  'awaiting-approval': ':lock: Waiting for approval',
  denied: ':no_entry: Denied',
  running: ':hourglass_flowing_sand: Running',
  succeeded: ':white_check_mark: Done',
  failed: ':x: Failed',
};

export const runStatusText = (run: Pick<RunRecord, 'status'>): string => RUN_WORDS[run.status];

export const durationText = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`);

export const stepLine = (step: StepRecord): string => {
  const name = escapeMrkdwn(truncate(step.name || step.id, 120));
  const took = step.status === 'done' && step.durationMs !== undefined ? ` (${durationText(step.durationMs)})` : '';
  const words = step.status === 'skipped' ? ' _skipped_' : step.status === 'running' ? ' _running…_' : step.status === 'failed' ? ' *failed*' : '';
  return `${STEP_ICONS[step.status]} ${name} \`${escapeMrkdwn(step.action)}\`${took}${words}`;
};

/** Who started a run: a Slack mention when the record says `slack:U…` or the caller knows their Slack id, else the catalog ref. */
export const createdByText = (createdBy: string, slackUserId?: string): string => {
  if (slackUserId) return mention(slackUserId);
  const slack = /^slack:([UW][A-Z0-9]+)$/.exec(createdBy);
  return slack ? mention(slack[1]!) : `\`${escapeMrkdwn(createdBy)}\``;
};

/** A value as the approval request and the runs list show it: short, on one line, escaped. */
export const valueText = (value: unknown): string => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return escapeMrkdwn(truncate(text.replace(/\s+/g, ' '), 200));
};

/** The run's output links: URLs as links, entity refs as the `/owner` question that answers them now. */
export const outputLinkLines = (run: RunRecord): string[] => {
  const links = (run.output?.links ?? []).map((entry) => {
    const title = truncate(entry.title || entry.url || entry.entityRef || 'Link', 100);
    if (entry.url) return `• ${link(entry.url, title)}`;
    if (entry.entityRef) return `• ${escapeMrkdwn(title)}: \`/owner ${escapeMrkdwn(entry.entityRef)}\``;
    return `• ${escapeMrkdwn(title)}`;
  });
  const registered =
    run.entityRef && !(run.output?.links ?? []).some((entry) => entry.entityRef === run.entityRef)
      ? [`• In the catalog: \`/owner ${escapeMrkdwn(run.entityRef)}\``]
      : [];
  return [...links, ...registered];
};
