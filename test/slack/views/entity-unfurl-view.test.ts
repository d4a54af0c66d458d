import { beforeAll, describe, expect, it } from 'vitest';
import { ActionIds } from '../../../src/slack/ids.ts';
import { entityContextView, entityUnfurlView } from '../../../src/slack/views/entity-unfurl-view.ts';
import type { OwnerAnswer } from '../../../src/core/catalog-reader/catalog-answers.ts';
import {
  allMrkdwn,
  blockById,
  blockIds,
  component,
  exampleOrgOwnerAnswer,
  expectMessageWithinLimits,
  expectNoInjectedControls,
  FIVE_KB,
  HOSTILE,
  HOSTILE_ESCAPED,
} from './view-helpers.ts';

describe('entityUnfurlView', () => {
  let answer: OwnerAnswer;
  beforeAll(async () => {
    answer = await exampleOrgOwnerAnswer('component:default/checkout-service');
  });

  it('is a compact card with owner, facts and buttons', () => {
    const blocks = entityUnfurlView(answer);
    expect(blockIds(blocks)).toEqual(['unfurl.entity', 'unfurl.facts', 'unfurl.actions']);
    expect(allMrkdwn([blockById(blocks, 'unfurl.entity')])).toMatch(/^\*Checkout Service\* `component:default\/checkout-service`\nOrchestrates checkout/);
    // Each fact is its own context element, not one string run together.
    const facts = blockById(blocks, 'unfurl.facts');
    if (facts.type !== 'context') throw new Error('not context');
    expect(facts.elements.map((element) => ('text' in element ? element.text : ''))).toEqual([
      'Owned by *Checkout* <https://acme.slack.com/archives/C04CHKOUT02|#team-checkout>',
      'Component',
      'production',
      'system checkout',
    ]);
    const actions = blockById(blocks, 'unfurl.actions');
    if (actions.type !== 'actions') throw new Error('not actions');
    expect(actions.elements.map((element) => (element as { action_id: string }).action_id)).toEqual([
      ActionIds.showOwner,
      ActionIds.showDeps,
      ActionIds.showDependents,
      ActionIds.showDocs,
    ]);
    expectMessageWithinLimits({ blocks }, 'unfurl');
  });

  it('offers only buttons that have an answer: no Dependencies or Dependents without such relations, Docs only with a docs link', async () => {
    const team = await exampleOrgOwnerAnswer('group:default/checkout-team');
    const actions = blockById(entityUnfurlView(team), 'unfurl.actions');
    if (actions.type !== 'actions') throw new Error('not actions');
    expect(actions.elements.map((element) => (element as { action_id: string }).action_id)).toEqual([ActionIds.showOwner]);
  });

  it('links the team channel by id when Slack knows its name', () => {
    const blocks = entityUnfurlView(answer, { channelIds: new Map([['team-checkout', 'C0CHECKOUT']]) });
    expect(allMrkdwn([blockById(blocks, 'unfurl.facts')])).toContain('Owned by *Checkout* <#C0CHECKOUT>');
    expect(allMrkdwn(entityContextView(answer, { channelIds: new Map([['team-checkout', 'C0CHECKOUT']]) }))).toContain('<#C0CHECKOUT>');
  });

  it('explains missing and dangling owners, escapes and truncates', () => {
    expect(allMrkdwn(entityUnfurlView({ entity: component('a'), members: [] }))).toContain('no owner recorded');
    const blocks = entityUnfurlView({
      entity: component('a', { title: HOSTILE, description: FIVE_KB }, { lifecycle: HOSTILE }),
      ownerRef: 'group:default/<!here>',
      members: [],
    });
    expect(allMrkdwn(blocks)).toContain('owner `group:default/&lt;!here&gt;` is not in the catalog');
    expect(allMrkdwn(blocks)).toContain(HOSTILE_ESCAPED);
    expectNoInjectedControls(blocks);
    expectMessageWithinLimits({ blocks }, 'unfurl');
  });

  it('the context line: entity, team and channel as separate elements, escaped', () => {
    const [line, ...rest] = entityContextView(answer);
    expect(rest).toEqual([]);
    if (line?.type !== 'context') throw new Error('not context');
    expect(line.block_id).toBe('unfurl.context');
    expect(line.elements.map((element) => ('text' in element ? element.text : ''))).toEqual([
      '*checkout-service*',
      'Checkout',
      '<https://acme.slack.com/archives/C04CHKOUT02|#team-checkout>',
    ]);
    const hostile = entityContextView({ entity: component('a'), ownerRef: 'group:default/<!here>', members: [] });
    expect(allMrkdwn(hostile)).toContain('&lt;!here&gt;');
    expectNoInjectedControls(hostile);
    expectMessageWithinLimits({ blocks: hostile }, 'unfurl');
  });
});
