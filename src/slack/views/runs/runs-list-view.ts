import type { KnownBlock } from '@slack/types';
import { shownValues, type RunRecord } from '../../../core/scaffolder/run-record.ts';
import type { RegisterResult } from '../../../scaffolder/source-registrar.ts';
import { escapeMrkdwn, slackDate, truncate } from '../../mrkdwn.ts';
import { contextBlock, fitLines, Limits, plural, sectionBlock } from '../blocks.ts';
import { askerOnlyMessage, ephemeralMessage, type SlackMessage } from '../slack-message.ts';
import { createdByText, durationText, outputLinkLines, runStatusText, valueText } from './run-text.ts';

const runText = (run: RunRecord): string => {
  const took =
    run.finishedAt && !Number.isNaN(Date.parse(run.finishedAt) - Date.parse(run.createdAt))
      ? ` in ${durationText(Date.parse(run.finishedAt) - Date.parse(run.createdAt))}`
      : '';
  const values = Object.entries(shownValues(run))
    .slice(0, 6)
    .map(([name, value]) => `${escapeMrkdwn(truncate(name, 40))}=${valueText(value)}`)
    .join(', ');
  const steps = run.steps.map((step) => `${step.id} ${step.status}${step.durationMs !== undefined ? ` ${durationText(step.durationMs)}` : ''}`).join(' · ');
  const failed = run.steps.find((step) => step.status === 'failed')?.error ?? (run.status === 'failed' ? run.error : undefined);
  return [
    `*${escapeMrkdwn(truncate(run.templateTitle || run.templateRef, 120))}* \`${escapeMrkdwn(run.templateRef)}\` — ${runStatusText(run)}${took}`,
    `${createdByText(run.createdBy)} · ${slackDate(run.createdAt)} · run \`${escapeMrkdwn(run.id)}\``,
    ...(values ? [`Values: ${values}`] : []),
    ...(steps ? [`Steps: ${escapeMrkdwn(truncate(steps, 600))}`] : []),
    ...(failed ? [`Error: ${escapeMrkdwn(truncate(failed, 300))}`] : []),
    ...outputLinkLines(run).slice(0, 5),
  ].join('\n');
};

/** `/callboard runs`: the recorded runs, newest first, as many as fit one message. */
export const runsListView = (runs: readonly RunRecord[]): SlackMessage => {
  if (runs.length === 0)
    return askerOnlyMessage('No template runs yet.', [
      sectionBlock('No template has been run yet. `/create` lists the templates you may run.', 'scaffolder.runs.none'),
    ]);
  const texts = runs.slice(0, 20).map(runText);
  const { shown } = fitLines(texts, Limits.messageChars - 400);
  const blocks: KnownBlock[] = [
    sectionBlock(`*Recent template runs* (${plural(runs.length, 'run')}, newest first)`, 'scaffolder.runs.intro'),
    ...shown.map((text, index) => sectionBlock(text, `scaffolder.runs.${index}`)),
  ];
  const hidden = runs.length - shown.length;
  if (hidden > 0) blocks.push(contextBlock([`…and ${plural(hidden, 'older run')}: \`callboard runs\` lists every one.`], 'scaffolder.runs.more'));
  return ephemeralMessage(`Recent template runs (${runs.length})`, blocks);
};

/** `/callboard register <url>` done: the source and what its first sync found. */
export const registeredView = (result: RegisterResult): SlackMessage => {
  const url = escapeMrkdwn(truncate(result.source.url, 500));
  const found =
    result.entityRefs.length > 0
      ? `It holds ${result.entityRefs
          .slice(0, 10)
          .map((ref) => `\`${escapeMrkdwn(ref)}\``)
          .join(', ')}${result.entityRefs.length > 10 ? ` and ${result.entityRefs.length - 10} more` : ''}.`
      : 'Its first sync found no entities yet; `/callboard errors` shows why.';
  const head = result.created
    ? `:white_check_mark: Registered \`${url}\` as catalog source \`${escapeMrkdwn(result.source.id)}\`.`
    : `\`${url}\` was already registered as \`${escapeMrkdwn(result.source.id)}\`.`;
  return ephemeralMessage(`Registered ${url}`, [sectionBlock(`${head} ${found}`, 'scaffolder.register.done')]);
};

/** A short private note: a refusal, a form that expired, a feature not set up. `text` is escaped mrkdwn. */
export const scaffolderNoticeView = (text: string, icon = ':information_source:'): SlackMessage =>
  askerOnlyMessage(text, [sectionBlock(`${icon} ${text}`, 'scaffolder.notice')]);
