import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn } from '../../slack/mrkdwn.ts';
import type { ScheduledMessage } from './post-type.ts';

/**
 * Block Kit for a rendered scorecard digest: one section per part of the message (the template separates them with
 * blank lines), each within Slack's 3,000 characters, at most 50 blocks, and no more text than one message's blocks
 * hold. What does not fit is cut at a line end and counted ("…and 12 more lines"), so an override that lists far more
 * still posts.
 */

const SECTION_LIMIT = 3000;
const MAX_BLOCKS = 50;
/** Header and context. */
const MAX_SECTIONS = MAX_BLOCKS - 2;
/** Slack refuses a message whose blocks hold more than about 12,000 characters (`msg_blocks_too_long`). */
const MESSAGE_BLOCKS_BUDGET = 11_000;
const HEADER_LIMIT = 150;
/** Room kept for the "…and N more lines" line. */
const MORE_ROOM = 40;

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

const more = (count: number, what: string): string => `…and ${count} more ${what}`;

/** The whole lines of `text` that fit in `limit`, then a count of the lines left out. */
export const fitLines = (text: string, limit: number): string => {
  if (text.length <= limit) return text;
  const lines = text.split('\n');
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    const added = (kept.length === 0 ? 0 : 1) + line.length;
    if (length + added > limit - MORE_ROOM) break;
    kept.push(line);
    length += added;
  }
  // A single line longer than the section: cut it instead of showing nothing.
  if (kept.length === 0) return lines.length === 1 ? clip(lines[0]!, limit) : `${clip(lines[0]!, limit - MORE_ROOM)}\n${more(lines.length - 1, 'lines')}`;
  return `${kept.join('\n')}\n${more(lines.length - kept.length, 'lines')}`;
};

/** Sections of the body, each fitted, until the message's budget or block count is reached. */
export const fitSections = (body: string): string[] => {
  const parts = body
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const sections: string[] = [];
  // Room is kept for the line saying how many parts were left out.
  let budget = MESSAGE_BLOCKS_BUDGET - 2 * MORE_ROOM;
  for (const [index, part] of parts.entries()) {
    const left = parts.length - index;
    if (sections.length === MAX_SECTIONS - 1 && left > 1) {
      sections.push(more(left, 'parts, cut to fit one Slack message'));
      break;
    }
    const section = fitLines(part, Math.min(SECTION_LIMIT, budget));
    if (budget < MORE_ROOM * 2) {
      sections.push(more(left, 'parts, cut to fit one Slack message'));
      break;
    }
    sections.push(section);
    budget -= section.length;
  }
  return sections;
};

export const scorecardDigestView = (input: { title: string; body: string; context: string }): ScheduledMessage => {
  const sections = fitSections(input.body);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(input.title, HEADER_LIMIT), emoji: true } },
    ...sections.map((text): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } })),
    { type: 'context', elements: [{ type: 'mrkdwn', text: clip(input.context, SECTION_LIMIT) }] },
  ];
  const firstLine = sections[0]?.split('\n')[0] ?? '';
  // The header is plain text, but the notification text is read as mrkdwn: the title (catalog titles) is escaped there.
  return { text: clip(`${escapeMrkdwn(input.title)}: ${firstLine}`, 3000), blocks };
};
