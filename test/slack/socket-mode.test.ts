import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionIds } from '../../src/slack/ids.ts';
import { appMention, blockActions, linkShared, slashCommand } from '../fakes/slack-payloads.ts';
import { People } from './helpers/catalog-fixture.ts';
import { startHarness, type Harness } from './helpers/slack-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ mode: 'socket' });
});
afterAll(() => h.close());
beforeEach(() => h.fake.clearCalls());

describe('the same app over Socket Mode', () => {
  it('connected with the app-level token through apps.connections.open on SLACK_API_URL', () => {
    expect(h.socket!.connectionCount()).toBe(1);
  });

  it('acks a slash command envelope with an empty payload, then answers through response_url', async () => {
    const inbound = slashCommand({
      command: '/owner',
      text: 'checkout-service',
      userId: People.marcus.id,
      channelId: 'C0GENERAL',
      triggerId: h.fake.mintTriggerId(),
      responseUrl: h.fake.mintResponseUrl(),
    });
    const ack = await h.socket!.deliver(inbound);
    expect(ack.violations).toEqual([]);
    expect(ack.payload ?? {}).toEqual({});
    const reply = await h.fake.waitForCall('response_url');
    expect(reply.status).toBe(200);
    expect(JSON.stringify(reply.body)).toContain('owner.header');
  });

  it('block actions and events work the same way', async () => {
    const click = blockActions({
      userId: People.marcus.id,
      triggerId: h.fake.mintTriggerId(),
      responseUrl: h.fake.mintResponseUrl(),
      message: { channelId: 'C0GENERAL', ts: '1700000000.000100' },
      actions: [{ action_id: ActionIds.showOwner, block_id: 'deps.actions', value: 'resource:default/orders-db' }],
    });
    expect((await h.socket!.deliver(click)).violations).toEqual([]);
    expect(JSON.stringify((await h.fake.waitForCall('response_url')).body)).toContain('resource:default/orders-db');
    await h.socket!.deliver(appMention({ userId: People.marcus.id, channelId: 'C0GENERAL', text: 'what does checkout-service depend on?' }));
    expect((await h.fake.waitForCall('chat.postMessage')).response).toMatchObject({ ok: true });
  });

  it('a redelivered event (retry_attempt) is handled once', async () => {
    const inbound = linkShared({
      userId: People.marcus.id,
      channelId: 'C0GENERAL',
      links: [{ domain: 'github.com', url: 'https://github.com/acme/checkout-service' }],
    });
    await h.socket!.deliver(inbound);
    await h.socket!.deliver(inbound, { retryAttempt: 1, retryReason: 'timeout' });
    await h.fake.waitForCall('chat.unfurl');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.fake.calls('chat.unfurl')).toHaveLength(1);
  });
});
