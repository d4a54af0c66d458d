import type { KnownBlock } from '@slack/types';
import { groupByDepth, type DependencyNode } from '../../core/graph/dependency-edges.ts';
import type { DependencyAnswer } from '../../core/catalog-reader/catalog-answers.ts';
import { ActionIds } from '../ids.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { encodePageValue, encodeShareValue, type PageRequest } from './action-values.ts';
import { actionsBlock, button, contextBlock, headerBlock, packLines, sectionBlock } from './blocks.ts';
import { countByDepthText, countByOwnerText, dependencyLimitLines, dependencyStatsText } from './dependency-counts.ts';
import { pageButtons, pageCounterText, pageSlice, type PageSlice } from './page-buttons.ts';
import { refCode, shortRef, titleWithName } from './entity-text.ts';
import { ephemeralMessage, type SlackMessage } from './slack-message.ts';

export interface DependenciesViewOptions {
  /** The page to show, from 1 (default 1); past the end, the last page. */
  page?: number;
}

/**
 * Entities per page. Each line is at most {@link MAX_LINE} characters, so a page's listing stays near
 * 6,000 characters and, with the header, counts and buttons, well within one message (50 blocks, ~11k).
 */
export const DEPENDENCIES_PAGE_SIZE = 20;
const MAX_LINE = 300;

const nodeLine = (node: DependencyNode): string => {
  const name = shortRef(node.ref);
  const owner = node.ownerRef ? ` — ${escapeMrkdwn(shortRef(node.ownerRef))}` : ' — _no owner_';
  const missing = node.exists ? '' : '  :warning: _not in the catalog_';
  return truncate(
    `• ${escapeMrkdwn(node.kind.toLowerCase())} ${titleWithName(name, node.title ? truncate(node.title, 80) : undefined)}${owner}${missing}`,
    MAX_LINE,
  );
};

const depthHeading = (depth: number, count: number): string => `*${depth === 1 ? 'Direct' : `${depth} hops away`}* (${count.toLocaleString('en-US')})`;

/** The page's nodes in one section per depth (split further only past 3,000 characters), headed with the depth's full count. */
const pageSections = (answer: DependencyAnswer, slice: PageSlice): KnownBlock[] => {
  const countsByDepth = new Map([...groupByDepth(answer.nodes)].map(([depth, group]) => [depth, group.length]));
  const blocks: KnownBlock[] = [];
  for (const [depth, group] of groupByDepth(answer.nodes.slice(slice.start, slice.end))) {
    const lines = [depthHeading(depth, countsByDepth.get(depth) ?? group.length), ...group.map(nodeLine)];
    packLines(lines).forEach((text, index) => blocks.push(sectionBlock(text, `deps.depth.${depth}.${index}`)));
  }
  return blocks;
};

const titleText = (answer: DependencyAnswer): string =>
  answer.direction === 'forward' ? `What ${shortRef(answer.ref)} depends on` : `What depends on ${shortRef(answer.ref)} (blast radius)`;

const emptyText = (answer: DependencyAnswer): string =>
  answer.direction === 'forward'
    ? `${refCode(answer.ref)} depends on nothing recorded in the catalog.`
    : `Nothing in the catalog depends on ${refCode(answer.ref)}: no recorded blast radius.`;

/** Counts over every listed entity, not just the page, so each page carries the whole picture. */
const summaryBlock = (answer: DependencyAnswer, slice: PageSlice): KnownBlock =>
  contextBlock(
    [`*Showing ${pageCounterText(slice)}*  ·  *By depth*  ${countByDepthText(answer.nodes)}`, `*By owner*  ${countByOwnerText(answer.nodes)}`],
    'deps.summary',
  );

const pageRequestOf = (answer: DependencyAnswer): PageRequest => ({
  view: 'deps',
  ref: answer.ref,
  direction: answer.direction,
  ...(answer.depth !== undefined ? { depth: answer.depth } : {}),
  page: 1,
});

const depsButtons = (answer: DependencyAnswer, slice: PageSlice) => {
  const request = pageRequestOf(answer);
  const allHops =
    answer.depth !== undefined && answer.beyondDepth > 0
      ? [
          button({
            text: 'Show all hops',
            actionId: ActionIds.pageAllHops,
            value: encodePageValue({ view: 'deps', ref: answer.ref, direction: answer.direction, page: 1 }),
          }),
        ]
      : [];
  return [
    ...pageButtons(slice, request),
    ...allHops,
    ...(answer.oppositeHasRelations
      ? [
          answer.direction === 'forward'
            ? button({ text: 'Dependents', actionId: ActionIds.showDependents, value: answer.ref })
            : button({ text: 'Dependencies', actionId: ActionIds.showDeps, value: answer.ref }),
        ]
      : []),
    button({ text: 'Owner', actionId: ActionIds.showOwner, value: answer.ref }),
    button({
      text: 'Share in channel',
      actionId: ActionIds.shareInChannel,
      value: encodeShareValue({ view: 'deps', ref: answer.ref, direction: answer.direction, ...(answer.depth !== undefined ? { depth: answer.depth } : {}) }),
      style: 'primary',
    }),
  ];
};

/**
 * Dependencies or blast radius, grouped by depth, one page at a time. The answer never cuts silently:
 * the page counter says how many there are, and a line says what lies past the depth asked for or
 * past the node budget. Every page stays within 50 blocks and Slack's per-message text budget.
 */
export const dependenciesView = (answer: DependencyAnswer, opts: DependenciesViewOptions = {}): SlackMessage => {
  const slice = pageSlice(answer.nodes.length, opts.page ?? 1, DEPENDENCIES_PAGE_SIZE);
  const title = titleText(answer);
  const stats = dependencyStatsText(answer);
  const blocks: KnownBlock[] = [headerBlock(title, 'deps.header'), contextBlock([`${refCode(answer.ref)}  ·  ${stats}`], 'deps.stats')];
  if (answer.nodes.length === 0) blocks.push(sectionBlock(emptyText(answer), 'deps.empty'));
  blocks.push(...pageSections(answer, slice));
  const limits = dependencyLimitLines(answer);
  if (limits.length > 0) blocks.push(sectionBlock(limits.join('\n'), 'deps.beyond'));
  if (slice.pageCount > 1) blocks.push(summaryBlock(answer, slice));
  blocks.push(actionsBlock(depsButtons(answer, slice), 'deps.actions'));
  const shown = slice.pageCount > 1 ? ` (showing ${pageCounterText(slice)})` : '';
  return ephemeralMessage(`${escapeMrkdwn(title)}: ${stats}${shown}`, blocks);
};
