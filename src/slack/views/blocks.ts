import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  MrkdwnElement,
  PlainTextElement,
  PlainTextOption,
  SectionBlock,
  SectionBlockAccessory,
  StaticSelect,
} from '@slack/types';
import { safeUrl, truncate, truncateMrkdwn } from '../mrkdwn.ts';

/** Block Kit limits the builders enforce (shared/reference/slack-platform.md §4). */
export const Limits = {
  text: 3000,
  field: 2000,
  header: 150,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  optionValue: 150,
  options: 100,
  contextElements: 10,
  sectionFields: 10,
  actionsElements: 25,
  messageBlocks: 50,
  viewBlocks: 100,
  /** Slack rejects messages whose blocks hold more than ~12k characters in all (msg_blocks_too_long). */
  messageChars: 11_000,
} as const;

// Slack rejects empty text objects; a dash says "nothing here" without breaking the message.
const nonEmpty = (text: string): string => (text.trim().length > 0 ? text : '–');

/** plain_text is never parsed by Slack, so it takes raw catalog text: escaping would show `&amp;`. */
export const plainText = (text: string, max: number = Limits.text): PlainTextElement => ({
  type: 'plain_text',
  text: truncate(nonEmpty(text), max),
  emoji: true,
});

/** mrkdwn text that the caller has already escaped; only the length is enforced here. */
export const mrkdwnText = (text: string, max: number = Limits.text): MrkdwnElement => ({ type: 'mrkdwn', text: truncateMrkdwn(nonEmpty(text), max) });

export const headerBlock = (text: string, blockId: string): HeaderBlock => ({ type: 'header', block_id: blockId, text: plainText(text, Limits.header) });

export const sectionBlock = (text: string, blockId: string, accessory?: SectionBlockAccessory): SectionBlock => ({
  type: 'section',
  block_id: blockId,
  text: mrkdwnText(text),
  ...(accessory ? { accessory } : {}),
});

/** A two-column section of at most ten fields (Slack's limit); callers send fewer. */
export const fieldsBlock = (fields: readonly string[], blockId: string): SectionBlock => ({
  type: 'section',
  block_id: blockId,
  fields: fields.slice(0, Limits.sectionFields).map((field) => mrkdwnText(field, Limits.field)),
});

export const contextBlock = (texts: readonly string[], blockId: string): ContextBlock => ({
  type: 'context',
  block_id: blockId,
  elements: texts.slice(0, Limits.contextElements).map((text) => mrkdwnText(text)),
});

export const dividerBlock = (blockId: string): DividerBlock => ({ type: 'divider', block_id: blockId });

export const actionsBlock = (elements: ActionsBlock['elements'], blockId: string): ActionsBlock => ({
  type: 'actions',
  block_id: blockId,
  elements: elements.slice(0, Limits.actionsElements),
});

export interface ButtonSpec {
  text: string;
  actionId: string;
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
}

/** A button; a value too long for Slack is dropped rather than cut, since a cut ref is a wrong ref. */
export const button = (spec: ButtonSpec): Button => {
  const url = spec.url ? safeUrl(spec.url) : undefined;
  return {
    type: 'button',
    action_id: spec.actionId,
    text: plainText(spec.text, Limits.buttonText),
    ...(spec.value !== undefined && spec.value.length <= Limits.buttonValue ? { value: spec.value } : {}),
    ...(url ? { url } : {}),
    ...(spec.style ? { style: spec.style } : {}),
  };
};

/** A static_select over at most 100 options; options whose value would not fit are left out. */
export const staticSelect = (actionId: string, placeholder: string, options: ReadonlyArray<{ text: string; value: string }>): StaticSelect => ({
  type: 'static_select',
  action_id: actionId,
  placeholder: plainText(placeholder, 150),
  options: options
    .filter((option) => option.value.length <= Limits.optionValue)
    .slice(0, Limits.options)
    .map((option): PlainTextOption => ({ text: plainText(option.text, Limits.optionText), value: option.value })),
});

/**
 * Splits lines into chunks of at most `max` characters, whole lines only (a line longer than
 * `max` is cut on its own), so a link or mention is never split across two text objects.
 */
export const packLines = (lines: readonly string[], max: number = Limits.text): string[] => {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = truncateMrkdwn(raw, max);
    if (current.length > 0 && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = '';
    }
    current = current.length > 0 ? `${current}\n${line}` : line;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
};

/** The longest prefix of `lines` whose joined length stays within `budget`, and how many were left. */
export const fitLines = (lines: readonly string[], budget: number): { shown: string[]; hidden: number } => {
  const shown: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > budget) break;
    shown.push(line);
    used += line.length + 1;
  }
  return { shown, hidden: lines.length - shown.length };
};

/** "1 entity" / "3 entities": counts read better than "3 entity(s)". */
export const plural = (count: number, one: string, many = `${one}s`): string => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
