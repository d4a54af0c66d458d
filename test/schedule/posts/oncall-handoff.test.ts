import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScorecardResult } from '../../../src/core/scorecards/evaluate-scorecard.ts';
import { loadMessageTemplates } from '../../../src/messages/message-templates.ts';
import { PagerdutyProvider } from '../../../src/oncall/pagerduty/pagerduty-provider.ts';
import { oncallHandoffPost } from '../../../src/schedule/posts/oncall-handoff.ts';
import type { PostContext, PostOnCall } from '../../../src/schedule/posts/post-type.ts';
import { FAKE_PAGERDUTY_TOKEN, PagerdutyApiServer } from '../../fakes/pagerduty-api-server.ts';
import { checkMessageLimits } from '../../helpers/block-kit/check-block-kit-limits.ts';
import { component } from '../../helpers/sync-harness.ts';
import { paymentsOnPagerduty } from '../../oncall/pagerduty/pagerduty-scenario.ts';
import { handoffSchedule, openHandoffWorld, switchableProvider, weeklyBerlin } from '../helpers/handoff-world.ts';

const messages = loadMessageTemplates({ names: ['oncall-handoff'], overrides: {}, configKey: 'postMessages' });
const textOf = (message: { blocks: unknown[] }) => JSON.stringify(message.blocks);

const slackIds =
  (ids: Record<string, string>): PostOnCall['slackIdsByEmail'] =>
  async (emails) =>
    new Map(emails.flatMap((email) => (ids[email] ? [[email, ids[email]] as [string, string]] : [])));

const result = (entity: string, rules: ScorecardResult['rules']): ScorecardResult => ({
  scorecard: 'scorecard:default/production-readiness',
  entityRef: entity,
  level: null,
  passed: rules.filter((rule) => rule.passed === true).length,
  total: rules.length,
  levels: [
    { level: 'bronze', passed: 0, total: 2 },
    { level: 'silver', passed: 0, total: 1 },
  ],
  rules,
  next: { level: 'bronze', failing: ['owned-by-group'] },
});

describe('oncall-handoff post for a rotation', () => {
  let world: Awaited<ReturnType<typeof openHandoffWorld>>;
  beforeAll(async () => {
    world = await openHandoffWorld({
      'rotation.yaml': weeklyBerlin({ overrides: [{ layer: 'primary', user: 'user:frank', from: '2026-12-24T00:00', until: '2026-12-27T00:00' }] }),
      'checkout.yaml': component('checkout', { owner: 'payments-team', dependsOn: ['component:ledger-gone'] }),
    });
  });
  afterAll(() => world.close());

  const context = (overrides: Partial<PostContext> = {}): PostContext => ({
    schedule: handoffSchedule(),
    // Frank's override begins at midnight, Berlin (posted an hour before).
    slot: new Date('2026-12-23T23:00:00Z'),
    manual: false,
    store: world.catalog.store,
    messages,
    oncall: { ...world.oncall, slackIdsByEmail: slackIds({ 'frank@example.com': 'U0FRANK' }) },
    ...overrides,
  });

  it('says who hands over to whom, with mentions where Slack knows the person, and the override in effect', async () => {
    const message = await oncallHandoffPost.build(context());
    const text = textOf(message);
    expect(message.text).toContain('On-call handoff: payments-team at Thu 24 Dec, 00:00');
    expect(text).toContain('*Level 1 · primary*: Carol Chen → <@U0FRANK> (until Sun 27 Dec, 00:00)');
    expect(text).toContain('• primary: <@U0FRANK> from Thu 24 Dec, 00:00 until Sun 27 Dec, 00:00');
    expect(checkMessageLimits(message)).toEqual([]);
  });

  it("lists what the next person inherits: the team's open catalog problems and failing lowest-level rules", async () => {
    const unused = () => {
      throw new Error('a handoff reads only resultsOfEntities');
    };
    const scorecards = {
      resultsOfScorecard: unused,
      historyBetween: unused,
      resultsOfEntities: (refs: readonly string[]) =>
        refs.includes('component:default/checkout')
          ? [
              result('component:default/checkout', [
                { id: 'owned-by-group', level: 'bronze', passed: false, message: 'no group owns it' },
                { id: 'has-runbook', level: 'bronze', passed: null },
                { id: 'has-docs', level: 'silver', passed: false },
              ]),
            ]
          : [],
    };
    const text = textOf(await oncallHandoffPost.build(context({ scorecards })));
    expect(text).toContain('1 open catalog problem:');
    expect(text).toContain('ledger-gone');
    expect(text).toContain('1 lowest-level scorecard rule failing');
    expect(text).toContain('production-readiness: owned-by-group (bronze) on 1: checkout');
    // Unknown is not failing, and silver is not the lowest level.
    expect(text).not.toContain('has-runbook');
    expect(text).not.toContain('has-docs');
  });

  it('counts a lowest-level rule that is unknown now but failed when last known as failing (unknown keeps the previous result)', async () => {
    const unused = () => {
      throw new Error('a handoff reads only resultsOfEntities');
    };
    const scorecards = {
      resultsOfScorecard: unused,
      historyBetween: unused,
      resultsOfEntities: (refs: readonly string[]) =>
        refs.includes('component:default/checkout')
          ? [
              result('component:default/checkout', [
                { id: 'owned-by-group', level: 'bronze', passed: true },
                { id: 'has-oncall', level: 'bronze', passed: null, message: 'on-call unavailable', lastKnown: false },
                { id: 'has-runbook', level: 'bronze', passed: null, lastKnown: true },
              ]),
            ]
          : [],
    };
    const text = textOf(await oncallHandoffPost.build(context({ scorecards })));
    expect(text).toContain('1 lowest-level scorecard rule failing');
    expect(text).toContain('production-readiness: has-oncall (bronze) on 1: checkout');
    expect(text).not.toContain('has-runbook');
  });

  it('says how long until the change from when it is posted, and that it has happened when posted after it (quiet hours, catch-up)', async () => {
    // The change at 23:00Z, planned for 22:00Z, posted 15 minutes late.
    const late = textOf(await oncallHandoffPost.build(context({ now: new Date('2026-12-23T22:15:00Z') })));
    expect(late).toContain('on-call changes at *Thu 24 Dec, 00:00* (Europe/Berlin), in 45 min.');
    const justBefore = textOf(await oncallHandoffPost.build(context({ now: new Date('2026-12-23T22:59:40Z') })));
    expect(justBefore).toContain('on-call changes at *Thu 24 Dec, 00:00* (Europe/Berlin), in 1 min.');
    // Posted when quiet hours ended at 08:00 Berlin, hours after the change.
    const after = await oncallHandoffPost.build(context({ now: new Date('2026-12-24T07:00:00Z') }));
    expect(textOf(after)).toContain('on-call changed at *Thu 24 Dec, 00:00* (Europe/Berlin).');
    expect(textOf(after)).not.toMatch(/in -?\d+ min/);
  });

  it('by hand, announces the next shift change', async () => {
    const message = await oncallHandoffPost.build(context({ manual: true, slot: new Date('2026-12-25T12:00:00Z') }));
    expect(textOf(message)).toContain('<@U0FRANK> → Carol Chen');
    expect(message.text).toContain('Sun 27 Dec, 00:00');
  });

  it('fails the slot with "on-call unavailable" when the provider cannot answer', async () => {
    const { provider, state } = switchableProvider(world.oncall.providers[0]!);
    state.down = true;
    const down = { providers: [provider], timeoutMs: 1000 };
    await expect(oncallHandoffPost.build(context({ oncall: down }))).rejects.toThrow('on-call unavailable: the test provider is down (HTTP 503)');
  });
});

describe('oncall-handoff post for a PagerDuty-backed team (strict fake)', () => {
  let fake: PagerdutyApiServer;
  let world: Awaited<ReturnType<typeof openHandoffWorld>>;
  beforeAll(async () => {
    fake = await PagerdutyApiServer.start(paymentsOnPagerduty());
    const team = JSON.stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'payments-team', annotations: { 'pagerduty.com/service-id': 'PSVCPAY' } },
      spec: { type: 'team', children: [] },
    });
    world = await openHandoffWorld({ 'team.yaml': team }, () => [new PagerdutyProvider({ baseUrl: fake.baseUrl, token: FAKE_PAGERDUTY_TOKEN })]);
  });
  afterAll(async () => {
    world.close();
    await fake.stop();
  });

  it("slots come from PagerDuty's on-calls: each shift change at any level, posted an hour before", async () => {
    const spec = handoffSchedule();
    // Level 3 starts at 12:00Z, level 1's follow-the-sun shift changes at 18:00Z.
    expect(await world.slots.nextSlot(spec, new Date('2026-12-07T10:00:00Z'))).toEqual({
      slot: new Date('2026-12-07T12:00:00Z'),
      postAt: new Date('2026-12-07T11:00:00Z'),
    });
    expect((await world.slots.nextSlot(spec, new Date('2026-12-07T11:00:00Z')))?.postAt.toISOString()).toBe('2026-12-07T17:00:00.000Z');
  });

  it('the message names both people at level 1 and who stays on at the other levels', async () => {
    const message = await oncallHandoffPost.build({
      schedule: handoffSchedule(),
      slot: new Date('2026-12-07T18:00:00Z'),
      manual: false,
      store: world.catalog.store,
      messages,
      oncall: { ...world.oncall, slackIdsByEmail: slackIds({ 'dave@example.com': 'U0DAVE' }) },
    });
    const text = textOf(message);
    expect(text).toContain('*Level 1 · Level 1*: Alice Adams, Carol Chen → Alice Adams, <@U0DAVE>');
    expect(text).toContain('Erin Evans, Frank Fox stays on');
    expect(message.blocks.at(-1)).toMatchObject({ elements: [{ text: expect.stringContaining('Payments escalation (pagerduty)') }] });
    expect(checkMessageLimits(message)).toEqual([]);
    expect(fake.requestsTo('/oncalls').every((request) => request.authorization === `Token token=${FAKE_PAGERDUTY_TOKEN}`)).toBe(true);
  });
});

describe('oncall-handoff post names from the catalog', () => {
  let world: Awaited<ReturnType<typeof openHandoffWorld>>;
  beforeAll(async () => {
    const team = JSON.stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'payments-team', title: 'R&D <!here>' },
      spec: { type: 'team', children: [] },
    });
    const titled = JSON.parse(weeklyBerlin()) as { metadata: Record<string, unknown> };
    titled.metadata.title = 'Primary <!channel> & co';
    world = await openHandoffWorld({ 'team.yaml': team, 'rotation.yaml': JSON.stringify(titled) });
  });
  afterAll(() => world.close());

  it('escapes the team and rotation titles in the notification text and the context line, where Slack reads mrkdwn', async () => {
    const message = await oncallHandoffPost.build({
      schedule: handoffSchedule(),
      slot: new Date('2026-12-23T23:00:00Z'),
      manual: false,
      store: world.catalog.store,
      messages,
      oncall: world.oncall,
    });
    expect(message.text).toContain('On-call handoff: R&amp;D &lt;!here&gt; at');
    expect(message.text).not.toContain('<!here>');
    const context = JSON.stringify(message.blocks.at(-1));
    expect(context).toContain('Primary &lt;!channel&gt; &amp; co (rotation)');
    expect(context).not.toContain('<!channel>');
    // The header is plain text: shown as written.
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: expect.stringContaining('R&D <!here>') } });
  });
});
