import type { KnownBlock } from '@slack/types';
import type { SourceSyncResult, SyncSummary } from '../../core/sync/sync-summary.ts';
import { escapeMrkdwn, slackDate, truncate } from '../mrkdwn.ts';
import { contextBlock, fitLines, plural, sectionBlock } from './blocks.ts';
import { allowListText } from './allow-list-text.ts';
import { problemCountsText } from './problem-text.ts';
import { askerOnlyMessage, ephemeralMessage, type SlackMessage } from './slack-message.ts';

const SOURCE_CHARS = 2500;

/** Shown at once while the pass runs; the listener replaces it with the summary. */
export const syncStartedView = (): SlackMessage =>
  ephemeralMessage('Syncing the catalog…', [
    sectionBlock(':arrows_counterclockwise: Syncing the catalog from every source… This message updates when the pass is done.', 'sync.started'),
  ]);

const OUTCOME_ICON: Record<SourceSyncResult['outcome'], string> = { synced: ':white_check_mark:', unchanged: ':heavy_minus_sign:', unavailable: ':x:' };

const sourceLine = (source: SourceSyncResult): string => {
  const files =
    source.outcome === 'synced' ? ` (${plural(source.filesRead, 'file')} read${source.filesRemoved > 0 ? `, ${source.filesRemoved} removed` : ''})` : '';
  const message = source.message ? `: ${escapeMrkdwn(truncate(source.message, 300))}` : '';
  return `${OUTCOME_ICON[source.outcome]} \`${escapeMrkdwn(truncate(source.id, 150))}\` ${source.outcome}${files}${message}`;
};

const sourcesText = (sources: readonly SourceSyncResult[]): string => {
  const { shown, hidden } = fitLines(sources.map(sourceLine), SOURCE_CHARS);
  return [`*Sources (${sources.length})*`, ...shown, ...(hidden > 0 ? [`…and ${plural(hidden, 'more source')}`] : [])].join('\n');
};

/** The result of a sync pass: what changed, how many problems remain, and how each source fared. */
export const syncSummaryView = (summary: SyncSummary, options: { admin?: boolean } = {}): SlackMessage => {
  const changes = `${plural(summary.added, 'entity', 'entities')} added, ${summary.updated} updated, ${summary.removed} removed`;
  const counts = { errors: summary.errors, warnings: summary.warnings };
  const problems =
    counts.errors + counts.warnings > 0
      ? `${problemCountsText(counts)} in the catalog: ${options.admin ? "`/callboard errors all` lists them all, `/callboard errors` your teams'." : "`/callboard errors` lists your teams'."}`
      : `${problemCountsText(counts)}.`;
  const unavailable = summary.sources.filter((source) => source.outcome === 'unavailable').length;
  const headline =
    unavailable > 0
      ? `:warning: Sync finished, but ${plural(unavailable, 'source was', 'sources were')} unreachable (their last good state is kept).`
      : ':white_check_mark: Sync finished.';
  const blocks: KnownBlock[] = [sectionBlock(`${headline}\n${changes}.\n${problems}`, 'sync.summary')];
  if (summary.sources.length > 0) blocks.push(sectionBlock(sourcesText(summary.sources), 'sync.sources'));
  blocks.push(contextBlock([`Started ${slackDate(summary.startedAt)}, took ${(summary.durationMs / 1000).toFixed(1)} s`], 'sync.timing'));
  return ephemeralMessage(`Sync finished: ${changes}.`, blocks);
};

/** Manual syncs are for those `slack.syncAllowed` names; everyone else still gets the scheduled ones. One line saying who can. */
export const syncNotAllowedView = (allowed: readonly string[]): SlackMessage => {
  const line = `:lock: Only some people can start a sync by hand: ${allowListText(allowed, 'slack.syncAllowed')}. The catalog also syncs on its schedule, so a merged change shows up within minutes.`;
  return askerOnlyMessage(line, [sectionBlock(line, 'sync.denied')]);
};
