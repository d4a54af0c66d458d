import { sectionBlock } from '../blocks.ts';
import type { SlackMessage } from '../slack-message.ts';
import { escapeMrkdwn, truncate } from '../../mrkdwn.ts';
import { shortRef } from '../entity-text.ts';

/** Short answers around incident cards: nothing found, a card already here, a channel Callboard cannot join. */

const notice = (text: string, blockId: string): SlackMessage => ({ text, blocks: [sectionBlock(text, blockId)] });

/** The channel (or the words asked about) names no catalog entity: say how to ask. */
export const nothingFoundView = (asked?: string): SlackMessage =>
  notice(
    asked
      ? `No catalog entity found for "${escapeMrkdwn(truncate(asked, 100))}"; try \`@Callboard context &lt;name&gt;\` with a service's name.`
      : "No catalog entity found in this channel's name, topic or purpose; try `@Callboard context &lt;name&gt;`.",
    'incident.nothing_found',
  );

/** Cards asked for again in a channel that has them: never posted twice. */
export const alreadyPostedView = (refs: readonly string[]): SlackMessage =>
  notice(
    `The context card for ${refs.map((ref) => `\`${escapeMrkdwn(shortRef(ref))}\``).join(', ')} is already in this channel (scroll up): Callboard posts each card once per channel.`,
    'incident.already_posted',
  );

/** Callboard could not join or read the channel; the asker learns why and what to do. */
export const cannotJoinView = (reason: string): SlackMessage => notice(reason, 'incident.cannot_join');
