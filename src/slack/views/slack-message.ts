import type { KnownBlock } from '@slack/types';
import { truncateMrkdwn } from '../mrkdwn.ts';

/**
 * What a view returns for `respond()`/`say()`/`chat.postMessage`. `text` is the notification and
 * screen-reader fallback; Slack parses it as mrkdwn, so views build it from escaped parts.
 */
export interface SlackMessage {
  response_type?: 'ephemeral' | 'in_channel';
  text: string;
  blocks: KnownBlock[];
  replace_original?: boolean;
  /**
   * Set by the views that concern the asker alone: a dead end (nothing by that name, a usage hint, a
   * failure, a refusal) or a choice only they can make. Where others would see an answer (a mention's
   * thread), such a message goes to the asker only. Callboard's own flag; Slack ignores it.
   */
  forAskerOnly?: boolean;
}

/** Slack recommends notification text under 4,000 characters; the fallback never needs more. */
const MAX_FALLBACK = 3000;

/** Answers start private: the asker decides whether to share them (see `sharedCopy`). */
export const ephemeralMessage = (text: string, blocks: KnownBlock[]): SlackMessage => ({
  response_type: 'ephemeral',
  text: truncateMrkdwn(text.trim().length > 0 ? text : 'Callboard', MAX_FALLBACK),
  blocks,
});

/** The message as Slack takes it: Callboard's own routing flag stays home. */
export const slackPayload = ({ forAskerOnly: _routingOnly, ...payload }: SlackMessage): Omit<SlackMessage, 'forAskerOnly'> => payload;

/** A private answer that stays with the asker even where answers are shared (see `forAskerOnly`). */
export const askerOnlyMessage = (text: string, blocks: KnownBlock[]): SlackMessage => ({ ...ephemeralMessage(text, blocks), forAskerOnly: true });
