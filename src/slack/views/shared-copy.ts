import type { KnownBlock } from '@slack/types';
import { ActionIds } from '../ids.ts';
import { mention } from '../mrkdwn.ts';
import { contextBlock } from './blocks.ts';
import type { SlackMessage } from './slack-message.ts';

/** Everyone in the channel sees a shared copy, so the button that shares it again goes. */
const withoutShareButton = (blocks: readonly KnownBlock[]): KnownBlock[] =>
  blocks.flatMap((block): KnownBlock[] => {
    if (block.type !== 'actions') return [block];
    const elements = block.elements.filter((element) => !('action_id' in element) || element.action_id !== ActionIds.shareInChannel);
    return elements.length > 0 ? [{ ...block, elements }] : [];
  });

/**
 * Turns an ephemeral answer into the copy posted for the channel: visible to all, without the
 * Share button, saying who shared it. `replace_original: false` keeps the asker's private copy
 * when sent through a response_url; delete that separately if it should go.
 */
export const sharedCopy = (message: SlackMessage, sharedBy: string): SlackMessage => {
  const blocks = withoutShareButton(message.blocks);
  // A message holds at most 50 blocks: the "shared by" line replaces the last one rather than overflow.
  const room = blocks.length >= 50 ? blocks.slice(0, 49) : blocks;
  return {
    response_type: 'in_channel',
    replace_original: false,
    text: message.text,
    blocks: [...room, contextBlock([`Shared by ${mention(sharedBy)}`], 'shared.by')],
  };
};
