import { WebAPIPlatformError, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from './slack-api-server.ts';
import { createSilentLogger } from './slack/silent-logger.ts';

/** conversations.history and message metadata on chat.postMessage / chat.update, driven by the real client. */

let fake: FakeSlack;
let client: WebClient;
let now = 1_700_000_000_000;

async function slackError(call: Promise<unknown>): Promise<string | undefined> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof WebAPIPlatformError)) throw new Error(`expected a Slack platform error, got ${String(error)}`);
  return error.data.error;
}

const metadata = { event_type: 'callboard_scheduled_post', event_payload: { schedule: 'health', slot: '2026-12-07T08:00:00.000Z' } };

beforeAll(async () => {
  fake = await startFakeSlack({
    now: () => now,
    channels: [
      { id: 'C0ROOM', name: 'room' },
      { id: 'C0OUTSIDE', name: 'outside', botIsMember: false },
      { id: 'G0SECRET', name: 'secret', isPrivate: true, botIsMember: false },
    ],
  });
  client = new WebClient(fake.botToken, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logger: createSilentLogger() });
});

afterAll(async () => {
  await fake.close();
});

describe('the fake Slack message metadata', () => {
  it('keeps metadata posted with a message and returns it from history only with include_all_metadata', async () => {
    const posted = await client.chat.postMessage({ channel: 'C0ROOM', text: 'health', metadata });
    const plain = await client.conversations.history({ channel: 'C0ROOM' });
    const withMetadata = await client.conversations.history({ channel: 'C0ROOM', include_all_metadata: true });
    expect(plain.messages?.find((message) => message.ts === posted.ts)).not.toHaveProperty('metadata');
    expect(withMetadata.messages?.find((message) => message.ts === posted.ts)?.metadata).toEqual(metadata);
  });

  it('refuses metadata without an event_type or an object payload, as Slack does', async () => {
    const noType = { event_payload: { a: 1 } } as unknown as typeof metadata;
    const listPayload = { event_type: 'x', event_payload: [1] } as unknown as typeof metadata;
    expect(await slackError(client.chat.postMessage({ channel: 'C0ROOM', text: 'x', metadata: noType }))).toBe('invalid_metadata_schema');
    expect(await slackError(client.chat.postMessage({ channel: 'C0ROOM', text: 'x', metadata: listPayload }))).toBe('invalid_metadata_schema');
    expect(await slackError(client.apiCall('chat.postMessage', { channel: 'C0ROOM', text: 'x', metadata: '{not json' }))).toBe('invalid_metadata_format');
  });
});

describe('the fake conversations.history', () => {
  it('lists newest first within oldest..latest, inclusive only when asked, in cursor pages', async () => {
    now = 1_800_000_000_000;
    const ts: string[] = [];
    for (let i = 0; i < 5; i++) {
      now += 1000;
      ts.push((await client.chat.postMessage({ channel: 'C0ROOM', text: `m${i}` })).ts!);
    }
    const exclusive = await client.conversations.history({ channel: 'C0ROOM', oldest: ts[1], latest: ts[3] });
    expect(exclusive.messages?.map((message) => message.ts)).toEqual([ts[2]]);
    const first = await client.conversations.history({ channel: 'C0ROOM', oldest: ts[0], inclusive: true, limit: 3 });
    expect(first.messages?.map((message) => message.ts)).toEqual([ts[4], ts[3], ts[2]]);
    expect(first.has_more).toBe(true);
    const second = await client.conversations.history({
      channel: 'C0ROOM',
      oldest: ts[0],
      inclusive: true,
      limit: 3,
      cursor: first.response_metadata!.next_cursor!,
    });
    expect(second.messages?.map((message) => message.ts)).toEqual([ts[1], ts[0]]);
    expect(second.has_more).toBe(false);
  });

  it('answers not_in_channel, channel_not_found, invalid_limit and invalid_cursor', async () => {
    expect(await slackError(client.conversations.history({ channel: 'C0OUTSIDE' }))).toBe('not_in_channel');
    expect(await slackError(client.conversations.history({ channel: 'G0SECRET' }))).toBe('channel_not_found');
    expect(await slackError(client.conversations.history({ channel: 'C0NOWHERE' }))).toBe('channel_not_found');
    expect(await slackError(client.conversations.history({ channel: 'C0ROOM', limit: 1000 }))).toBe('invalid_limit');
    expect(await slackError(client.conversations.history({ channel: 'C0ROOM', cursor: 'bm9wZQ==' }))).toBe('invalid_cursor');
  });
});
