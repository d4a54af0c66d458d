import type { KnownBlock } from '@slack/types';
import { ActionIds } from '../ids.ts';
import { escapeMrkdwn, mention } from '../mrkdwn.ts';
import { contextBlock } from './blocks.ts';
import type { SlackMessage } from './slack-message.ts';

/** Everyone in the channel sees a shared copy, so the button that shares it again goes. */
const withoutShareButton = (blocks: readonly KnownBlock[]): KnownBlock[] =>
  blocks.flatMap((block): KnownBlock[] => {
    if (block.type !== 'actions') return [block];
    const elements = block.elements.filter((element) => !('action_id' in element) || element.action_id !== ActionIds.shareInChannel);
    return elements.length > 0 ? [{ ...block, elements }] : [];
  });

/** `<@U123>` or `<@U123|label>`: a user mention, which pings that person wherever it is posted. */
const USER_MENTION = /<@([UW][A-Z0-9]+)(?:\|([^<>]*))?>/g;

/**
 * A shared post never pings a team's members. Views asked with audience 'shared' already name
 * people instead; this is the guarantee for any view that did not: each user mention but the
 * sharer's own becomes plain text (its label, else "a teammate"). Mention text holds no quote or
 * backslash, so rewriting the serialised blocks is exact.
 */
export const withoutMemberMentions = <T>(value: T, keepUserId?: string): T =>
  JSON.parse(
    JSON.stringify(value).replace(USER_MENTION, (whole, id: string, label: string | undefined) =>
      id === keepUserId ? whole : label?.trim() ? escapeMrkdwn(label.trim()) : 'a teammate',
    ),
  ) as T;

/**
 * Turns an ephemeral answer into the copy posted for the channel: visible to all, without the
 * Share button and without member mentions, saying who shared it. `replace_original: false` keeps
 * the asker's private copy when sent through a response_url; delete that separately if it should go.
 */
export const sharedCopy = (message: SlackMessage, sharedBy: string): SlackMessage => {
  const blocks = withoutMemberMentions(withoutShareButton(message.blocks), sharedBy);
  // A message holds at most 50 blocks: the "shared by" line replaces the last one rather than overflow.
  const room = blocks.length >= 50 ? blocks.slice(0, 49) : blocks;
  return {
    response_type: 'in_channel',
    replace_original: false,
    text: withoutMemberMentions(message.text, sharedBy),
    blocks: [...room, contextBlock([`Shared by ${mention(sharedBy)}`], 'shared.by')],
  };
};
