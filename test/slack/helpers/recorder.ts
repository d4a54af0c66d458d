import { expect } from 'vitest';
import { checkMessageLimits } from '../../helpers/block-kit/check-block-kit-limits.ts';
import type { SlackMessage } from '../../../src/slack/views/slack-message.ts';

/** Fake ack/respond that record the order of calls; every message sent is held to Slack's limits. */
export const recorder = () => {
  const events: string[] = [];
  const replies: SlackMessage[] = [];
  const ack = async (body?: unknown) => {
    if (body !== undefined) throw new Error('listeners ack with no body; answers go through respond()');
    events.push('ack');
  };
  const respond = async (message: SlackMessage) => {
    expect(checkMessageLimits({ text: message.text, blocks: message.blocks })).toEqual([]);
    events.push('respond');
    replies.push(message);
    return { ok: true };
  };
  return { events, replies, ack, respond, last: () => replies.at(-1)! };
};

/** Every block id in a message, to assert which view answered. */
export const blockIds = (message: { blocks: Array<{ block_id?: string }> }): string[] => message.blocks.map((block) => block.block_id ?? '');

/** All text of a message, for "never broadcast" and content checks. */
export const allText = (message: unknown): string => JSON.stringify(message);
