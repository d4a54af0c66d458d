import { describe, expect, it } from 'vitest';
import { ActionIds } from '../../../src/slack/ids.ts';
import { appHomeView, type HomeEntity } from '../../../src/slack/views/app-home-view.ts';
import {
  allMrkdwn,
  blockById,
  blockIds,
  EMOJI_RTL,
  expectNoInjectedControls,
  expectViewWithinLimits,
  FIVE_KB,
  group,
  HOSTILE,
  HOSTILE_ESCAPED,
  user,
} from './view-helpers.ts';
import { scorecardSummary } from './scorecard-summaries.ts';

const entity = (name: string, extra: Partial<HomeEntity> = {}): HomeEntity => ({
  ref: `component:default/${name}`,
  kind: 'Component',
  name,
  problemCount: 0,
  ...extra,
});

const NONE = { errors: 0, warnings: 0 };

const checkout = group('checkout-team', { title: 'Checkout', annotations: { 'slack.com/channel-name': 'team-checkout' } });

describe('appHomeView', () => {
  it('greets the user, lists their teams with problems first, and offers quick actions', () => {
    const view = appHomeView({
      user: user('sofia.marquez', 'sofia@acme.example'),
      teams: [
        {
          group: checkout,
          entities: [entity('cart-service', { lifecycle: 'production' }), entity('checkout-service', { title: 'Checkout Service', problemCount: 2 })],
        },
      ],
      problems: { errors: 1, warnings: 2 },
      problemScope: 'your teams',
      canSync: true,
      lastSyncAt: '2025-03-01T10:00:00.000Z',
    });
    expect(view.type).toBe('home');
    expect(blockIds(view.blocks)).toEqual([
      'home.header',
      'home.greeting',
      'home.status',
      'home.actions',
      'home.team.0.divider',
      'home.team.0.heading',
      'home.team.0.entities',
    ]);
    expect(allMrkdwn([blockById(view.blocks, 'home.greeting')])).toBe('Hi *sofia marquez*. Here is what your teams own.');
    expect(allMrkdwn([blockById(view.blocks, 'home.status')])).toContain(':x: 1 error and 2 warnings in your teams');
    expect(allMrkdwn([blockById(view.blocks, 'home.team.0.heading')])).toBe(
      '*Checkout* `group:default/checkout-team`  ·  #team-checkout  ·  2 entities  ·  :warning: 1 with problems',
    );
    expect(allMrkdwn([blockById(view.blocks, 'home.team.0.entities')])).toBe(
      '• :warning: 2  *Checkout Service* `checkout-service`  ·  component\n• *cart-service*  ·  component  ·  production',
    );
    const actions = blockById(view.blocks, 'home.actions') as { elements: Array<{ action_id: string }> };
    expect(actions.elements.map((element) => element.action_id)).toEqual([ActionIds.openEntity, ActionIds.showProblems, ActionIds.syncNow, ActionIds.showHelp]);
    expectViewWithinLimits(view);
  });

  it('offers Sync now only to those allowed to run it, and shows what a Home button just did', () => {
    const data = { user: user('a'), teams: [], problems: NONE, problemScope: 'your teams' };
    const actionIds = (view: ReturnType<typeof appHomeView>) =>
      (blockById(view.blocks, 'home.actions') as { elements: Array<{ action_id: string }> }).elements.map((element) => element.action_id);
    expect(actionIds(appHomeView({ ...data, canSync: false }))).not.toContain(ActionIds.syncNow);
    expect(actionIds(appHomeView({ ...data, canSync: true }))).toContain(ActionIds.syncNow);
    const notice = [{ type: 'section' as const, block_id: 'sync.started', text: { type: 'mrkdwn' as const, text: 'Syncing…' } }];
    const view = appHomeView({ ...data, canSync: true, notice });
    expect(blockIds(view.blocks).slice(0, 5)).toEqual(['home.header', 'home.greeting', 'home.status', 'sync.started', 'home.actions']);
    expectViewWithinLimits(view);
  });

  it('explains an unmatched user and a missing sync', () => {
    const view = appHomeView({ teams: [], problems: NONE, problemScope: 'the catalog', canSync: false });
    expect(allMrkdwn([blockById(view.blocks, 'home.greeting')])).toContain('could not match your Slack email');
    expect(allMrkdwn([blockById(view.blocks, 'home.status')])).toBe('Not synced yet  ·  :white_check_mark: No catalog problems in the catalog');
    expectViewWithinLimits(view);
  });

  it('summarises a team owning 2,000 entities within 100 blocks', () => {
    const entities = Array.from({ length: 2000 }, (_, i) =>
      entity(`svc-${i}`, { kind: i % 4 === 0 ? 'API' : 'Component', title: FIVE_KB, problemCount: i % 100 === 0 ? 1 : 0 }),
    );
    const view = appHomeView({
      user: user('a'),
      teams: [{ group: checkout, entities }],
      problems: { errors: 0, warnings: 20 },
      problemScope: 'your teams',
      canSync: false,
    });
    expectViewWithinLimits(view);
    expect(allMrkdwn([blockById(view.blocks, 'home.team.0.more')])).toMatch(/…and 1,9\d\d more entities \(component 1,\d+, api \d+\)/);
    expect(allMrkdwn([blockById(view.blocks, 'home.team.0.entities')]).split('\n')[0]).toContain(':warning: 1');
  });

  it('stays within limits for many teams that each own a lot', () => {
    const teams = Array.from({ length: 40 }, (_, t) => ({
      group: group(`team-${t}`, { title: FIVE_KB }),
      entities: Array.from({ length: 500 }, (_, i) => entity(`svc-${t}-${i}`, { title: FIVE_KB })),
    }));
    const view = appHomeView({ user: user('a'), teams, problems: NONE, problemScope: 'your teams', canSync: false });
    expectViewWithinLimits(view);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(allMrkdwn([blockById(view.blocks, 'home.more_teams')])).toBe('25 more teams not shown.');
  });

  it('escapes catalog text and keeps emoji and RTL', () => {
    const view = appHomeView({
      user: user('a', undefined, { title: HOSTILE }),
      teams: [{ group: group('g', { title: HOSTILE }), entities: [entity('x', { title: EMOJI_RTL, lifecycle: HOSTILE, kind: '<!here>' })] }],
      problems: NONE,
      problemScope: 'your teams',
      canSync: false,
      lastSyncAt: HOSTILE,
    });
    expectNoInjectedControls(view);
    expect(allMrkdwn(view)).toContain(HOSTILE_ESCAPED);
    expect(allMrkdwn(view)).toContain(EMOJI_RTL);
    expectViewWithinLimits(view);
  });

  it("shows each team's scorecard levels under its heading, at most three, from stored results", () => {
    const payments = group('payments-team', { title: 'Payments' });
    const scorecards = new Map([
      ['group:default/checkout-team', [scorecardSummary()]],
      ['group:default/payments-team', ['A', 'B', 'C', 'D', 'E'].map((title) => scorecardSummary(title))],
    ]);
    const view = appHomeView({
      user: user('a'),
      teams: [
        { group: checkout, entities: [entity('cart-service')] },
        { group: payments, entities: [entity('ledger')] },
      ],
      problems: NONE,
      problemScope: 'your teams',
      canSync: false,
      scorecards,
    });
    const checkoutHeading = allMrkdwn([blockById(view.blocks, 'home.team.0.heading')]).split('\n');
    expect(checkoutHeading[1]).toBe(':bar_chart: Production readiness: gold 2 · silver 0 · bronze 1 · no level 0 · next best fix: Has a runbook (lifts 1)');
    const paymentsHeading = allMrkdwn([blockById(view.blocks, 'home.team.1.heading')]).split('\n');
    expect(paymentsHeading.slice(1).map((line) => line.split(':')[2])).toEqual([' A', ' B', ' C', undefined]);
    expect(paymentsHeading.at(-1)).toBe('…and 2 more scorecards: `/scorecard payments-team`');
    expectViewWithinLimits(view);
  });

  it('stays within limits with many teams each on many scorecards with long titles', () => {
    const teams = Array.from({ length: 40 }, (_, t) => ({ group: group(`team-${t}`, { title: FIVE_KB }), entities: [entity(`svc-${t}`, { title: FIVE_KB })] }));
    const scorecards = new Map(
      teams.map((team) => [`group:default/${team.group.metadata.name}`, Array.from({ length: 8 }, () => scorecardSummary(`${HOSTILE} ${FIVE_KB}`))]),
    );
    const view = appHomeView({ user: user('a'), teams, problems: NONE, problemScope: 'your teams', canSync: false, scorecards });
    expectViewWithinLimits(view);
    expectNoInjectedControls(view);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });
});
