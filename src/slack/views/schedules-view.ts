import type { KnownBlock } from '@slack/types';
import type { ScheduleStatus } from '../../schedule/schedule-status.ts';
import { channelMention, escapeMrkdwn, truncateMrkdwn } from '../mrkdwn.ts';
import { ephemeralMessage, type SlackMessage } from './slack-message.ts';

/** Sections shown at most; the rest are counted and left to `callboard schedules`. */
const MAX_LISTED = 25;
/** Slack refuses a message whose blocks hold more than about 12,000 characters in all (`msg_blocks_too_long`); this leaves room for the closing line. */
const BLOCKS_TEXT_BUDGET = 11_000;
/** A failure reason can be a long Slack or catalog error; the CLI shows it whole. */
const MAX_REASON = 200;

// Cut before escaping, so an entity such as `&amp;` is never split.
const clipReason = (reason: string): string => (reason.length <= MAX_REASON ? reason : `${reason.slice(0, MAX_REASON - 1)}…`);

const when = (iso: string): string => `<!date^${Math.floor(Date.parse(iso) / 1000)}^{date_short_pretty} {time}|${iso}>`;

const scheduleText = (status: ScheduleStatus): string => {
  const lines = [
    `*${escapeMrkdwn(status.id)}* · ${escapeMrkdwn(status.post)}${status.team ? ` for ${escapeMrkdwn(status.team)}` : ''} → ${channelMention(status.channel)}`,
    `\`${escapeMrkdwn(status.cron)}\` (${escapeMrkdwn(status.timezone)})${status.quiet ? ` · quiet ${status.quiet}` : ''} · ${status.origin === 'config' ? 'from callboard.yaml' : 'subscribed in Slack'}`,
    `Next: ${status.next ? when(status.next.postAt) : 'none'} · Last post: ${status.lastPost ? when(status.lastPost.at) : 'never'}`,
    ...(status.failing ? [`:warning: Failing: ${escapeMrkdwn(clipReason(status.failing))}`] : []),
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
  const blocks: KnownBlock[] = [];
  let used = 0;
  for (const status of statuses.slice(0, MAX_LISTED)) {
    const text = scheduleText(status);
    if (used + text.length > BLOCKS_TEXT_BUDGET) break;
    used += text.length;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
  }
  const hidden = statuses.length - blocks.length;
  if (hidden > 0)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `…and ${hidden} more: \`callboard schedules\` lists them all.` }],
    });
  const failing = statuses.filter((status) => status.failing).length;
  return ephemeralMessage(`${statuses.length} scheduled post${statuses.length === 1 ? '' : 's'}${failing ? `, ${failing} failing` : ''}`, blocks);
};

/** A one-line private answer (a subscription made or removed, a refusal, usage). */
export const scheduleNoticeView = (text: string): SlackMessage =>
  ephemeralMessage(text, [{ type: 'section', text: { type: 'mrkdwn', text: truncateMrkdwn(text, 3000) } }]);
