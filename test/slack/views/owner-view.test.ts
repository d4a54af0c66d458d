import { beforeAll, describe, expect, it } from 'vitest';
import { ActionIds } from '../../../src/slack/ids.ts';
import { parseShareValue } from '../../../src/slack/views/action-values.ts';
import { ownerView } from '../../../src/slack/views/owner-view.ts';
import type { OwnerAnswer } from '../../../src/core/catalog-reader/catalog-answers.ts';
import {
  allMrkdwn,
  blockById,
  blockIds,
  component,
  EMOJI_RTL,
  exampleOrgOwnerAnswer,
  expectMessageWithinLimits,
  expectNoInjectedControls,
  FIVE_KB,
  group,
  HOSTILE,
  HOSTILE_ESCAPED,
  user,
} from './view-helpers.ts';

const noSlackIds = new Map<string, string>();

const buttonsOf = (message: ReturnType<typeof ownerView>) => {
  const actions = blockById(message.blocks, 'owner.actions');
  if (actions.type !== 'actions') throw new Error('owner.actions is not an actions block');
  return actions.elements.map((element) => element as { action_id: string; value?: string; url?: string; text: { text: string } });
};

describe('ownerView on the example org', () => {
  let answer: OwnerAnswer;
  beforeAll(async () => {
    answer = await exampleOrgOwnerAnswer('component:default/checkout-service');
  });

  const ctx = {
    slackIdsByEmail: new Map([
      ['marcus.oyelaran@acme.example', 'U0MARCUS1'],
      ['sofia.marquez@acme.example', 'U0SOFIA22'],
    ]),
    docsUrl: 'https://callboard.acme.example/docs/default/component/checkout-service/',
    pagerdutyUrl: 'https://acme.pagerduty.com',
  };

  it('matches the snapshot for checkout-service', () => {
    expect(ownerView(answer, ctx)).toMatchSnapshot();
  });

  it('names the team, its channel, email, lead and members', () => {
    const message = ownerView(answer, ctx);
    expect(blockIds(message.blocks)).toEqual([
      'owner.header',
      'owner.kind',
      'owner.description',
      'owner.team',
      'owner.members',
      'owner.details',
      'owner.links',
      'owner.actions',
    ]);
    const team = allMrkdwn([blockById(message.blocks, 'owner.team')]);
    expect(team).toContain('*Owned by Checkout* `group:default/checkout-team`');
    expect(team).toContain('#team-checkout');
    expect(team).toContain('<mailto:checkout@acme.example|checkout@acme.example>');
    expect(team).toContain('Part of Commerce Engineering');
    const members = allMrkdwn([blockById(message.blocks, 'owner.members')]);
    expect(members).toMatch(/^\*Members \(\d+\)\*\n<@U0MARCUS1> \(lead\), /);
    expect(members).toContain('<@U0SOFIA22>');
    expect(members).not.toContain('sofia.marquez@acme.example');
    expect(message.text).toBe('Checkout Service is owned by Checkout.');
    expect(message.response_type).toBe('ephemeral');
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message, ['U0MARCUS1', 'U0SOFIA22']);
  });

  it('shows lifecycle, system, domain and the links', () => {
    const message = ownerView(answer, ctx);
    const details = allMrkdwn([blockById(message.blocks, 'owner.details')]);
    expect(details).toContain('*Lifecycle*\nproduction');
    expect(details).toContain('*System*\ncheckout');
    expect(details).toContain('*Domain*\ncommerce');
    const links = allMrkdwn([blockById(message.blocks, 'owner.links')]);
    for (const title of ['Repository', 'Runbook', 'Dashboard', 'Docs']) expect(links).toContain(`|${title}>`);
  });

  it('offers deps, dependents, docs, on-call and share, all carrying the ref', () => {
    const buttons = buttonsOf(ownerView(answer, ctx));
    expect(buttons.map((element) => element.action_id)).toEqual([
      ActionIds.showDeps,
      ActionIds.showDependents,
      ActionIds.showDocs,
      ActionIds.showOnCall,
      ActionIds.shareInChannel,
    ]);
    expect(buttons.slice(0, 4).map((element) => element.value)).toEqual(Array(4).fill('component:default/checkout-service'));
    expect(buttons[2]!.url).toBe(ctx.docsUrl);
    // PagerDuty's service page for the entity's `pagerduty.com/service-id`, opened in the browser.
    expect(buttons[3]!.url).toBe('https://acme.pagerduty.com/service-directory/PC3XN9M');
    expect(parseShareValue(buttons[4]!.value!)).toEqual({ view: 'owner', ref: 'component:default/checkout-service' });
  });
});

describe('ownerView with scorecard results', () => {
  let answer: OwnerAnswer;
  beforeAll(async () => {
    answer = await exampleOrgOwnerAnswer('component:default/checkout-service');
  });
  const result = (level: string | null, passed: number, next: { level: string; failing: string[] } | null) => ({ level, passed, total: 6, next });

  it('shows each scorecard’s level, rules passing and what the next level needs, pointing at /scorecard', () => {
    const message = ownerView(answer, {
      slackIdsByEmail: noSlackIds,
      scorecards: [{ title: 'Production readiness', result: result('bronze', 5, { level: 'silver', failing: ['has-oncall'] }) }],
    });
    const line = allMrkdwn(blockById(message.blocks, 'owner.scorecards'));
    expect(line).toContain('Production readiness: *bronze* (5/6) · next: silver needs 1');
    expect(line).toContain('`/scorecard checkout-service`');
  });

  it('says when the entity reached no level, shows at most five scorecards, and escapes titles', () => {
    const many = Array.from({ length: 8 }, (_, index) => ({
      title: index === 0 ? HOSTILE : `Card ${index}`,
      result: result(null, 0, { level: 'bronze', failing: ['a', 'b'] }),
    }));
    const message = ownerView(answer, { slackIdsByEmail: noSlackIds, scorecards: many });
    const line = allMrkdwn(blockById(message.blocks, 'owner.scorecards'));
    expect(line).toContain('*no level yet* (0/6)');
    expect(line).toContain('and 3 more');
    expect(line).not.toContain('Card 5');
    expectNoInjectedControls(message);
    expectMessageWithinLimits(message);
  });

  it('has no scorecard line for an entity on no scorecard', () => {
    expect(blockIds(ownerView(answer, { slackIdsByEmail: noSlackIds, scorecards: [] }).blocks)).not.toContain('owner.scorecards');
  });
});

describe('ownerView edge cases', () => {
  const base = (overrides: Partial<OwnerAnswer> = {}): OwnerAnswer => ({ entity: component('svc'), members: [], ...overrides });

  it('explains a dangling owner', () => {
    const message = ownerView(base({ ownerRef: 'group:default/x' }), { slackIdsByEmail: noSlackIds });
    expect(allMrkdwn([blockById(message.blocks, 'owner.team')])).toContain('The owner `group:default/x` is not in the catalog');
    expect(message.text).toBe('svc is owned by group:default/x, which is not in the catalog.');
    expectMessageWithinLimits(message);
  });

  it('explains a missing owner', () => {
    const message = ownerView(base(), { slackIdsByEmail: noSlackIds });
    expect(allMrkdwn([blockById(message.blocks, 'owner.team')])).toContain('No owner is recorded');
    expect(message.blocks.some((block) => block.block_id === 'owner.members')).toBe(false);
  });

  it('asks for spec.owner only on kinds that have one', () => {
    const location = { ...component('places'), kind: 'Location', spec: { targets: [] } };
    const message = ownerView(base({ entity: location }), { slackIdsByEmail: noSlackIds });
    expect(allMrkdwn([blockById(message.blocks, 'owner.team')])).toBe('A Location has no owner in the catalog.');
  });

  it('takes a channel id written where a channel name is expected', () => {
    const owner = group('team-a', { annotations: { 'slack.com/channel': 'C0123ABCD9' } });
    const message = ownerView(base({ ownerRef: 'group:default/team-a', owner }), { slackIdsByEmail: noSlackIds });
    expect(allMrkdwn([blockById(message.blocks, 'owner.team')])).toContain('<#C0123ABCD9>');
  });

  it('shows members without a Slack id by display name', () => {
    const owner = group('team-a', { title: 'Team A' });
    const message = ownerView(base({ ownerRef: 'group:default/team-a', owner, members: [user('ana.lima', 'ana@x.example')] }), { slackIdsByEmail: noSlackIds });
    expect(allMrkdwn([blockById(message.blocks, 'owner.members')])).toBe('*Members (1)*\nana lima');
  });

  it('leaves out Dependencies, Dependents, Docs and On-call when none can be answered', () => {
    const message = ownerView(base(), { slackIdsByEmail: noSlackIds, pagerdutyUrl: 'https://acme.pagerduty.com' });
    expect(buttonsOf(message).map((element) => element.action_id)).toEqual([ActionIds.shareInChannel]);
  });

  it('offers Dependencies and Dependents only for the relations the entity has', () => {
    const ids = (relations: Array<{ type: string; targetRef: string }>) =>
      buttonsOf(ownerView(base({ entity: { ...component('svc'), relations } }), { slackIdsByEmail: noSlackIds })).map((element) => element.action_id);
    expect(ids([{ type: 'dependsOn', targetRef: 'resource:default/db' }])).toEqual([ActionIds.showDeps, ActionIds.shareInChannel]);
    expect(ids([{ type: 'apiConsumedBy', targetRef: 'component:default/web' }])).toEqual([ActionIds.showDependents, ActionIds.shareInChannel]);
    expect(
      ids([
        { type: 'partOf', targetRef: 'system:default/s' },
        { type: 'ownedBy', targetRef: 'group:default/team-a' },
      ]),
    ).toEqual([ActionIds.shareInChannel]);
  });

  it('offers Docs only with a page to open: a docs link or a techdocs URL, not a dir: techdocs source', () => {
    const docsOf = (annotations: Record<string, string>) =>
      buttonsOf(ownerView(base({ entity: component('svc', { annotations }) }), { slackIdsByEmail: noSlackIds })).find(
        (element) => element.action_id === ActionIds.showDocs,
      );
    expect(docsOf({ 'backstage.io/techdocs-ref': 'dir:.' })).toBeUndefined();
    expect(docsOf({ 'backstage.io/techdocs-ref': 'url:https://github.com/acme/svc/tree/main/docs' })?.url).toBe('https://github.com/acme/svc/tree/main/docs');
  });

  it("links On-call to the PagerDuty service page, the owning group's when the entity names none", () => {
    const owner = group('team-a', { annotations: { 'pagerduty.com/service-id': 'PTEAM01' } });
    const onCallOf = (answer: OwnerAnswer, pagerdutyUrl?: string) =>
      buttonsOf(ownerView(answer, { slackIdsByEmail: noSlackIds, ...(pagerdutyUrl ? { pagerdutyUrl } : {}) })).find(
        (element) => element.action_id === ActionIds.showOnCall,
      );
    const own = component('svc', { annotations: { 'pagerduty.com/service-id': 'PSVC001' } });
    expect(onCallOf(base({ entity: own }), 'https://acme.pagerduty.com/')?.url).toBe('https://acme.pagerduty.com/service-directory/PSVC001');
    expect(onCallOf(base({ ownerRef: 'group:default/team-a', owner }), 'https://acme.eu.pagerduty.com')?.url).toBe(
      'https://acme.eu.pagerduty.com/service-directory/PTEAM01',
    );
    // Without the account's address there is no page to open; a value that is not an id is never linked.
    expect(onCallOf(base({ entity: own }))).toBeUndefined();
    expect(
      onCallOf(base({ entity: component('svc', { annotations: { 'pagerduty.com/service-id': '../../x?y' } }) }), 'https://acme.pagerduty.com'),
    ).toBeUndefined();
  });

  it('names members without mentions when the answer is shared', () => {
    const owner = group('team-a', { title: 'Team A' });
    const members = [user('ana.lima', 'ana@x.example')];
    const message = ownerView(base({ ownerRef: 'group:default/team-a', owner, members }), {
      slackIdsByEmail: new Map([['ana@x.example', 'U0ANA']]),
      audience: 'shared',
    });
    expect(allMrkdwn([blockById(message.blocks, 'owner.members')])).toBe('*Members (1)*\nana lima');
    expect(JSON.stringify(message)).not.toContain('<@');
  });

  it('links the team channel by id when Slack knows its name, and mentions the user group', () => {
    const owner = group('team-a', { annotations: { 'slack.com/channel-name': '#Team-A', 'callboard.dev/slack-usergroup': 'S0TEAMA' } });
    const message = ownerView(base({ ownerRef: 'group:default/team-a', owner }), {
      slackIdsByEmail: noSlackIds,
      channelIds: new Map([['team-a', 'C0TEAMA']]),
    });
    const team = allMrkdwn([blockById(message.blocks, 'owner.team')]);
    expect(team).toContain('<#C0TEAMA>');
    expect(team).toContain('<!subteam^S0TEAMA>');
    const unresolved = ownerView(base({ ownerRef: 'group:default/team-a', owner }), { slackIdsByEmail: noSlackIds });
    expect(allMrkdwn([blockById(unresolved.blocks, 'owner.team')])).toContain('#Team-A');
  });

  it('escapes hostile catalog text everywhere', () => {
    const owner = group(
      'team-a',
      { title: HOSTILE, description: HOSTILE, annotations: { 'slack.com/channel-name': '<!here>' }, links: [] },
      { email: '<!everyone>@x' },
    );
    const entity = component(
      'svc',
      {
        title: HOSTILE,
        description: HOSTILE,
        links: [
          { url: 'https://example.com', title: HOSTILE },
          { url: 'javascript:alert(1)', title: 'bad' },
        ],
      },
      { lifecycle: HOSTILE },
    );
    const answer = base({
      entity,
      ownerRef: 'group:default/team-a',
      owner,
      members: [user('u', undefined, { title: '<@U999>' })],
      systemRef: 'system:default/<!channel>',
    });
    const message = ownerView(answer, { slackIdsByEmail: noSlackIds });
    expectNoInjectedControls(message);
    expect(allMrkdwn(message)).toContain(HOSTILE_ESCAPED);
    expect(allMrkdwn(message)).not.toContain('javascript:');
    expectMessageWithinLimits(message);
  });

  it('keeps emoji and RTL text', () => {
    const message = ownerView(base({ entity: component('svc', { title: EMOJI_RTL, description: EMOJI_RTL }) }), { slackIdsByEmail: noSlackIds });
    expect(blockById(message.blocks, 'owner.header')).toEqual(expect.objectContaining({ text: expect.objectContaining({ text: EMOJI_RTL }) }));
    expect(allMrkdwn([blockById(message.blocks, 'owner.description')])).toBe(EMOJI_RTL);
  });

  it('truncates 5 KB texts instead of failing', () => {
    const members = Array.from({ length: 300 }, (_, i) => user(`person.${i}`, `p${i}@x.example`, { title: FIVE_KB }));
    const owner = group('team-a', { title: FIVE_KB, description: FIVE_KB }, { email: `${FIVE_KB}@x.example` });
    const links = Array.from({ length: 40 }, (_, i) => ({ url: `https://example.com/${i}/${FIVE_KB.slice(0, 1500)}`, title: FIVE_KB }));
    const entity = component(FIVE_KB.slice(0, 63), { title: FIVE_KB, description: FIVE_KB, links }, { lifecycle: FIVE_KB, type: FIVE_KB });
    const message = ownerView(base({ entity, ownerRef: 'group:default/team-a', owner, members }), { slackIdsByEmail: noSlackIds });
    expectMessageWithinLimits(message);
    expect(allMrkdwn([blockById(message.blocks, 'owner.members')])).toContain('and 280 more');
  });
});
