import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { answerRequest } from '../../../src/slack/listeners/answers/answer-request.ts';
import { sharedCopy } from '../../../src/slack/views/shared-copy.ts';
import type { SlackMessage } from '../../../src/slack/views/slack-message.ts';
import { memoryChannels, memoryUsers, openExampleCatalog, People, slackDepsFor } from '../helpers/catalog-fixture.ts';
import { allText, blockIds } from '../helpers/recorder.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

const owner = (entity: string, options: { audience?: 'private' | 'shared' } = {}, users = memoryUsers(), channels = memoryChannels()) =>
  answerRequest(
    slackDepsFor(runtime, { pagerdutyUrl: 'https://acme.pagerduty.com' }, users.api, channels.api),
    { kind: 'owner', entity },
    People.marcus.id,
    options,
  );

const buttonsOf = (message: SlackMessage): Array<{ action_id: string; url?: string }> =>
  message.blocks.flatMap((block) => (block.type === 'actions' ? (block.elements as Array<{ action_id: string; url?: string }>) : []));

describe('/owner shows the entity’s stored scorecard results', () => {
  it('reads them from the results store by the entity’s ref, titled by the Scorecard entity', async () => {
    const asked: string[] = [];
    const scorecards = {
      resultsOfEntity: (ref: string) => {
        asked.push(ref);
        return [
          {
            scorecard: 'scorecard:default/production-readiness',
            entityRef: ref,
            level: 'bronze',
            passed: 5,
            total: 6,
            levels: [],
            rules: [],
            next: { level: 'silver', failing: ['has-oncall'] },
          },
        ];
      },
      resultsOfEntities: () => [],
      resultsOfScorecard: () => [],
    };
    const users = memoryUsers();
    const deps = { ...slackDepsFor(runtime, {}, users.api, memoryChannels().api), scorecards };
    const message = await answerRequest(deps, { kind: 'owner', entity: 'checkout-service' }, People.marcus.id, {});
    expect(asked).toEqual(['component:default/checkout-service']);
    expect(allText(message)).toContain('Production readiness: *bronze* (5/6) · next: silver needs 1');
  });
});

describe('/owner <team> summarises its entities’ stored scorecard results', () => {
  it('reads the results of what the team owns and shows the level counts and the next best fix', async () => {
    const asked: string[][] = [];
    const result = (entityRef: string, level: string, failing: string[]) => ({
      scorecard: 'scorecard:default/production-readiness',
      entityRef,
      level,
      passed: 4,
      total: 6,
      levels: [],
      rules: failing.map((id) => ({ id, level: 'silver', passed: false })),
      next: { level: 'silver', failing },
    });
    const scorecards = {
      resultsOfEntity: () => [],
      resultsOfEntities: (refs: readonly string[]) => {
        asked.push([...refs]);
        return [result('component:default/cart-service', 'bronze', ['has-oncall']), result('component:default/checkout-service', 'bronze', ['has-oncall'])];
      },
      resultsOfScorecard: () => [],
    };
    const deps = { ...slackDepsFor(runtime, {}, memoryUsers().api, memoryChannels().api), scorecards };
    const message = await answerRequest(deps, { kind: 'owner', entity: 'group:default/checkout-team' }, People.marcus.id, {});
    expect(asked[0]).toContain('component:default/checkout-service');
    expect(blockIds(message)).toContain('team.scorecards');
    expect(allText(message)).toMatch(/:bar_chart: Production readiness: gold 0 · silver 0 · bronze 2 · no level 0 · next best fix: [^\n]+ \(lifts 2\)/);
  });
});

describe('/owner answers by kind', () => {
  it('a Group gets the team card, never "add spec.owner"', async () => {
    const message = await owner('group:default/checkout-team');
    expect(blockIds(message)).toContain('team.owned');
    expect(allText(message)).not.toContain('spec.owner');
    expect(allText(message)).not.toContain('No owner is recorded');
    expect(allText(message)).toContain('*Components (3)*');
  });

  it('a User gets the person card: their teams and what those own', async () => {
    const message = await owner('user:default/marcus.oyelaran');
    expect(blockIds(message)).toEqual(['person.header', 'person.kind', 'person.team.0', 'person.actions']);
    expect(allText(message)).not.toContain('spec.owner');
    expect(allText(message)).toContain('*Checkout* (lead)');
  });

  it('a component keeps the owner card, its buttons only those with an answer', async () => {
    const service = await owner('component:default/checkout-service');
    expect(buttonsOf(service).map((element) => element.action_id)).toEqual([
      'entity.show_deps',
      'entity.show_dependents',
      'entity.show_docs',
      'entity.show_oncall',
      'message.share',
    ]);
    expect(buttonsOf(service)[3]!.url).toBe('https://acme.pagerduty.com/service-directory/PC3XN9M');
    // orders-db: something depends on it, it depends on nothing, no docs link, no PagerDuty service.
    const database = await owner('resource:default/orders-db');
    expect(buttonsOf(database).map((element) => element.action_id)).toEqual(['entity.show_dependents', 'message.share']);
    // A system has no dependency relations of its own (checkout-team names no PagerDuty service).
    const system = await owner('system:default/checkout');
    expect(buttonsOf(system).map((element) => element.action_id)).toEqual(['message.share']);
    // payments-team names one on the Group: its system gets the team's On-call button.
    const payments = await owner('system:default/payments');
    expect(buttonsOf(payments).map((element) => element.action_id)).toEqual(['entity.show_oncall', 'message.share']);
  });
});

describe('who gets pinged', () => {
  it('private answers mention members Slack knows; shared ones name them and ask Slack nothing about people', async () => {
    const privately = await owner('component:default/checkout-service');
    expect(allText(privately)).toContain(`<@${People.marcus.id}> (lead)`);
    const users = memoryUsers();
    const shared = await owner('component:default/checkout-service', { audience: 'shared' }, users);
    expect(JSON.stringify(shared)).not.toContain('<@');
    expect(allText(shared)).toContain('Marcus Oyelaran (lead)');
    expect(users.calls).toEqual([]);
  });

  it('a shared team card reaches the team through its channel and user group, never its members', async () => {
    const shared = sharedCopy(await owner('group:default/payments-team', { audience: 'shared' }), People.sofia.id);
    const text = JSON.stringify(shared.blocks.filter((block) => block.block_id !== 'shared.by'));
    expect(text).not.toContain('<@');
    expect(text).toContain('<#C0PAYMENTS>');
    expect(text).toContain('<!subteam^S04PAYMNT5>');
  });

  it('team channels are real links once Slack has listed them; others stay #name', async () => {
    const message = await owner('group:default/checkout-team');
    expect(allText(message)).toContain('<#C0CHECKOUT>');
    expect(allText(message)).toContain('Commerce Engineering (<#C0COMMERCE>)');
    const noSlack = await answerRequest(slackDepsFor(runtime), { kind: 'owner', entity: 'group:default/payments-team' }, People.marcus.id);
    expect(allText(noSlack)).toContain('#team-payments');
    expect(allText(noSlack)).not.toContain('<#');
  });
});
