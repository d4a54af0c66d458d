import type { KnownBlock } from '@slack/types';
import type { SlackMessage } from '../../slack/views/slack-message.ts';

/** mrkdwn as a terminal shows it: links as `label (url)`, mentions and dates by their fallbacks, escapes decoded. */
export const plainFromMrkdwn = (text: string): string =>
  text
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(
      /<([@#!])([^|>]+)(?:\|([^>]*))?>/g,
      (_match, sigil: string, id: string, label: string | undefined) => `${sigil === '!' ? '@' : sigil}${label ?? id}`,
    )
    .replace(/<(mailto:)?([^|>]+)\|([^>]+)>/g, (_match, mailto: string | undefined, url: string, label: string) =>
      mailto || url === label ? label : `${label} (${url})`,
    )
    .replace(/<([^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

type TextLike = { text?: string } | undefined;
const textOf = (object: TextLike): string => plainFromMrkdwn(object?.text ?? '');

const elementText = (element: Record<string, unknown>): string => {
  const options = (element.options ?? (element.option_groups as Array<{ options: unknown[] }> | undefined)?.flatMap((group) => group.options)) as
    Array<{ text: TextLike }> | undefined;
  if (options) return `${textOf(element.placeholder as TextLike) || 'Choose'}: ${options.map((option) => textOf(option.text)).join(' | ')}`;
  const url = typeof element.url === 'string' ? ` (${element.url})` : '';
  return `[${textOf(element.text as TextLike)}]${url}`;
};

const blockText = (block: KnownBlock): string | undefined => {
  switch (block.type) {
    case 'header':
      return `== ${textOf(block.text)} ==`;
    case 'section':
      return [
        block.text ? textOf(block.text) : undefined,
        ...(block.fields ?? []).map(textOf),
        block.accessory ? elementText(block.accessory as unknown as Record<string, unknown>) : undefined,
      ]
        .filter((part) => part)
        .join('\n');
    case 'context':
      return block.elements.map((element) => ('text' in element ? textOf(element) : '')).join('  ');
    case 'divider':
      return '----';
    case 'actions':
      return block.elements.map((element) => elementText(element as unknown as Record<string, unknown>)).join('  ');
    default:
      return undefined;
  }
};

/** A Slack message as readable text: what `callboard ask` prints. */
export const formatSlackMessage = (message: SlackMessage): string => {
  const parts = message.blocks.map(blockText).filter((part): part is string => part !== undefined && part.length > 0);
  return parts.length > 0 ? parts.join('\n\n') : plainFromMrkdwn(message.text);
};
