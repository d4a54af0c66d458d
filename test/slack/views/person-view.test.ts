import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { ActionIds } from '../../../src/slack/ids.ts';
import { parseShareValue } from '../../../src/slack/views/action-values.ts';
import { personView } from '../../../src/slack/views/person-view.ts';
import { findPerson, type PersonAnswer } from '../../../src/usecases/find-person.ts';
import { openExampleCatalog } from '../helpers/catalog-fixture.ts';
import { allMrkdwn, blockById, blockIds, expectMessageWithinLimits, expectNoInjectedControls, FIVE_KB, group, HOSTILE, user } from './view-helpers.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

const slackIdsByEmail = new Map([['marcus.oyelaran@acme.example', 'U0MARCUS1']]);
const channelIds = new Map([['team-checkout', 'C0CHECKOUT']]);

describe('personView on the example org', () => {
  it('marcus.oyelaran: who he is in Slack, his team (he leads it) and what it owns', () => {
    const message = personView(findPerson(runtime.store, 'user:default/marcus.oyelaran'), { slackIdsByEmail, channelIds });
    expect(blockIds(message.blocks)).toEqual(['person.header', 'person.kind', 'person.team.0', 'person.actions']);
    expect(allMrkdwn([blockById(message.blocks, 'person.kind')])).toBe(
      'User  ·  `user:default/marcus.oyelaran`  ·  <mailto:marcus.oyelaran@acme.example|marcus.oyelaran@acme.example>  ·  <@U0MARCUS1>',
    );
    const team = allMrkdwn([blockById(message.blocks, 'person.team.0')]);
    expect(team.split('\n').slice(0, 3)).toEqual([
      '*Checkout* (lead) `group:default/checkout-team`',
      '<#C0CHECKOUT>  ·  :email: <mailto:checkout@acme.example|checkout@acme.example>',
      '*Owns 6 entities*',
    ]);
    expect(team).toContain('*Components (3)*  `cart-service`, `checkout-service`, `pricing-service`');
    expect(message.text).toBe('Marcus Oyelaran is in Checkout.');
    expect(JSON.stringify(message)).not.toContain('spec.owner');
    const actions = blockById(message.blocks, 'person.actions');
    const elements = actions.type === 'actions' ? (actions.elements as Array<{ action_id: string; value?: string; options?: Array<{ value: string }> }>) : [];
    // A menu opens each of his teams' cards; Share posts this card for everyone.
    expect(elements.map((element) => element.action_id)).toEqual([ActionIds.showOwner, ActionIds.shareInChannel]);
    expect(elements[0]!.options!.map((option) => option.value)).toEqual(['group:default/checkout-team']);
    const share = elements[1];
    expect(parseShareValue(share?.value ?? '')).toEqual({ view: 'owner', ref: 'user:default/marcus.oyelaran' });
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message, ['U0MARCUS1']);
  });

  it('matches the snapshot for marcus.oyelaran', () => {
    expect(personView(findPerson(runtime.store, 'user:default/marcus.oyelaran'), { slackIdsByEmail, channelIds })).toMatchSnapshot();
  });

  it('shared: no mention of the person, the teams reached through their channels', () => {
    const message = personView(findPerson(runtime.store, 'user:default/marcus.oyelaran'), { slackIdsByEmail, channelIds, audience: 'shared' });
    expect(JSON.stringify(message)).not.toContain('<@');
    expect(allMrkdwn([blockById(message.blocks, 'person.team.0')])).toContain('<#C0CHECKOUT>');
  });

  it('a person in two teams gets a section for each', () => {
    const message = personView(findPerson(runtime.store, 'user:default/kenji.watanabe'), { slackIdsByEmail: new Map() });
    expect(blockIds(message.blocks)).toEqual(['person.header', 'person.kind', 'person.team.0', 'person.team.1', 'person.actions']);
  });
});

describe('personView edge cases', () => {
  const none = { byKind: [], total: 0, throughChildTeams: 0 };

  it('says so when the person is in no team', () => {
    const message = personView({ user: user('ana.lima', 'ana@x.example'), teams: [], ownedDirectly: none }, { slackIdsByEmail: new Map() });
    expect(blockIds(message.blocks)).toEqual(['person.header', 'person.kind', 'person.noteams', 'person.actions']);
    expect(message.text).toBe('ana lima is in no team in the catalog.');
  });

  it('lists what the person owns directly', () => {
    const owned = {
      byKind: [{ kind: 'Component', count: 1, first: [{ ref: 'component:default/tool', kind: 'Component', name: 'tool', ownerRef: 'user:default/ana.lima' }] }],
      total: 1,
      throughChildTeams: 0,
    };
    const message = personView({ user: user('ana.lima'), teams: [], ownedDirectly: owned }, { slackIdsByEmail: new Map() });
    expect(allMrkdwn([blockById(message.blocks, 'person.owned')])).toBe('*Owns directly 1 entity*\n*Component (1)*  `tool`');
  });

  it('stays within limits for a person in 60 teams with hostile names', () => {
    const teams = Array.from({ length: 60 }, (_, i) => ({
      group: group(`team-${i}`, { title: i === 0 ? HOSTILE : FIVE_KB, annotations: { 'slack.com/channel-name': HOSTILE } }, { email: FIVE_KB }),
      owned: {
        byKind: [
          { kind: 'Component', count: 9999, first: [{ ref: `component:default/${FIVE_KB.slice(0, 100)}`, kind: 'Component', name: 'x', ownerRef: 'g' }] },
        ],
        total: 9999,
        throughChildTeams: 0,
      },
    }));
    const answer: PersonAnswer = { user: user('ana.lima', HOSTILE, { title: HOSTILE }), teams, ownedDirectly: none };
    const message = personView(answer, { slackIdsByEmail: new Map() });
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message);
    expect(allMrkdwn([blockById(message.blocks, 'person.moreteams')])).toBe('and 50 more teams');
  });
});
