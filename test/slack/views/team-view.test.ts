import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { ActionIds } from '../../../src/slack/ids.ts';
import { parsePageValue } from '../../../src/slack/views/action-values.ts';
import { teamView } from '../../../src/slack/views/team-view.ts';
import { findTeam, type TeamAnswer } from '../../../src/usecases/find-team.ts';
import { openExampleCatalog } from '../helpers/catalog-fixture.ts';
import {
  allMrkdwn,
  blockById,
  blockIds,
  expectMessageWithinLimits,
  expectNoInjectedControls,
  FIVE_KB,
  group,
  HOSTILE,
  HOSTILE_ESCAPED,
  user,
} from './view-helpers.ts';
import { scorecardSummary } from './scorecard-summaries.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

const slackIdsByEmail = new Map([
  ['marcus.oyelaran@acme.example', 'U0MARCUS1'],
  ['sofia.marquez@acme.example', 'U0SOFIA22'],
  ['lena.fischer@acme.example', 'U0LENA333'],
]);
const channelIds = new Map([
  ['team-checkout', 'C0CHECKOUT'],
  ['team-payments', 'C0PAYMENTS'],
  ['dept-commerce', 'C0COMMERCE'],
]);
const actionIdsOf = (message: ReturnType<typeof teamView>) => {
  const actions = blockById(message.blocks, 'team.actions');
  return actions.type === 'actions' ? actions.elements.map((element) => (element as { action_id: string }).action_id) : [];
};

describe('teamView on the example org', () => {
  it('checkout-team: how to reach it, lead and members, where it sits, what it owns, its problems', () => {
    const message = teamView(findTeam(runtime.store, 'group:default/checkout-team'), { slackIdsByEmail, channelIds });
    expect(blockIds(message.blocks)).toEqual([
      'team.header',
      'team.kind',
      'team.description',
      'team.reach',
      'team.people',
      'team.structure',
      'team.owned',
      'team.problems',
      'team.links',
      'team.actions',
    ]);
    expect(allMrkdwn([blockById(message.blocks, 'team.reach')])).toBe('<#C0CHECKOUT>  ·  :email: <mailto:checkout@acme.example|checkout@acme.example>');
    expect(allMrkdwn([blockById(message.blocks, 'team.people')])).toBe('*Members (3)*\n<@U0MARCUS1> (lead), <@U0SOFIA22>, Tomasz Nowak');
    expect(allMrkdwn([blockById(message.blocks, 'team.structure')])).toBe('*Part of*  Commerce Engineering (<#C0COMMERCE>)');
    expect(allMrkdwn([blockById(message.blocks, 'team.owned')])).toBe(
      [
        '*Owns 6 entities*',
        '*System (1)*  `checkout`',
        '*Components (3)*  `cart-service`, `checkout-service`, `pricing-service`',
        '*APIs (2)*  `checkout-api`, `pricing-grpc`',
      ].join('\n'),
    );
    expect(allMrkdwn([blockById(message.blocks, 'team.problems')])).toBe(':white_check_mark: No open catalog problems.');
    expect(message.text).toBe('Checkout: 3 members, owns 6 entities.');
    // A team has no owner, no dependencies and no dependents: nothing suggests adding spec.owner.
    expect(JSON.stringify(message)).not.toContain('spec.owner');
    expect(actionIdsOf(message)).toEqual([ActionIds.shareInChannel]);
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message, ['U0MARCUS1', 'U0SOFIA22']);
  });

  it('matches the snapshot for checkout-team', () => {
    expect(teamView(findTeam(runtime.store, 'group:default/checkout-team'), { slackIdsByEmail, channelIds })).toMatchSnapshot();
  });

  it('payments-team, shared: members are names, the team is reached through its channel and user group', () => {
    const message = teamView(findTeam(runtime.store, 'group:default/payments-team'), { slackIdsByEmail, channelIds, audience: 'shared' });
    const serialised = JSON.stringify(message);
    expect(serialised).not.toContain('<@');
    expect(allMrkdwn([blockById(message.blocks, 'team.reach')])).toContain('<#C0PAYMENTS>  ·  <!subteam^S04PAYMNT5>');
    expect(allMrkdwn([blockById(message.blocks, 'team.people')])).toMatch(/^\*Members \(\d+\)\*\nLena Fischer \(lead\), /);
    expectMessageWithinLimits(message);
  });

  it('an unresolved channel stays #name text', () => {
    const message = teamView(findTeam(runtime.store, 'group:default/payments-team'), { slackIdsByEmail: new Map() });
    expect(allMrkdwn([blockById(message.blocks, 'team.reach')])).toMatch(/^#team-payments {2}· {2}<!subteam\^S04PAYMNT5>/);
  });

  it('a department lists its child teams with their channels, and what they own', () => {
    const message = teamView(findTeam(runtime.store, 'group:default/commerce-engineering', { perKind: 2 }), { slackIdsByEmail, channelIds });
    const structure = allMrkdwn([blockById(message.blocks, 'team.structure')]);
    expect(structure).toContain('*Part of*  Acme');
    expect(structure).toContain('*Teams (4)*  Checkout (<#C0CHECKOUT>), Payments (<#C0PAYMENTS>), Search &amp; Discovery (#team-search), Storefront (');
    const owned = allMrkdwn([blockById(message.blocks, 'team.owned')]);
    expect(owned).toMatch(/^\*Owns \d+ entities\* \(\d+ through its child teams\)/);
    expect(owned).toMatch(/\*Components \(\d+\)\* {2}`[^`]+`, `[^`]+` and \d+ more/);
    // Not all of it is named on the card: a button opens the whole list, paged.
    const actions = blockById(message.blocks, 'team.actions');
    const first = actions.type === 'actions' ? (actions.elements[0] as { action_id: string; value: string; text: { text: string } }) : undefined;
    expect(first?.action_id).toBe(ActionIds.showOwned);
    expect(first?.text.text).toMatch(/^All it owns \(\d+\)$/);
    expect(parsePageValue(first!.value)).toEqual({ view: 'owned', ref: 'group:default/commerce-engineering', page: 1 });
    expectMessageWithinLimits(message);
  });
});

describe('teamView edge cases', () => {
  const base = (overrides: Partial<TeamAnswer> = {}): TeamAnswer => ({
    group: group('team-a', { title: 'Team A' }),
    members: [],
    children: [],
    owned: { byKind: [], total: 0, throughChildTeams: 0 },
    problems: { count: 0, first: [] },
    ...overrides,
  });

  it('says what it owns is nothing, and lists problems with the count and where the rest are', () => {
    const problem = (i: number) => ({
      severity: i === 0 ? ('error' as const) : ('warning' as const),
      message: `problem ${i}`,
      file: 'x.yaml',
      line: 1,
      column: 1,
      entityRef: `component:default/svc-${i}`,
      sourceId: 'dir:x',
      origin: 'file',
    });
    const message = teamView(base({ problems: { count: 12, first: [0, 1].map(problem) } }), { slackIdsByEmail: new Map() });
    expect(allMrkdwn([blockById(message.blocks, 'team.owned')])).toBe('*Owns* nothing in the catalog yet.');
    expect(allMrkdwn([blockById(message.blocks, 'team.problems')])).toBe(
      [
        '*Open catalog problems (12)*',
        ':x: `svc-0`  problem 0',
        ':warning: `svc-1`  problem 1',
        'and 10 more: `/callboard errors team-a` lists them all.',
      ].join('\n'),
    );
  });

  it('names a lead who is not a member', () => {
    const lead = user('ana.lima', 'ana@x.example');
    const answer = base({ group: group('team-a', { annotations: { 'callboard.dev/team-lead': 'user:default/ana.lima' } }), lead });
    expect(allMrkdwn([blockById(teamView(answer, { slackIdsByEmail: new Map() }).blocks, 'team.people')])).toBe(
      '*Lead*  ana lima\n*Members*  none recorded in the catalog.',
    );
  });

  it("links On-call to the group's own PagerDuty service", () => {
    const answer = base({ group: group('team-a', { annotations: { 'pagerduty.com/service-id': 'PTEAM01' } }) });
    const message = teamView(answer, { slackIdsByEmail: new Map(), pagerdutyUrl: 'https://acme.pagerduty.com' });
    expect(actionIdsOf(message)).toEqual([ActionIds.showOnCall, ActionIds.shareInChannel]);
    expect(JSON.stringify(blockById(message.blocks, 'team.actions'))).toContain('https://acme.pagerduty.com/service-directory/PTEAM01');
  });

  it('stays within Block Kit limits with huge teams and hostile text, escaping it', () => {
    const members = Array.from({ length: 400 }, (_, i) => user(`person.${i}`, `p${i}@x.example`, { title: i === 0 ? HOSTILE : FIVE_KB }));
    const kinds = Array.from({ length: 40 }, (_, k) => ({
      kind: `Kind${k}${FIVE_KB.slice(0, 60)}`,
      count: 5000,
      first: Array.from({ length: 5 }, (_, i) => ({
        ref: `kind${k}:default/${FIVE_KB.slice(0, 200)}${i}`,
        kind: `Kind${k}`,
        name: `n${i}`,
        ownerRef: 'group:default/team-a',
      })),
    }));
    const children = Array.from({ length: 60 }, (_, i) => group(`child-${i}`, { title: FIVE_KB, annotations: { 'slack.com/channel-name': FIVE_KB } }));
    const answer = base({
      group: group(
        'team-a',
        { title: HOSTILE, description: FIVE_KB, annotations: { 'slack.com/channel-name': '<!here>', 'callboard.dev/slack-usergroup': '<!channel>' } },
        { email: HOSTILE },
      ),
      members,
      children,
      parent: group('parent', { title: HOSTILE }),
      owned: { byKind: kinds, total: 200_000, throughChildTeams: 0 },
    });
    const message = teamView(answer, { slackIdsByEmail: new Map() });
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message);
    expect(allMrkdwn(message)).toContain(HOSTILE_ESCAPED);
    expect(allMrkdwn([blockById(message.blocks, 'team.people')])).toContain('and 380 more');
  });

  it("shows each scorecard's level counts and next best fix after what the team owns, from stored results", () => {
    const scorecards = [
      scorecardSummary(),
      scorecardSummary('Security', { nextBestFix: { id: 'sast', level: 'bronze', lifts: 0, blocking: 3 } }),
      scorecardSummary('Cost', { nextBestFix: null }),
    ];
    const message = teamView(base(), { slackIdsByEmail: new Map(), scorecards });
    const ids = blockIds(message.blocks);
    expect(ids.indexOf('team.scorecards')).toBe(ids.indexOf('team.owned') + 1);
    expect(allMrkdwn([blockById(message.blocks, 'team.scorecards')])).toBe(
      [
        ':bar_chart: Production readiness: gold 2 · silver 0 · bronze 1 · no level 0 · next best fix: Has a runbook (lifts 1)',
        ':bar_chart: Security: gold 2 · silver 0 · bronze 1 · no level 0 · most missing: sast (3)',
        ':bar_chart: Cost: gold 2 · silver 0 · bronze 1 · no level 0',
        '`/scorecard team-a` ranks its entities.',
      ].join('\n'),
    );
    expect(blockIds(teamView(base(), { slackIdsByEmail: new Map(), scorecards: [] }).blocks)).not.toContain('team.scorecards');
  });

  it('keeps many scorecards with hostile, long titles within limits and escaped', () => {
    const scorecards = Array.from({ length: 12 }, (_, i) =>
      scorecardSummary(`${HOSTILE} ${i} ${FIVE_KB}`, { nextBestFix: { id: 'r', level: 'gold', title: FIVE_KB, lifts: 2, blocking: 2 } }),
    );
    const message = teamView(base(), { slackIdsByEmail: new Map(), scorecards });
    const text = allMrkdwn([blockById(message.blocks, 'team.scorecards')]);
    expect(text.split('\n')).toHaveLength(6);
    expect(text).toContain('And 7 more scorecards.');
    expectMessageWithinLimits(message);
    expectNoInjectedControls(message);
  });
});
