import { describe, expect, it } from 'vitest';
import type { DependencyNode } from '../../../src/core/graph/dependency-edges.ts';
import { ActionIds } from '../../../src/slack/ids.ts';
import { Limits } from '../../../src/slack/views/blocks.ts';
import { parseShareValue } from '../../../src/slack/views/action-values.ts';
import { dependenciesView } from '../../../src/slack/views/dependencies-view.ts';
import type { DependencyAnswer } from '../../../src/core/catalog-reader/catalog-answers.ts';
import {
  allMrkdwn,
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

const answer = (nodes: DependencyNode[], direction: DependencyAnswer['direction'] = 'forward', depth = 3): DependencyAnswer => ({
  ref: 'component:default/root',
  direction,
  depth,
  nodes,
});

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

  it('words the two directions differently', () => {
    expect(dependenciesView(answer([node('a', 1)])).blocks[0]).toEqual(
      expect.objectContaining({ text: expect.objectContaining({ text: 'What root depends on' }) }),
    );
    expect(dependenciesView(answer([node('a', 1)], 'reverse')).blocks[0]).toEqual(
      expect.objectContaining({ text: expect.objectContaining({ text: 'What depends on root (blast radius)' }) }),
    );
  });

  it('says so when there is nothing', () => {
    expect(allMrkdwn(dependenciesView(answer([])).blocks)).toContain('depends on nothing recorded in the catalog');
    expect(allMrkdwn(dependenciesView(answer([], 'reverse')).blocks)).toContain('Nothing in the catalog depends on `component:default/root`');
  });

  it('offers the other direction, the owner and sharing with the whole question', () => {
    const message = dependenciesView(answer([node('a', 1)], 'reverse', 4));
    const actions = blockById(message.blocks, 'deps.actions');
    if (actions.type !== 'actions') throw new Error('not actions');
    const buttons = actions.elements as Array<{ action_id: string; value: string }>;
    expect(buttons.map((button) => button.action_id)).toEqual([ActionIds.showDeps, ActionIds.showOwner, ActionIds.shareInChannel]);
    expect(parseShareValue(buttons[2]!.value)).toEqual({ view: 'deps', ref: 'component:default/root', direction: 'reverse', depth: 4 });
  });

  it('summarises a 5,000-node blast radius within the limits, never silently', () => {
    const nodes = blastRadius();
    const message = dependenciesView(answer(nodes, 'reverse', 6));
    expectMessageWithinLimits(message);
    expect(message.blocks.length).toBeLessThanOrEqual(Limits.messageBlocks);
    expect(blockTextLength(message.blocks)).toBeLessThanOrEqual(12_000);
    const listed = allMrkdwn(message.blocks.filter((block) => block.block_id?.startsWith('deps.depth.')))
      .split('\n')
      .filter((line) => line.startsWith('• ')).length;
    const summary = allMrkdwn([blockById(message.blocks, 'deps.summary')]);
    expect(summary).toContain(`*${(5000 - listed).toLocaleString('en-US')} more entities not shown.*`);
    expect(summary).toContain('direct: 834  ·  depth 2: 834  ·  depth 3: 833');
    expect(summary).toMatch(/\*By owner\* .*110 other owners \(\d[\d,]*\) {2}· {2}no owner 100/);
  });

  it('stays within limits whatever maxListed asks for', () => {
    for (const maxListed of [1, 10, 1000, 100_000]) {
      const message = dependenciesView(answer(blastRadius()), { maxListed });
      expectMessageWithinLimits(message);
      expect(blockTextLength(message.blocks)).toBeLessThanOrEqual(12_000);
    }
  });

  it('escapes catalog text and keeps emoji and RTL', () => {
    const message = dependenciesView(answer([node('a', 1, { title: HOSTILE, ownerRef: 'group:default/<!here>' }), node('b', 1, { title: EMOJI_RTL })]));
    expectNoInjectedControls(message);
    expect(allMrkdwn(message.blocks)).toContain(HOSTILE_ESCAPED);
    expect(allMrkdwn(message.blocks)).toContain(EMOJI_RTL);
  });
});
