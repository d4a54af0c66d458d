import type { KnownBlock } from '@slack/types';
import type { ScheduleStatus } from '../../schedule/schedule-status.ts';
import { channelMention, escapeMrkdwn, truncateMrkdwn } from '../mrkdwn.ts';
import { ephemeralMessage, type SlackMessage } from './slack-message.ts';

/** Sections shown at most (about 300 characters each, well inside the ~12,000 Slack takes in one message); the rest are counted and left to `callboard schedules`. */
const MAX_LISTED = 25;

const when = (iso: string): string => `<!date^${Math.floor(Date.parse(iso) / 1000)}^{date_short_pretty} {time}|${iso}>`;

const scheduleText = (status: ScheduleStatus): string => {
  const lines = [
    `*${escapeMrkdwn(status.id)}* · ${escapeMrkdwn(status.post)}${status.team ? ` for ${escapeMrkdwn(status.team)}` : ''} → ${channelMention(status.channel)}`,
    `\`${escapeMrkdwn(status.cron)}\` (${escapeMrkdwn(status.timezone)})${status.quiet ? ` · quiet ${status.quiet}` : ''} · ${status.origin === 'config' ? 'from callboard.yaml' : 'subscribed in Slack'}`,
    `Next: ${status.next ? when(status.next.postAt) : 'none'} · Last post: ${status.lastPost ? when(status.lastPost.at) : 'never'}`,
    ...(status.failing ? [`:warning: Failing: ${escapeMrkdwn(status.failing)}`] : []),
  ];
  return truncateMrkdwn(lines.join('\n'), 3000);
};

/** `/callboard schedules`: every scheduled post, where and when, and why one is failing. */
export const schedulesView = (statuses: readonly ScheduleStatus[]): SlackMessage => {
  if (statuses.length === 0)
    return ephemeralMessage('No scheduled posts', [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: 'No scheduled posts yet. `/callboard subscribe health [team]` in a channel posts its catalog health every Monday.' },
      },
    ]);
  const shown = statuses.slice(0, MAX_LISTED);
  const blocks: KnownBlock[] = shown.map((status) => ({ type: 'section', text: { type: 'mrkdwn', text: scheduleText(status) } }));
  if (statuses.length > shown.length)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `…and ${statuses.length - shown.length} more: \`callboard schedules\` lists them all.` }],
    });
  const failing = statuses.filter((status) => status.failing).length;
  return ephemeralMessage(`${statuses.length} scheduled post${statuses.length === 1 ? '' : 's'}${failing ? `, ${failing} failing` : ''}`, blocks);
};

/** A one-line private answer (a subscription made or removed, a refusal, usage). */
export const scheduleNoticeView = (text: string): SlackMessage =>
  ephemeralMessage(text, [{ type: 'section', text: { type: 'mrkdwn', text: truncateMrkdwn(text, 3000) } }]);
