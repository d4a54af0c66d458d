import { describe, expect, it } from 'vitest';
import { ActionIds } from '../../../src/slack/ids.ts';
import { parseChoiceValue } from '../../../src/slack/views/action-values.ts';
import { entityChooserView } from '../../../src/slack/views/entity-chooser-view.ts';
import type { EntitySummary } from '../../../src/core/catalog-reader/catalog-queries.ts';
import { allMrkdwn, blockById, blockIds, expectMessageWithinLimits, expectNoInjectedControls, HOSTILE, HOSTILE_ESCAPED } from './view-helpers.ts';

const candidate = (kind: string, name: string, namespace = 'default', title?: string): EntitySummary => ({
  ref: `${kind.toLowerCase()}:${namespace}/${name}`,
  kind,
  name,
  ...(title ? { title } : {}),
});

const elementOf = (message: ReturnType<typeof entityChooserView>) => {
  const block = blockById(message.blocks, 'chooser.choices');
  if (block.type !== 'actions') throw new Error('not actions');
  return block.elements[0] as { type: string; action_id: string; options?: Array<{ value: string }>; option_groups?: unknown };
};

describe('entityChooserView', () => {
  it('offers a few candidates as radio buttons whose values carry intent and ref', () => {
    const message = entityChooserView([candidate('Component', 'checkout', 'default', 'Checkout'), candidate('System', 'checkout')], 'deps');
    expect(blockIds(message.blocks)).toEqual(['chooser.intro', 'chooser.choices']);
    expect(allMrkdwn([blockById(message.blocks, 'chooser.intro')])).toBe('2 entities match that name. Choose the one whose dependencies you want:');
    const element = elementOf(message);
    expect(element.type).toBe('radio_buttons');
    expect(element.action_id).toBe(ActionIds.chooseEntity);
    expect(element.options!.map((option) => parseChoiceValue(option.value))).toEqual([
      { intent: 'deps', ref: 'component:default/checkout' },
      { intent: 'deps', ref: 'system:default/checkout' },
    ]);
    expectMessageWithinLimits(message);
  });

  it('uses one select menu for many candidates and counts those past 100', () => {
    const many = Array.from({ length: 130 }, (_, i) => candidate('Component', 'svc', `ns-${i}`));
    const message = entityChooserView(many, 'dependents');
    const element = elementOf(message);
    expect(element.type).toBe('static_select');
    expect(element.options).toHaveLength(100);
    expect(allMrkdwn([blockById(message.blocks, 'chooser.more')])).toContain('30 more matches not listed');
    expectMessageWithinLimits(message);
  });

  it('escapes titles', () => {
    const message = entityChooserView([candidate('Component', 'a', 'default', HOSTILE), candidate('API', 'a', 'default', HOSTILE)], 'owner');
    expectNoInjectedControls(message);
    expect(allMrkdwn(message)).toContain(HOSTILE_ESCAPED.slice(0, 40));
    expectMessageWithinLimits(message);
  });
});
