import type { KnownBlock } from '@slack/types';
import type { SearchHit, SearchResult } from '../../core/catalog-reader/catalog-queries.ts';
import { ActionIds } from '../ids.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { actionsBlock, contextBlock, headerBlock, plural, sectionBlock, staticSelect } from './blocks.ts';
import { refCode, shortRef, titleWithName } from './entity-text.ts';
import { ephemeralMessage, type SlackMessage } from './slack-message.ts';

/** One section per hit with an Owner button; more hits than this are counted, not listed. */
const MAX_HITS = 15;
const MAX_DESCRIPTION = 300;
const MAX_QUERY = 100;

const hitText = (hit: SearchHit, rank: number): string => {
  const owner = hit.ownerRef ? `owned by ${escapeMrkdwn(shortRef(hit.ownerRef))}` : '_no owner_';
  const lines = [
    `${rank}. ${titleWithName(hit.name, hit.title ? truncate(hit.title, 100) : undefined)}  ·  ${escapeMrkdwn(hit.kind.toLowerCase())}  ·  ${owner}`,
  ];
  if (hit.description) lines.push(escapeMrkdwn(truncate(hit.description, MAX_DESCRIPTION)));
  return lines.join('\n');
};

const nothingFound = (query: string): SlackMessage => {
  const quoted = escapeMrkdwn(truncate(query.trim(), MAX_QUERY));
  const text = [
    `Nothing in the catalog matches *${quoted}*.`,
    '• Try fewer or shorter words: words match as prefixes, so `check` finds `checkout-service`.',
    '• Search by team, tag or description words too, e.g. `/find payments` or `/find kotlin`.',
    '• Know the exact name? `/owner &lt;name&gt;` answers directly.',
  ].join('\n');
  return ephemeralMessage(`Nothing matches ${quoted}.`, [sectionBlock(text, 'search.empty')]);
};

/** Ranked search hits with kind, owner and description; a corrected query is said out loud. */
export const searchResultsView = (result: SearchResult): SlackMessage => {
  if (result.hits.length === 0) return nothingFound(result.query);
  const quoted = escapeMrkdwn(truncate(result.query.trim(), MAX_QUERY));
  const blocks: KnownBlock[] = [headerBlock(`Search: ${truncate(result.query.trim(), MAX_QUERY)}`, 'search.header')];
  const summary = result.didYouMean
    ? `Nothing matched *${quoted}*. Did you mean *${escapeMrkdwn(result.didYouMean)}*? Showing ${plural(result.hits.length, 'result')} for that.`
    : `${plural(result.hits.length, 'result')}, best match first.`;
  blocks.push(contextBlock([summary], 'search.summary'));
  const shown = result.hits.slice(0, MAX_HITS);
  shown.forEach((hit, index) => blocks.push(sectionBlock(hitText(hit, index + 1), `search.hit.${index}`)));
  const hidden = result.hits.length - shown.length;
  if (hidden > 0) blocks.push(contextBlock([`${plural(hidden, 'more result')} not shown. Add a word to narrow the search.`], 'search.more'));
  // One menu rather than a button per hit: action ids stay unique in the message, as Bolt routing wants.
  const options = shown.map((hit, index) => ({ text: `${index + 1}. ${hit.title ?? hit.name} (${hit.kind.toLowerCase()})`, value: hit.ref }));
  blocks.push(actionsBlock([staticSelect(ActionIds.showOwner, 'Show the owner of…', options)], 'search.actions'));
  const best = result.hits[0]!;
  return ephemeralMessage(`${plural(result.hits.length, 'result')} for ${quoted}; best: ${escapeMrkdwn(best.name)} (${refCode(best.ref)})`, blocks);
};
