import { describe, expect, it } from 'vitest';
import type { DependencyNode } from '../../../src/core/graph/dependency-edges.ts';
import { ActionIds } from '../../../src/slack/ids.ts';
import { Limits } from '../../../src/slack/views/blocks.ts';
import { parsePageValue, parseShareValue } from '../../../src/slack/views/action-values.ts';
import { DEPENDENCIES_PAGE_SIZE, dependenciesView } from '../../../src/slack/views/dependencies-view.ts';
import type { DependencyAnswer } from '../../../src/core/catalog-reader/catalog-answers.ts';
import {
  allMrkdwn,
  allText,
  blockById,
  blockIds,
  blockTextLength,
  EMOJI_RTL,
  expectMessageWithinLimits,
  expectNoInjectedControls,
  FIVE_KB,
  HOSTILE,
  HOSTILE_ESCAPED,
} from './view-helpers.ts';

const node = (name: string, depth: number, extra: Partial<DependencyNode> = {}): DependencyNode => ({
  ref: `component:default/${name}`,
  depth,
  via: 'component:default/root',
  exists: true,
  kind: 'Component',
  ownerRef: 'group:default/team-a',
  ...extra,
});

const answer = (
  nodes: DependencyNode[],
  direction: DependencyAnswer['direction'] = 'forward',
  depth: number | 'all hops' = 3,
  extra: Partial<DependencyAnswer> = {},
): DependencyAnswer => ({
  ref: 'component:default/root',
  direction,
  ...(depth !== 'all hops' ? { depth } : {}),
  nodes,
  beyondDepth: 0,
  budget: 5000,
  budgetReached: false,
  oppositeHasRelations: true,
  ...extra,
});

/** `count` nodes, `perDepth` at each depth, in the order the store returns them (depth, then ref). */
const chain = (count: number, perDepth = 30): DependencyNode[] =>
  Array.from({ length: count }, (_, i) => node(`svc-${String(i).padStart(4, '0')}`, 1 + Math.floor(i / perDepth)));

type ButtonElement = { action_id: string; value?: string; text: { text: string } };
const buttonsOf = (message: { blocks: Array<{ block_id?: string }> }): ButtonElement[] => {
  const actions = blockById(message.blocks, 'deps.actions');
  if (!('elements' in actions)) throw new Error('not actions');
  return actions.elements as ButtonElement[];
};
const buttonById = (message: { blocks: Array<{ block_id?: string }> }, actionId: string): ButtonElement | undefined =>
  buttonsOf(message).find((button) => button.action_id === actionId);
/** Names of the entities listed on a page, in order. */
const listedNames = (message: { blocks: Array<{ block_id?: string }> }): string[] =>
  allMrkdwn(message.blocks.filter((block) => block.block_id?.startsWith('deps.depth.')))
    .split('\n')
    .filter((line) => line.startsWith('• '))
    .map((line) => /\*([^*]+)\*/.exec(line)![1]!);

/** 5,000 nodes over 6 depths and 120 owner teams, some dangling, some unowned. */
const blastRadius = (): DependencyNode[] =>
  Array.from({ length: 5000 }, (_, i) =>
    node(`service-${String(i).padStart(4, '0')}`, 1 + (i % 6), {
      title: `Service ${i} ${FIVE_KB.slice(0, 200)}`,
      ownerRef: i % 50 === 0 ? undefined : `group:default/team-${i % 120}`,
      exists: i % 97 !== 0,
    }),
  );

describe('dependenciesView', () => {
  it('lists a small answer grouped by depth with kind, name and owner', () => {
    const message = dependenciesView(answer([node('b', 2, { title: 'B service' }), node('a', 1), node('ghost', 1, { exists: false, ownerRef: undefined })]));
    expect(blockIds(message.blocks)).toEqual(['deps.header', 'deps.stats', 'deps.depth.1.0', 'deps.depth.2.0', 'deps.actions']);
    expect(allMrkdwn([blockById(message.blocks, 'deps.depth.1.0')])).toBe(
      '*Direct* (2)\n• component *a* — team-a\n• component *ghost* — _no owner_  :warning: _not in the catalog_',
    );
    expect(allMrkdwn([blockById(message.blocks, 'deps.depth.2.0')])).toBe('*2 hops away* (1)\n• component *B service* `b` — team-a');
    expect(message.text).toBe('What root depends on: 3 entities within 3 hops  ·  :warning: 1 not in the catalog');
    expectMessageWithinLimits(message);
  });

  it('words the two directions differently, and a whole-graph walk as all hops', () => {
    expect(dependenciesView(answer([node('a', 1)])).blocks[0]).toEqual(
      expect.objectContaining({ text: expect.objectContaining({ text: 'What root depends on' }) }),
    );
    const reverse = dependenciesView(answer([node('a', 1)], 'reverse', 'all hops'));
    expect(reverse.blocks[0]).toEqual(expect.objectContaining({ text: expect.objectContaining({ text: 'What depends on root (blast radius)' }) }));
    expect(reverse.text).toBe('What depends on root (blast radius): 1 entity over all hops');
  });

  it('says so when there is nothing', () => {
    expect(allMrkdwn(dependenciesView(answer([])).blocks)).toContain('depends on nothing recorded in the catalog');
    expect(allMrkdwn(dependenciesView(answer([], 'reverse')).blocks)).toContain('Nothing in the catalog depends on `component:default/root`');
  });

  it('offers no button for the other direction when the entity has nothing that way (a team, a system, a leaf)', () => {
    const message = dependenciesView(answer([node('a', 1)], 'reverse', 4, { oppositeHasRelations: false }));
    expect(buttonsOf(message).map((button) => button.action_id)).toEqual([ActionIds.showOwner, ActionIds.shareInChannel]);
  });

  it('offers the other direction, the owner and sharing with the whole question, and no paging on one page', () => {
    const message = dependenciesView(answer([node('a', 1)], 'reverse', 4));
    const buttons = buttonsOf(message);
    expect(buttons.map((button) => button.action_id)).toEqual([ActionIds.showDeps, ActionIds.showOwner, ActionIds.shareInChannel]);
    expect(parseShareValue(buttons[2]!.value!)).toEqual({ view: 'deps', ref: 'component:default/root', direction: 'reverse', depth: 4 });
    expect(parseShareValue(buttonsOf(dependenciesView(answer([node('a', 1)], 'reverse', 'all hops')))[2]!.value!)).toEqual({
      view: 'deps',
      ref: 'component:default/root',
      direction: 'reverse',
    });
  });

  describe('paging a long answer', () => {
    const nodes = chain(137);
    const long = answer(nodes, 'reverse', 'all hops');

    it('page 1 lists the nearest 20, says "1–20 of 137", and offers Next and Download CSV but not Previous', () => {
      const message = dependenciesView(long);
      expect(listedNames(message)).toEqual(nodes.slice(0, 20).map((n) => n.ref.slice('component:default/'.length)));
      expect(allMrkdwn([blockById(message.blocks, 'deps.summary')])).toContain('*Showing 1–20 of 137*');
      expect(buttonById(message, ActionIds.pagePrevious)).toBeUndefined();
      expect(parsePageValue(buttonById(message, ActionIds.pageNext)!.value!)).toEqual({
        view: 'deps',
        ref: 'component:default/root',
        direction: 'reverse',
        page: 2,
      });
      expect(buttonById(message, ActionIds.exportList)?.text.text).toBe('Download CSV');
      expect(message.text).toContain('(showing 1–20 of 137)');
      expectMessageWithinLimits(message);
    });

    it('a middle page lists its slice, with the full count of each depth, and both directions', () => {
      const message = dependenciesView(long, { page: 2 });
      expect(listedNames(message)).toEqual(nodes.slice(20, 40).map((n) => n.ref.slice('component:default/'.length)));
      // 21–30 are the last of depth 1, 31–40 the first of depth 2: each heading gives the depth's whole count.
      expect(blockIds(message.blocks).filter((id) => id.startsWith('deps.depth.'))).toEqual(['deps.depth.1.0', 'deps.depth.2.0']);
      expect(allMrkdwn([blockById(message.blocks, 'deps.depth.2.0')])).toMatch(/^\*2 hops away\* \(30\)/);
      expect(allMrkdwn([blockById(message.blocks, 'deps.summary')])).toContain('*Showing 21–40 of 137*');
      expect(parsePageValue(buttonById(message, ActionIds.pagePrevious)!.value!)).toMatchObject({ page: 1 });
      expect(parsePageValue(buttonById(message, ActionIds.pageNext)!.value!)).toMatchObject({ page: 3 });
      expectMessageWithinLimits(message);
    });

    it('the last page lists the rest and offers no Next; a page past the end shows the last', () => {
      const message = dependenciesView(long, { page: 7 });
      expect(listedNames(message)).toHaveLength(17);
      expect(allMrkdwn([blockById(message.blocks, 'deps.summary')])).toContain('*Showing 121–137 of 137*');
      expect(buttonById(message, ActionIds.pageNext)).toBeUndefined();
      expect(buttonById(message, ActionIds.pagePrevious)).toBeDefined();
      expect(dependenciesView(long, { page: 99 })).toEqual(message);
    });

    it('keeps the depth asked for in every page button', () => {
      const message = dependenciesView(answer(nodes, 'forward', 5), { page: 3 });
      expect(parsePageValue(buttonById(message, ActionIds.pageNext)!.value!)).toEqual({
        view: 'deps',
        ref: 'component:default/root',
        direction: 'forward',
        depth: 5,
        page: 4,
      });
    });

    it('every page of a 5,000-node blast radius with 5 KB titles stays within Block Kit limits', () => {
      const big = answer(blastRadius(), 'reverse', 'all hops', { budgetReached: true });
      const pages = Math.ceil(5000 / DEPENDENCIES_PAGE_SIZE);
      for (let page = 1; page <= pages; page++) {
        const message = dependenciesView(big, { page });
        expectMessageWithinLimits(message);
        expect(blockTextLength(message.blocks)).toBeLessThanOrEqual(Limits.messageChars);
      }
    });
  });

  describe('never cutting silently', () => {
    it('says how many lie beyond the depth asked for, and offers all hops', () => {
      const message = dependenciesView(answer([node('a', 1)], 'reverse', 1, { beyondDepth: 42 }));
      expect(allMrkdwn([blockById(message.blocks, 'deps.beyond')])).toBe('*42 more entities lie beyond 1 hop*. *Show all hops* lists them.');
      expect(parsePageValue(buttonById(message, ActionIds.pageAllHops)!.value!)).toEqual({
        view: 'deps',
        ref: 'component:default/root',
        direction: 'reverse',
        page: 1,
      });
      expect(allMrkdwn(dependenciesView(answer([node('a', 1)], 'reverse', 1, { beyondDepth: 1 })).blocks)).toContain('*1 more entity lies beyond 1 hop*');
    });

    it('states the node budget when the walk reached it', () => {
      const message = dependenciesView(answer(blastRadius(), 'reverse', 'all hops', { budgetReached: true }));
      expect(allMrkdwn([blockById(message.blocks, 'deps.beyond')])).toContain('*Stopped after 5,000 entities; there are more.*');
      expect(allMrkdwn([blockById(message.blocks, 'deps.stats')])).toContain('5,000+ entities over all hops');
      expect(allMrkdwn([blockById(message.blocks, 'deps.summary')])).toContain('*Showing 1–20 of 5,000*');
    });

    it('with a depth, the budget reached past it makes the beyond count a lower bound', () => {
      const message = dependenciesView(answer([node('a', 1)], 'reverse', 1, { beyondDepth: 4999, budgetReached: true }));
      expect(allMrkdwn([blockById(message.blocks, 'deps.beyond')])).toBe(
        '*At least 4,999 more entities lie beyond 1 hop* (the walk stops after 5,000 entities). *Show all hops* lists them.',
      );
      expect(allMrkdwn([blockById(message.blocks, 'deps.stats')])).toContain('1 entity within 1 hop');
    });

    it('counts every listed entity by depth and owner on each page', () => {
      const message = dependenciesView(answer(blastRadius(), 'reverse', 6), { page: 3 });
      const summary = allMrkdwn([blockById(message.blocks, 'deps.summary')]);
      expect(summary).toContain('direct: 834  ·  depth 2: 834  ·  depth 3: 833');
      expect(summary).toMatch(/\*By owner\* .*110 other owners \(\d[\d,]*\) {2}· {2}no owner 100/);
    });

    it('never sends people to the command line', () => {
      for (const page of [1, 2, 250])
        expect(allText(dependenciesView(answer(blastRadius(), 'reverse', 2, { beyondDepth: 7 }), { page }))).not.toMatch(/callboard deps|run `callboard/);
    });
  });

  it('escapes catalog text and keeps emoji and RTL', () => {
    const message = dependenciesView(answer([node('a', 1, { title: HOSTILE, ownerRef: 'group:default/<!here>' }), node('b', 1, { title: EMOJI_RTL })]));
    expectNoInjectedControls(message);
    expect(allMrkdwn(message.blocks)).toContain(HOSTILE_ESCAPED);
    expect(allMrkdwn(message.blocks)).toContain(EMOJI_RTL);
  });
});
