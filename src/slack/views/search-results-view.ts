import type { KnownBlock } from '@slack/types';
import type { SearchHit, SearchResult } from '../../core/catalog-reader/catalog-queries.ts';
import { ActionIds } from '../ids.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { actionsBlock, contextBlock, headerBlock, plural, sectionBlock, staticSelect } from './blocks.ts';
import type { LinkedDocsHit } from '../../usecases/docs/docs-ports.ts';
import { docsHitBlocks } from './docs-hits-group.ts';
import { refCode, shortRef, titleWithName } from './entity-text.ts';
import { pageButtons, pageCounterText, pageSlice, type PageSlice } from './page-buttons.ts';
import { askerOnlyMessage, ephemeralMessage, type SlackMessage } from './slack-message.ts';

/** Hits per page: one section each (at most ~420 characters), within 50 blocks and the message's text budget. */
export const SEARCH_PAGE_SIZE = 15;
const MAX_DESCRIPTION = 300;
const MAX_QUERY = 100;

export interface SearchResultsViewOptions {
  /** Which page `result.hits` is, from 1 (default 1): hits are that page's, best first. */
  page?: number;
  /** Docs sections matching the query, shown as their own group after the entities (the answer gives them on page 1). */
  docs?: readonly LinkedDocsHit[];
}

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
    '• Know the exact name? `/owner &lt;name&gt;` (or `/callboard owner &lt;name&gt;`) answers directly.',
  ].join('\n');
  return askerOnlyMessage(`Nothing matches ${quoted}.`, [sectionBlock(text, 'search.empty')]);
};

/** No entity matches but docs sections do: the sections alone, said plainly. */
const onlyDocsFound = (query: string, docs: readonly LinkedDocsHit[]): SlackMessage => {
  const quoted = escapeMrkdwn(truncate(query.trim(), MAX_QUERY));
  const blocks: KnownBlock[] = [
    headerBlock(`Search: ${truncate(query.trim(), MAX_QUERY)}`, 'search.header'),
    contextBlock([`No catalog entity matches *${quoted}*; ${plural(docs.length, 'docs section')} ${docs.length === 1 ? 'does' : 'do'}.`], 'search.summary'),
    ...docsHitBlocks(docs),
  ];
  return ephemeralMessage(`${plural(docs.length, 'docs section')} for ${quoted}`, blocks);
};

const summaryText = (result: SearchResult, quoted: string, slice: PageSlice): string => {
  const counter = slice.pageCount > 1 ? `  ·  showing ${pageCounterText(slice)}` : '';
  return result.didYouMean
    ? `Nothing matched *${quoted}*. Did you mean *${escapeMrkdwn(result.didYouMean)}*? ${plural(result.total, 'result')} for that, best match first${counter}.`
    : `${plural(result.total, 'result')}, best match first${counter}.`;
};

/**
 * Ranked search hits with kind, owner and description, one page at a time: the summary gives the true
 * number of matches and the page counter ("16–30 of 137"); Next / Previous and Download CSV go further.
 * A corrected query is said out loud.
 */
export const searchResultsView = (result: SearchResult, opts: SearchResultsViewOptions = {}): SlackMessage => {
  if (result.hits.length === 0) return opts.docs && opts.docs.length > 0 ? onlyDocsFound(result.query, opts.docs) : nothingFound(result.query);
  const quoted = escapeMrkdwn(truncate(result.query.trim(), MAX_QUERY));
  const shown = result.hits.slice(0, SEARCH_PAGE_SIZE);
  const total = Math.max(result.total, shown.length);
  const fullSlice = pageSlice(total, opts.page ?? 1, SEARCH_PAGE_SIZE);
  const slice = { ...fullSlice, end: fullSlice.start + shown.length };
  const blocks: KnownBlock[] = [headerBlock(`Search: ${truncate(result.query.trim(), MAX_QUERY)}`, 'search.header')];
  blocks.push(contextBlock([summaryText(result, quoted, slice)], 'search.summary'));
  shown.forEach((hit, index) => blocks.push(sectionBlock(hitText(hit, slice.start + index + 1), `search.hit.${index}`)));
  // One menu rather than a button per hit: action ids stay unique in the message, as Bolt routing wants.
  const options = shown.map((hit, index) => ({ text: `${slice.start + index + 1}. ${hit.title ?? hit.name} (${hit.kind.toLowerCase()})`, value: hit.ref }));
  const paging = pageButtons(slice, { view: 'find', query: result.query, page: slice.page });
  blocks.push(actionsBlock([...paging, staticSelect(ActionIds.showOwner, 'Show the owner of…', options)], 'search.actions'));
  blocks.push(...docsHitBlocks(opts.docs ?? []));
  const best = shown[0]!;
  const counter = slice.pageCount > 1 ? ` (showing ${pageCounterText(slice)})` : '';
  return ephemeralMessage(
    `${plural(total, 'result')} for ${quoted}${counter}; ${slice.page === 1 ? 'best' : 'first here'}: ${escapeMrkdwn(best.name)} (${refCode(best.ref)})`,
    blocks,
  );
};
