import { describe, expect, it } from 'vitest';
import { ActionIds } from '../../../src/slack/ids.ts';
import { dependenciesView } from '../../../src/slack/views/dependencies-view.ts';
import { helpView } from '../../../src/slack/views/help-view.ts';
import { ownerView } from '../../../src/slack/views/owner-view.ts';
import { sharedCopy } from '../../../src/slack/views/shared-copy.ts';
import { allMrkdwn, blockById, component, expectMessageWithinLimits, group, user } from './view-helpers.ts';

const actionIdsIn = (message: { blocks: unknown[] }): string[] => JSON.stringify(message.blocks).match(/"action_id":"[^"]+"/g) ?? [];

describe('sharedCopy', () => {
  const answer = ownerView(
    { entity: { ...component('svc'), relations: [{ type: 'dependsOn', targetRef: 'resource:default/db' }] }, members: [] },
    { slackIdsByEmail: new Map() },
  );

  it('posts in the channel without the share button, saying who shared it', () => {
    const shared = sharedCopy(answer, 'U0SOFIA22');
    expect(shared.response_type).toBe('in_channel');
    expect(shared.replace_original).toBe(false);
    expect(shared.text).toBe(answer.text);
    expect(actionIdsIn(shared)).not.toContain(`"action_id":"${ActionIds.shareInChannel}"`);
    expect(actionIdsIn(shared)).toContain(`"action_id":"${ActionIds.showDeps}"`);
    expect(allMrkdwn([blockById(shared.blocks, 'shared.by')])).toBe('Shared by <@U0SOFIA22>');
    expectMessageWithinLimits(shared);
  });

  it('leaves the original alone', () => {
    sharedCopy(answer, 'U1AA');
    expect(answer.response_type).toBe('ephemeral');
    expect(actionIdsIn(answer)).toContain(`"action_id":"${ActionIds.shareInChannel}"`);
  });

  it('drops an actions block left empty and never exceeds 50 blocks', () => {
    const nodes = Array.from({ length: 5000 }, (_, i) => ({ ref: `component:default/s${i}`, depth: 1 + (i % 20), via: 'x', exists: true, kind: 'Component' }));
    const deps = dependenciesView({
      ref: 'component:default/root',
      direction: 'reverse',
      depth: 20,
      nodes,
      oppositeHasRelations: true,
      beyondDepth: 0,
      budget: 5000,
      budgetReached: false,
    });
    expectMessageWithinLimits(sharedCopy(deps, 'U1AA'));
    const onlyShare = {
      ...helpView(),
      blocks: [
        {
          type: 'actions' as const,
          block_id: 'a',
          elements: [{ type: 'button' as const, action_id: ActionIds.shareInChannel, text: { type: 'plain_text' as const, text: 'Share' } }],
        },
      ],
    };
    expect(sharedCopy(onlyShare, 'U1AA').blocks.map((block) => block.block_id)).toEqual(['shared.by']);
  });

  it('never leaves a member mention in the shared copy, whatever view it came from; the sharer stays', () => {
    const owner = group('team-a', { title: 'Team A' });
    const privateCard = ownerView(
      { entity: component('svc'), ownerRef: 'group:default/team-a', owner, members: [user('ana.lima', 'ana@x.example'), user('bo.berg', 'bo@x.example')] },
      {
        slackIdsByEmail: new Map([
          ['ana@x.example', 'U0ANA'],
          ['bo@x.example', 'U0SHARER'],
        ]),
      },
    );
    expect(JSON.stringify(privateCard.blocks)).toContain('<@U0ANA>');
    const shared = sharedCopy({ ...privateCard, text: 'ask <@U0ANA|ana>' }, 'U0SHARER');
    const serialised = JSON.stringify(shared);
    expect(serialised).not.toContain('<@U0ANA');
    expect(shared.text).toBe('ask ana');
    expect(allMrkdwn([blockById(shared.blocks, 'owner.members')])).toBe('*Members (2)*\na teammate, <@U0SHARER>');
    expect(allMrkdwn([blockById(shared.blocks, 'shared.by')])).toBe('Shared by <@U0SHARER>');
  });

  it('escapes a sharer that is not a Slack id', () => {
    expect(allMrkdwn(sharedCopy(answer, '<!channel>').blocks)).toContain('Shared by &lt;!channel&gt;');
  });
});
