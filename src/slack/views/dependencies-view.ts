import type { KnownBlock } from '@slack/types';
import { groupByDepth, type DependencyNode } from '../../core/graph/dependency-edges.ts';
import type { DependencyAnswer } from '../../core/catalog-reader/catalog-answers.ts';
import { ActionIds } from '../ids.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { encodeShareValue } from './action-values.ts';
import { actionsBlock, button, contextBlock, fitLines, headerBlock, Limits, packLines, plural, sectionBlock } from './blocks.ts';
import { countByOwnerText } from './dependency-counts.ts';
import { refCode, shortRef, titleWithName } from './entity-text.ts';
import { ephemeralMessage, type SlackMessage } from './slack-message.ts';

export interface DependenciesViewOptions {
  /** How many nodes to list one by one before summarising the rest (default 40). */
  maxListed?: number;
}

const DEFAULT_MAX_LISTED = 40;
/** What the listed nodes may use of the ~11k characters a message holds; the summary needs the rest. */
const LISTING_CHARS = 7000;

const nodeLine = (node: DependencyNode): string => {
  const name = shortRef(node.ref);
  const owner = node.ownerRef ? ` — ${escapeMrkdwn(shortRef(node.ownerRef))}` : ' — _no owner_';
  const missing = node.exists ? '' : '  :warning: _not in the catalog_';
  return truncate(
    `• ${escapeMrkdwn(node.kind.toLowerCase())} ${titleWithName(name, node.title ? truncate(node.title, 80) : undefined)}${owner}${missing}`,
    400,
  );
};

const depthHeading = (depth: number, count: number): string => `*${depth === 1 ? 'Direct' : `${depth} hops away`}* (${count.toLocaleString('en-US')})`;

/** Lists nodes nearest first, whole depths in their own sections, until the count or character budget runs out. */
const listedSections = (nodes: readonly DependencyNode[], maxListed: number): { blocks: KnownBlock[]; listed: number } => {
  const blocks: KnownBlock[] = [];
  let listed = 0;
  let chars = 0;
  for (const [depth, group] of groupByDepth(nodes)) {
    const room = Math.min(maxListed - listed, group.length);
    const { shown } = fitLines(group.slice(0, room).map(nodeLine), LISTING_CHARS - chars);
    if (shown.length === 0) break;
    packLines([depthHeading(depth, group.length), ...shown]).forEach((text, index) => blocks.push(sectionBlock(text, `deps.depth.${depth}.${index}`)));
    listed += shown.length;
    chars += shown.reduce((sum, line) => sum + line.length + 1, 0);
    if (shown.length < group.length) break;
  }
  return { blocks, listed };
};

const countsByDepthText = (nodes: readonly DependencyNode[]): string =>
  [...groupByDepth(nodes)].map(([depth, group]) => `${depth === 1 ? 'direct' : `depth ${depth}`}: ${group.length.toLocaleString('en-US')}`).join('  ·  ');

const titleText = (answer: DependencyAnswer): string =>
  answer.direction === 'forward' ? `What ${shortRef(answer.ref)} depends on` : `What depends on ${shortRef(answer.ref)} (blast radius)`;

const emptyText = (answer: DependencyAnswer): string =>
  answer.direction === 'forward'
    ? `${refCode(answer.ref)} depends on nothing recorded in the catalog.`
    : `Nothing in the catalog depends on ${refCode(answer.ref)}: no recorded blast radius.`;

const summaryBlocks = (answer: DependencyAnswer, hidden: number): KnownBlock[] => {
  const command = `/deps ${shortRef(answer.ref)}${answer.direction === 'reverse' ? ' --reverse' : ''}`;
  const text = [
    `*${plural(hidden, 'more entity', 'more entities')} not shown.* Counts for all ${plural(answer.nodes.length, 'entity', 'entities')}:`,
    `*By depth*  ${countsByDepthText(answer.nodes)}`,
    `*By owner*  ${countByOwnerText(answer.nodes)}`,
    answer.depth > 1
      ? `Ask for fewer hops (\`${escapeMrkdwn(command)} --depth 1\`) or run \`callboard deps\` for the full list.`
      : 'Run `callboard deps` for the full list.',
  ].join('\n');
  return [sectionBlock(text, 'deps.summary')];
};

const depsButtons = (answer: DependencyAnswer) => [
  answer.direction === 'forward'
    ? button({ text: 'Dependents', actionId: ActionIds.showDependents, value: answer.ref })
    : button({ text: 'Dependencies', actionId: ActionIds.showDeps, value: answer.ref }),
  button({ text: 'Owner', actionId: ActionIds.showOwner, value: answer.ref }),
  button({
    text: 'Share in channel',
    actionId: ActionIds.shareInChannel,
    value: encodeShareValue({ view: 'deps', ref: answer.ref, direction: answer.direction, depth: answer.depth }),
    style: 'primary',
  }),
];

/**
 * Dependencies or blast radius, grouped by depth. Large answers list the nearest nodes and
 * summarise the rest with counts per depth and per owner: always within 50 blocks and Slack's
 * per-message text budget, and never cut without saying how much was left out.
 */
export const dependenciesView = (answer: DependencyAnswer, opts: DependenciesViewOptions = {}): SlackMessage => {
  const maxListed = Math.max(1, Math.min(opts.maxListed ?? DEFAULT_MAX_LISTED, Limits.messageBlocks * 10));
  const title = titleText(answer);
  const missing = answer.nodes.filter((node) => !node.exists).length;
  const stats = `${plural(answer.nodes.length, 'entity', 'entities')} within ${plural(answer.depth, 'hop')}${missing > 0 ? `  ·  :warning: ${missing} not in the catalog` : ''}`;
  const blocks: KnownBlock[] = [headerBlock(title, 'deps.header'), contextBlock([`${refCode(answer.ref)}  ·  ${stats}`], 'deps.stats')];
  if (answer.nodes.length === 0) blocks.push(sectionBlock(emptyText(answer), 'deps.empty'));
  const { blocks: listing, listed } = listedSections(answer.nodes, maxListed);
  blocks.push(...listing);
  if (listed < answer.nodes.length) blocks.push(...summaryBlocks(answer, answer.nodes.length - listed));
  blocks.push(actionsBlock(depsButtons(answer), 'deps.actions'));
  return ephemeralMessage(`${escapeMrkdwn(title)}: ${stats}`, blocks);
};
