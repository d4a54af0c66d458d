import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn } from '../../slack/mrkdwn.ts';
import type { ScheduledMessage } from './post-type.ts';

/**
 * Block Kit for a scheduled post rendered from a handlebars message: a header, the text in sections, a context line.
 * The data given to a template is already cut down (counts plus the first few); this keeps any template, an
 * override included, inside Slack's limits: sections of at most 3,000 characters, split at line ends, and no more
 * text than Slack takes in one message's blocks.
 */

const SECTION_LIMIT = 3000;
/** Slack refuses a message whose blocks hold more than about 12,000 characters (`msg_blocks_too_long`). */
const MESSAGE_BLOCKS_BUDGET = 11_000;
const MAX_SECTIONS = 40;
const HEADER_LIMIT = 150;
const CUT = '\n…(cut to fit one Slack message)';

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Splits at line ends into pieces of at most `limit`; a single longer line is cut. */
const splitLines = (text: string, limit: number): string[] => {
  const pieces: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    if (current !== '') pieces.push(current);
    current = clip(line, limit);
  }
  if (current.trim() !== '') pieces.push(current);
  return pieces;
};

const fitBudget = (body: string): string => (body.length <= MESSAGE_BLOCKS_BUDGET ? body : `${body.slice(0, MESSAGE_BLOCKS_BUDGET - CUT.length)}${CUT}`);

export const renderedMessageView = (input: { title: string; body: string; context: string }): ScheduledMessage => {
  const sections = splitLines(fitBudget(input.body), SECTION_LIMIT).slice(0, MAX_SECTIONS);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(input.title, HEADER_LIMIT), emoji: true } },
    ...sections.map((text): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } })),
    { type: 'context', elements: [{ type: 'mrkdwn', text: clip(input.context, SECTION_LIMIT) }] },
  ];
  const firstLine = sections[0]?.split('\n').find((line) => line.trim() !== '') ?? '';
  // The header is plain text, but the notification text is read as mrkdwn: the title (catalog titles) is escaped there.
  return { text: clip(`${escapeMrkdwn(input.title)}: ${firstLine}`, 3000), blocks };
};
