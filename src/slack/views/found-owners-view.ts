import type { KnownBlock } from '@slack/types';
import type { Entity } from '../../core/catalog/entity.ts';
import type { EntitySummary } from '../../core/catalog-reader/catalog-queries.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { contextBlock, packLines, plural, sectionBlock } from './blocks.ts';
import { displayNameOf, refCode, titleWithName } from './entity-text.ts';
import { teamChannelText } from './owner-text.ts';
import { ephemeralMessage, type SlackMessage } from './slack-message.ts';

/** One entity a message names, and who owns it (as the find-owner use case answers). */
export interface FoundOwner {
  entity: EntitySummary;
  /** The owner ref as written, even when no such entity exists. */
  ownerRef?: string;
  owner?: Entity;
}

/** Sections the list may use; 25 entities fit in far fewer. */
const MAX_SECTIONS = 10;

const ownerText = (found: FoundOwner, channelIds: ReadonlyMap<string, string> | undefined): string => {
  if (!found.ownerRef) return 'no owner recorded';
  if (!found.owner) return `${refCode(found.ownerRef)} (not in the catalog)`;
  const channel = teamChannelText(found.owner, channelIds);
  return [`*${escapeMrkdwn(truncate(displayNameOf(found.owner), 100))}*`, ...(channel ? [channel] : [])].join(' → ');
};

/** `• *Checkout Service* `checkout-service` (component) → *Checkout* → #team-checkout` */
const foundLine = (found: FoundOwner, channelIds: ReadonlyMap<string, string> | undefined): string => {
  const { entity } = found;
  const name = titleWithName(truncate(entity.name, 100), entity.title ? truncate(entity.title, 100) : undefined);
  return `• ${name} (${escapeMrkdwn(entity.kind.toLowerCase())}) → ${ownerText(found, channelIds)}`;
};

/**
 * The Find owner shortcut's answer: every entity the message names, one line each (entity → team
 * → channel); also the answer to "who owns a and b?" (with its own heading). Names only teams and
 * channels, never people, so it may be shared as it is.
 */
export const foundOwnersView = (
  found: readonly FoundOwner[],
  channelIds?: ReadonlyMap<string, string>,
  heading = 'Owners of what this message names',
  options: { more?: boolean } = {},
): SlackMessage => {
  if (found.length === 0) {
    const line = ':mag: That message names nothing in the catalog: no catalog name or repository link.';
    return ephemeralMessage(line, [sectionBlock(line, 'found.none')]);
  }
  const lines = [`*${heading} (${found.length})*`, ...found.map((entry) => foundLine(entry, channelIds))];
  const blocks: KnownBlock[] = packLines(lines)
    .slice(0, MAX_SECTIONS)
    .map((text, index) => sectionBlock(text, `found.list.${index}`));
  if (options.more)
    blocks.push(contextBlock([`The message names more than ${found.length} catalog entities; the first ${found.length} are listed.`], 'found.more'));
  blocks.push(contextBlock(['`/owner &lt;name&gt;` (or `/callboard owner &lt;name&gt;`) shows the full card, with members and links.'], 'found.hint'));
  const names = found.map((entry) => escapeMrkdwn(entry.entity.name)).join(', ');
  return ephemeralMessage(`Owners of ${plural(found.length, 'entity', 'entities')}: ${truncate(names, 500)}`, blocks);
};
