import type { KnownBlock } from '@slack/types';
import type { Entity } from '../../core/catalog/entity.ts';
import { entityRefOf } from '../../core/catalog/refs.ts';
import type { OwnedEntitySummary } from '../../core/catalog-reader/catalog-queries.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { actionsBlock, contextBlock, headerBlock, plural, sectionBlock } from './blocks.ts';
import { displayNameOf, shortRef } from './entity-text.ts';
import { pageButtons, pageCounterText, pageSlice } from './page-buttons.ts';
import { ephemeralMessage, type SlackMessage } from './slack-message.ts';

/** Lines per page: each at most ~260 characters, so a page stays one section within its 3,000. */
export const OWNED_PAGE_SIZE = 10;

const line = (entity: OwnedEntitySummary, groupRef: string): string => {
  const title = entity.title && entity.title !== entity.name ? `  ·  ${escapeMrkdwn(truncate(entity.title, 80))}` : '';
  // Owned through a child team: say which, so the reader knows whom to ask.
  const via = entity.ownerRef.toLowerCase() === groupRef ? '' : `  ·  _${escapeMrkdwn(truncate(shortRef(entity.ownerRef), 60))}_`;
  return `• \`${escapeMrkdwn(truncate(shortRef(entity.ref), 80))}\`  ·  ${escapeMrkdwn(entity.kind.toLowerCase())}${title}${via}`;
};

/**
 * Everything a team owns, a page at a time, kind by kind: the true count, the page counter, Next /
 * Previous in place and Download CSV for the whole list. `owned` is the full list in display order.
 */
export const ownedListView = (group: Entity, owned: readonly OwnedEntitySummary[], page = 1): SlackMessage => {
  const ref = entityRefOf(group);
  const name = displayNameOf(group);
  const slice = pageSlice(owned.length, page, OWNED_PAGE_SIZE);
  const blocks: KnownBlock[] = [headerBlock(`What ${name} owns`, 'owned.header')];
  if (owned.length === 0) {
    blocks.push(sectionBlock(`${escapeMrkdwn(name)} owns nothing in the catalog yet.`, 'owned.empty'));
    return ephemeralMessage(`${escapeMrkdwn(name)} owns nothing in the catalog yet.`, blocks);
  }
  const counter = slice.pageCount > 1 ? `  ·  showing ${pageCounterText(slice)}` : '';
  blocks.push(contextBlock([`${plural(owned.length, 'entity', 'entities')}, kind by kind${counter}`], 'owned.summary'));
  blocks.push(
    sectionBlock(
      owned
        .slice(slice.start, slice.end)
        .map((entity) => line(entity, ref))
        .join('\n'),
      'owned.list',
    ),
  );
  const paging = pageButtons(slice, { view: 'owned', ref, page: slice.page });
  if (paging.length > 0) blocks.push(actionsBlock(paging, 'owned.actions'));
  return ephemeralMessage(
    `${escapeMrkdwn(name)} owns ${plural(owned.length, 'entity', 'entities')}${slice.pageCount > 1 ? ` (showing ${pageCounterText(slice)})` : ''}.`,
    blocks,
  );
};
