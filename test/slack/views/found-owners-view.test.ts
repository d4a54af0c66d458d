import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/catalog/entity.ts';
import { foundOwnersView, type FoundOwner } from '../../../src/slack/views/found-owners-view.ts';
import { allMrkdwn, expectMessageWithinLimits, expectNoInjectedControls, HOSTILE } from './view-helpers.ts';

const long = (prefix: string, i: number) => `${prefix}-${i}-${'x'.repeat(240)}`;

const team = (i: number): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: long('team', i), title: `${HOSTILE} ${long('Team', i)}`, annotations: { 'slack.com/channel-name': long('team', i).slice(0, 80) } },
  spec: { type: 'team', children: [] },
});

/** As many entries as the shortcut lists (25), each as long as names, titles and owners get. */
const worstCase: FoundOwner[] = Array.from({ length: 25 }, (_, i) => ({
  entity: { ref: `component:default/${long('svc', i)}`, kind: 'Component', name: long('svc', i), title: `${HOSTILE} ${long('Title', i)}` },
  ownerRef: `group:default/${long('team', i)}`,
  owner: team(i),
}));

describe('foundOwnersView', () => {
  it('lists every entity it is given, within Block Kit limits, at the longest names and titles', () => {
    const message = foundOwnersView(worstCase, new Map([[long('team', 0).slice(0, 80), 'C0TEAM0']]));
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message);
    const text = allMrkdwn(message.blocks);
    for (let i = 0; i < worstCase.length; i += 1) expect(text).toContain(`svc-${i}-`);
    expect(text).toContain('`/owner &lt;name&gt;` (or `/callboard owner &lt;name&gt;`)');
  });

  it('says when a message names nothing, in one line', () => {
    const message = foundOwnersView([]);
    expect(message.blocks).toHaveLength(1);
    expectMessageWithinLimits(message);
  });
});
