import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { OnCallUnavailableError, type OnCallProvider, type OnCallSchedule, type OnCallSource } from '../../../src/core/oncall/on-call.ts';
import { answerHome } from '../../../src/slack/listeners/answers/answer-home.ts';
import { answerRequest } from '../../../src/slack/listeners/answers/answer-request.ts';
import type { SlackDeps } from '../../../src/slack/slack-deps.ts';
import type { SlackUserApi } from '../../../src/slack/slack-user-api.ts';
import { memoryChannels, memoryUsers, openExampleCatalog, People, slackDepsFor } from '../helpers/catalog-fixture.ts';
import { allText, blockIds } from '../helpers/recorder.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

const schedule = (name: string): OnCallSchedule => ({
  provider: 'pagerduty',
  name,
  url: 'https://acme.pagerduty.com/escalation_policies/PEP1',
  levels: [
    {
      level: 1,
      name: 'primary',
      now: [{ person: { name: 'Marcus O.', email: People.marcus.email }, from: '2026-11-30T08:00:00Z', until: '2026-12-07T08:00:00Z' }],
      next: [{ person: { name: 'Sofia M.', email: People.sofia.email }, from: '2026-12-07T08:00:00Z', until: '2026-12-14T08:00:00Z' }],
    },
    { level: 2, name: 'Level 2', now: [{ person: { name: 'Pat Outsider', email: 'pat@elsewhere.example' } }], next: [] },
  ],
});

/** A provider reading one annotation key; `answer` decides what it says (or how it fails). */
const provider = (id: string, key: string, answer: (source: OnCallSource, at: Date) => Promise<OnCallSchedule>): OnCallProvider & { asked: Date[] } => {
  const asked: Date[] = [];
  return {
    id,
    asked,
    sourceFromAnnotations: (annotations) => (annotations[key] ? { provider: id, id: annotations[key]!, annotation: key } : undefined),
    lookup: (source, at) => (asked.push(at), answer(source, at)),
  };
};

const pagerduty = () => provider('pagerduty', 'pagerduty.com/service-id', async (source) => schedule(`Policy of ${source.id}`));
/** Stands in for a team's rotation: the example org's groups all carry this annotation. */
const teamRotation = () =>
  provider('rotation', 'slack.com/channel-name', async (source) => ({
    ...schedule(`rotation ${source.id}`),
    provider: 'rotation',
    url: undefined as unknown as string,
  }));

/** Slack people with time zones (users.info tz). */
const usersWithZones = (): SlackUserApi => ({
  ...memoryUsers().api,
  timeZoneOf: async (id) => (id === People.marcus.id ? 'Europe/Berlin' : undefined),
});

const depsWith = (providers: OnCallProvider[], timeoutMs = 1000): SlackDeps => ({
  ...slackDepsFor(runtime, { pagerdutyUrl: 'https://acme.pagerduty.com' }, usersWithZones(), memoryChannels().api),
  oncall: { providers, timeoutMs },
});

const ask = (deps: SlackDeps, entity: string, options: { at?: string; asker?: string; audience?: 'private' | 'shared' } = {}) =>
  answerRequest(deps, { kind: 'oncall', entity, ...(options.at ? { at: options.at } : {}) }, options.asker ?? People.marcus.id, {
    ...(options.audience ? { audience: options.audience } : {}),
  });

describe('/oncall and "who is on call for X?"', () => {
  it('answers with the schedule: people matched to Slack users, times in the asker’s time zone, the policy linked', async () => {
    const message = await ask(depsWith([pagerduty(), teamRotation()]), 'checkout service');
    expect(blockIds(message)).toEqual(['oncall.header', 'oncall.source', 'oncall.level.0', 'oncall.level.1', 'oncall.time_zone']);
    const text = allText(message);
    expect(text).toContain('Now: <@U0MARCUS> until Mon 7 Dec, 09:00 CET');
    expect(text).toContain('Next: <@U0SOFIA> from Mon 7 Dec, 09:00 CET');
    expect(text).toContain('Now: Pat Outsider (no end set)');
    expect(text).toContain('Escalation policy *Policy of PC3XN9M*');
    expect(text).toContain('<https://acme.pagerduty.com/escalation_policies/PEP1|Open in PagerDuty>');
    expect(text).toContain('<https://acme.pagerduty.com/service-directory/PC3XN9M|PagerDuty service>');
    expect(text).toContain('Times in your Slack time zone (Europe/Berlin).');
  });

  it('asks the provider about the time given with `at`, and writes UTC when the asker’s zone is unknown', async () => {
    const paging = pagerduty();
    const message = await ask(depsWith([paging]), 'checkout-service', { at: '2026-12-24T18:00:00.000Z', asker: People.sofia.id });
    expect(paging.asked.map((at) => at.toISOString())).toEqual(['2026-12-24T18:00:00.000Z']);
    expect(allText(message)).toContain('As of Thu 24 Dec, 18:00 UTC, as you asked.');
    expect(allText(message)).toContain('Times in UTC: Callboard could not read your Slack time zone.');
  });

  it('names people instead of pinging them where the channel sees the answer', async () => {
    const text = allText(await ask(depsWith([pagerduty()]), 'checkout-service', { audience: 'shared' }));
    expect(text).toContain('Now: Marcus O. until');
    expect(text).not.toContain('<@U0MARCUS>');
  });

  it('uses the team’s on-call for an entity without its own, and says so', async () => {
    const text = allText(await ask(depsWith([teamRotation()]), 'orders-db'));
    expect(text).toContain("via its team's on-call (Order Management)");
  });

  it('without any on-call says how to add one; with PagerDuty named but not set up, keeps its link', async () => {
    expect((await ask(depsWith([]), 'orders-db')).text).toBe(
      'No on-call is configured for Orders database: add `pagerduty.com/service-id` or `callboard.dev/rotation` to its catalog file or its team’s, or a Rotation owned by its team (`spec.owner`).',
    );
    expect((await ask(depsWith([]), 'payments api')).text).toBe(
      'PagerDuty lookups are not set up (PAGERDUTY_TOKEN), so Callboard cannot say who is on call for Payments API. Its PagerDuty service (via component payments-api, which provides it): <https://acme.pagerduty.com/service-directory/PY9WQ4A|PY9WQ4A>.',
    );
  });

  it('a provider that fails or is slow is one line, on-call unavailable: <reason>, within the budget', async () => {
    const refusing = provider('pagerduty', 'pagerduty.com/service-id', async () => {
      throw new OnCallUnavailableError('PagerDuty refused the token (401)');
    });
    expect((await ask(depsWith([refusing]), 'checkout-service')).text).toBe(
      'Checkout Service: on-call unavailable: PagerDuty refused the token (401). PagerDuty service: <https://acme.pagerduty.com/service-directory/PC3XN9M|PC3XN9M>',
    );
    const hanging = provider('pagerduty', 'pagerduty.com/service-id', () => new Promise<OnCallSchedule>(() => undefined));
    expect((await ask(depsWith([hanging], 100), 'checkout-service')).text).toContain('on-call unavailable: no answer within 0.1 s');
  });

  it('several entities of that name are a choice, never a guess', async () => {
    const message = await ask(depsWith([pagerduty()]), 'payments-api');
    expect(blockIds(message)).toContain('chooser.choices');
    expect(allText(message)).toContain('"value":"oncall api:default/payments-api"');
  });
});

describe('on-call on cards and App Home', () => {
  const owner = (deps: SlackDeps, entity: string) => answerRequest(deps, { kind: 'owner', entity }, People.marcus.id);

  it('the /owner card shows level 1 now in one line under the team', async () => {
    const message = await owner(depsWith([pagerduty()]), 'checkout-service');
    const ids = blockIds(message);
    expect(ids.indexOf('owner.oncall')).toBe(ids.indexOf('owner.team') + 1);
    expect(allText(message)).toContain(
      '*On call*  <@U0MARCUS> until Mon 7 Dec, 09:00 CET  ·  escalation policy <https://acme.pagerduty.com/escalation_policies/PEP1|Policy of PC3XN9M>',
    );
  });

  it('the team card shows the team’s own on-call; a slow provider makes the line say so and the rest of the card stays', async () => {
    const team = await owner(depsWith([teamRotation()]), 'checkout-team');
    expect(blockIds(team)).toContain('team.oncall');
    expect(allText(team)).toContain('*On call*  <@U0MARCUS> until');
    const hanging = provider('pagerduty', 'pagerduty.com/service-id', () => new Promise<OnCallSchedule>(() => undefined));
    const card = await owner(depsWith([hanging], 100), 'checkout-service');
    expect(allText(card)).toContain('*On call*  on-call unavailable: no answer within 0.1 s');
    expect(blockIds(card)).toEqual(expect.arrayContaining(['owner.header', 'owner.team', 'owner.members', 'owner.actions']));
  });

  it('cards without on-call set up look as before', async () => {
    expect(blockIds(await owner(depsWith([]), 'checkout-service'))).not.toContain('owner.oncall');
    expect(blockIds(await owner(depsWith([pagerduty()]), 'checkout-team'))).not.toContain('team.oncall');
  });

  it('App Home shows one on-call line per team', async () => {
    const home = await answerHome(depsWith([teamRotation()]), People.marcus.id);
    const heading = home.blocks.find((block) => block.block_id === 'home.team.0.heading');
    expect(JSON.stringify(heading)).toContain('*On call*  <@U0MARCUS> until Mon 7 Dec, 09:00 CET  ·  rotation rotation team-checkout');
  });
});
