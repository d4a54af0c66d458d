import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadMessageTemplates } from '../../../src/messages/message-templates.ts';
import { SCHEDULED_POST_EVENT } from '../../../src/schedule/schedule-spec.ts';
import { createScheduledPostsRuntime } from '../../../src/schedule/scheduled-posts-runtime.ts';
import type { ScheduledPosts } from '../../../src/schedule/scheduled-posts.ts';
import { webClientScheduleApi } from '../../../src/slack/slack-schedule-api.ts';
import type { JsonBody } from '../../fakes/slack/answers.ts';
import { slashCommand } from '../../fakes/slack-payloads.ts';
import { openExampleCatalog, People } from '../helpers/catalog-fixture.ts';
import { startHarness, type Harness } from '../helpers/slack-harness.ts';
import { manifestBotScopes, settle, TeamChannels, textOf } from './e2e-harness.ts';

/** `/callboard subscribe | unsubscribe | schedules` through signed requests, and a subscription's post, against the strict fake. */

let h: Harness;
let scheduled: ReturnType<typeof createScheduledPostsRuntime>;
let now = new Date('2026-12-06T18:00:00Z');
const clock = { now: () => new Date(now) };

beforeAll(async () => {
  const runtime = await openExampleCatalog();
  scheduled = createScheduledPostsRuntime({
    config: { schedules: [] },
    subscriptions: runtime.scheduleSubscriptions,
    ledger: runtime.jobLedger,
    builder: { store: runtime.store, messages: loadMessageTemplates({ names: ['catalog-health'], overrides: {}, configKey: 'postMessages' }) },
    log: pino({ level: 'silent' }),
    clock,
  });
  h = await startHarness({ runtime, schedules: scheduled.commands, fake: { scopes: manifestBotScopes(), channels: Object.values(TeamChannels) } });
});
afterAll(async () => {
  scheduled.close();
  await h.close();
});
beforeEach(() => h.fake.clearCalls());

/** `/callboard <text>` typed in #team-payments by Marcus; the private answer it got. */
const callboard = async (text: string, channelId: string = TeamChannels.payments.id): Promise<JsonBody> => {
  h.fake.clearCalls();
  const inbound = slashCommand({
    command: '/callboard',
    text,
    userId: People.marcus.id,
    channelId,
    triggerId: h.fake.mintTriggerId(),
    responseUrl: h.fake.mintResponseUrl(),
  });
  const response = await h.send(inbound);
  expect(response.status).toBe(200);
  await h.fake.waitForCall('response_url', undefined, 5000);
  await settle();
  return h.fake.calls('response_url').at(-1)!.body;
};

describe('/callboard subscribe', () => {
  it('subscribes the channel with the default cron in the subscriber’s time zone and quiet hours', async () => {
    const answer = await callboard('subscribe health payments-team quiet 20:00-08:00');
    expect(textOf(answer)).toContain(`Subscribed <#${TeamChannels.payments.id}> to health for payments-team`);
    expect(textOf(answer)).toContain('quiet hours 20:00-08:00');
    expect(h.runtime.scheduleSubscriptions.list()).toEqual([
      expect.objectContaining({
        id: `catalog-health.${TeamChannels.payments.id}.group:default/payments-team`,
        post: 'catalog-health',
        team: 'group:default/payments-team',
        channel: TeamChannels.payments.id,
        cron: '0 9 * * MON',
        // The fake's users.info tz for a user seeded without one.
        timezone: 'Europe/London',
        quiet: '20:00-08:00',
        createdBy: People.marcus.id,
      }),
    ]);
    expect(h.fake.calls('users.info')).toHaveLength(1);
  });

  it('lists it in /callboard schedules with where and when', async () => {
    const answer = await callboard('schedules');
    expect(textOf(answer)).toContain(`catalog-health.${TeamChannels.payments.id}.group:default/payments-team`);
    expect(textOf(answer)).toContain(`<#${TeamChannels.payments.id}>`);
    expect(textOf(answer)).toContain('`0 9 * * MON` (Europe/London) · quiet 20:00-08:00 · subscribed in Slack');
  });

  it('posts the subscription’s catalog health at its slot, with the slot in the message metadata', async () => {
    let posts: ScheduledPosts | undefined;
    try {
      posts = await scheduled.start(webClientScheduleApi(h.slack.app.client, h.slack.deps.channels));
      now = new Date('2026-12-07T09:00:00Z');
      await posts.tick();
      const [message] = h.fake.messages(TeamChannels.payments.id);
      expect(message?.metadata).toEqual({
        event_type: SCHEDULED_POST_EVENT,
        event_payload: { schedule: `catalog-health.${TeamChannels.payments.id}.group:default/payments-team`, slot: '2026-12-07T09:00:00.000Z' },
      });
      expect(message?.text).toContain('Catalog health: ');
    } finally {
      await posts?.stop();
    }
  });

  it('subscribes a channel to scorecard digests for a team, and unsubscribes it', async () => {
    const answer = await callboard('subscribe scorecards payments-team', TeamChannels.orders.id);
    expect(textOf(answer)).toContain(`Subscribed <#${TeamChannels.orders.id}> to scorecards for payments-team`);
    expect(h.runtime.scheduleSubscriptions.list().map((subscription) => [subscription.channel, subscription.post])).toContainEqual([
      TeamChannels.orders.id,
      'scorecard-digest',
    ]);
    expect(textOf(await callboard('unsubscribe scorecards payments-team', TeamChannels.orders.id))).toContain('Unsubscribed');
    expect(h.runtime.scheduleSubscriptions.list().map((subscription) => subscription.channel)).not.toContain(TeamChannels.orders.id);
  });

  it('refuses a team that is not in the catalog, and explains the usage', async () => {
    expect(textOf(await callboard('subscribe health ghost-team', TeamChannels.orders.id))).toContain('No team called `ghost-team` in the catalog');
    expect(textOf(await callboard('subscribe weather'))).toContain('`weather` is not something to subscribe to');
    expect(textOf(await callboard('subscribe health payments-team quiet 8pm-8am'))).toContain('Quiet hours are two times such as `quiet 20:00-08:00`');
  });
});

describe('/callboard unsubscribe', () => {
  it('removes the channel’s subscription, and says so when there is none', async () => {
    expect(textOf(await callboard('unsubscribe health payments-team'))).toContain(`Unsubscribed <#${TeamChannels.payments.id}> from health for payments-team`);
    expect(h.runtime.scheduleSubscriptions.list()).toEqual([]);
    expect(textOf(await callboard('unsubscribe health payments-team'))).toContain('is not subscribed to health for payments-team');
  });

  it('lists and removes a subscription stored under the old name-only id', async () => {
    const id = `catalog-health.${TeamChannels.payments.id}.payments-team`;
    await h.runtime.scheduleSubscriptions.save({
      id,
      post: 'catalog-health',
      team: 'group:default/payments-team',
      channel: TeamChannels.payments.id,
      cron: '0 9 * * MON',
      timezone: 'UTC',
      createdBy: People.marcus.id,
      createdAt: new Date('2026-12-01T10:00:00Z'),
    });
    expect(textOf(await callboard('schedules'))).toContain(id);
    // Subscribing again updates it rather than adding a second subscription for the same team.
    await callboard('subscribe health payments-team');
    expect(h.runtime.scheduleSubscriptions.list().map((subscription) => subscription.id)).toEqual([id]);
    expect(textOf(await callboard('unsubscribe health payments-team'))).toContain(`Unsubscribed <#${TeamChannels.payments.id}> from health for payments-team`);
    expect(h.runtime.scheduleSubscriptions.list()).toEqual([]);
  });
});
