import type { KnownBlock } from '@slack/types';
import type { RunRecord } from '../../../core/scaffolder/run-record.ts';
import { ScaffolderActionIds } from '../../ids.ts';
import { escapeMrkdwn, truncate } from '../../mrkdwn.ts';
import { actionsBlock, button, contextBlock, fitLines, headerBlock, packLines, sectionBlock } from '../blocks.ts';
import type { SlackMessage } from '../slack-message.ts';
import { createdByText, outputLinkLines, runStatusText, stepLine } from './run-text.ts';

export interface RunProgressOptions {
  /** The requester's Slack id, to mention them. */
  slackUserId?: string;
  /**
   * The run in the words of the admin's message template (templates/messages/run-progress, run-result or
   * run-failed; escaped mrkdwn): shown under the header instead of the built-in status line, failure reason and
   * links, which those templates tell. The steps, the failed step's log and the buttons stay.
   */
  rendered?: string;
  /** Groups whose approval the run waits for. */
  approvers?: readonly string[];
}

/** The last log lines of a failed step, in a code block: enough to see why without opening the logs. */
const LOG_LINES = 10;

/** Why the run failed (left to the message template when there is one) and the failed step's last log lines. */
const failureBlocks = (run: RunRecord, withReason: boolean): KnownBlock[] => {
  const failed = run.steps.find((step) => step.status === 'failed');
  const reason = failed?.error ?? run.error;
  if (!reason && !failed) return [];
  const heading = failed ? `*Step “${escapeMrkdwn(truncate(failed.name || failed.id, 120))}” failed:*` : '*The run failed:*';
  const blocks: KnownBlock[] = withReason
    ? [sectionBlock(`${heading} ${escapeMrkdwn(truncate(reason ?? 'no reason was recorded', 1500))}`, 'scaffolder.run.error')]
    : [];
  const log = (failed?.log ?? []).slice(-LOG_LINES).map((line) => truncate(line, 200).replace(/```/g, "'''"));
  if (log.length > 0) blocks.push(sectionBlock(`\`\`\`${escapeMrkdwn(log.join('\n'))}\`\`\``, 'scaffolder.run.log'));
  return blocks;
};

/** The output links (left to the message template when there is one) and the output texts. */
const outputBlocks = (run: RunRecord, withLinks: boolean): KnownBlock[] => {
  const links = withLinks ? outputLinkLines(run) : [];
  const texts = (run.output?.text ?? []).map((entry) => `*${escapeMrkdwn(truncate(entry.title, 150))}*\n${escapeMrkdwn(truncate(entry.content, 1500))}`);
  return [
    ...(links.length > 0 ? [sectionBlock(`*Links*\n${links.join('\n')}`, 'scaffolder.run.links')] : []),
    ...texts.slice(0, 5).map((text, index) => sectionBlock(text, `scaffolder.run.text.${index}`)),
  ];
};

const buttonsFor = (run: RunRecord): KnownBlock[] => {
  if (run.status !== 'failed') return [];
  return [
    actionsBlock(
      [
        button({ text: 'Retry', actionId: ScaffolderActionIds.retryRun, value: run.id, style: 'primary' }),
        button({ text: 'Edit and retry', actionId: ScaffolderActionIds.editAndRetry, value: run.id }),
      ],
      'scaffolder.run.actions',
    ),
  ];
};

const statusLine = (run: RunRecord, options: RunProgressOptions): string => {
  const by = `started by ${createdByText(run.createdBy, options.slackUserId)}`;
  const waiting =
    run.status === 'awaiting-approval' && options.approvers?.length
      ? ` from a member of ${options.approvers.map((ref) => `\`${escapeMrkdwn(ref)}\``).join(' or ')}`
      : '';
  const decided = run.approvals.at(-1);
  const decision = decided ? ` · ${decided.decision} by ${createdByText(decided.by)}` : '';
  return `*${runStatusText(run)}*${waiting} · ${by}${decision}`;
};

/**
 * A run's progress message, edited in place as it goes: each step pending, running, done (with its time),
 * skipped or failed; at the end the output links and texts; a failure's error and last log lines with
 * Retry and Edit and retry.
 */
export const runProgressView = (run: RunRecord, options: RunProgressOptions = {}): SlackMessage => {
  const steps = fitLines(run.steps.map(stepLine), 5000);
  const stepLines = [...steps.shown, ...(steps.hidden > 0 ? [`…and ${steps.hidden} more steps`] : [])];
  const rendered = options.rendered?.trim();
  const summary = rendered ? packLines(rendered.split('\n')).slice(0, 4) : [statusLine(run, options)];
  const blocks: KnownBlock[] = [
    headerBlock(run.templateTitle || run.templateRef, 'scaffolder.run.header'),
    ...summary.map((text, index) => sectionBlock(text, index === 0 ? 'scaffolder.run.status' : `scaffolder.run.status.${index}`)),
    ...packLines(stepLines).map((text, index) => sectionBlock(text, `scaffolder.run.steps.${index}`)),
    ...failureBlocks(run, !rendered),
    ...outputBlocks(run, !rendered),
    ...buttonsFor(run),
    contextBlock([`Run \`${escapeMrkdwn(run.id)}\` of \`${escapeMrkdwn(run.templateRef)}\``], 'scaffolder.run.id'),
  ];
  // The notification text is mrkdwn too: the title is escaped like everything else a template author wrote.
  return { text: `${escapeMrkdwn(truncate(run.templateTitle || run.templateRef, 200))}: ${runStatusText(run).replace(/^:[a-z_]+: /, '')}`, blocks };
};
