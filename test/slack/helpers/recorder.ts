import type { RespondArguments, RespondFn } from '@slack/bolt';
import { expect } from 'vitest';
import { checkMessageLimits } from '../../helpers/block-kit/check-block-kit-limits.ts';
import type { SlackMessage } from '../../../src/slack/views/slack-message.ts';

/** Listeners answer with views (text and blocks), never a bare string or a message without blocks. */
const asSlackMessage = (message: string | RespondArguments): SlackMessage => {
  const blocks: unknown = typeof message === 'object' && 'blocks' in message ? message.blocks : undefined;
  if (typeof message === 'string' || typeof message.text !== 'string' || !Array.isArray(blocks))
    throw new Error(`listeners respond with a view (text and blocks), got ${JSON.stringify(message)}`);
  return { ...message, text: message.text, blocks: blocks as SlackMessage['blocks'] };
};

/** Fake ack/respond that record the order of calls; every message sent is held to Slack's limits. */
export const recorder = () => {
  const events: string[] = [];
  const replies: SlackMessage[] = [];
  const ack = async (body?: unknown) => {
    if (body !== undefined) throw new Error('listeners ack with no body; answers go through respond()');
    events.push('ack');
  };
  const respond: RespondFn = async (sent) => {
    const message = asSlackMessage(sent);
    expect(checkMessageLimits({ text: message.text, blocks: message.blocks })).toEqual([]);
    events.push('respond');
    replies.push(message);
    return new Response('ok');
  };
  return { events, replies, ack, respond, last: () => replies.at(-1)! };
};

/** Every block id in a message, to assert which view answered. */
export const blockIds = (message: { blocks: Array<{ block_id?: string }> }): string[] => message.blocks.map((block) => block.block_id ?? '');

/** All text of a message, for "never broadcast" and content checks. */
export const allText = (message: unknown): string => JSON.stringify(message);
