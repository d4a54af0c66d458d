import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelDirectory } from '../../src/slack/channel-directory.ts';
import { webClientChannelApi } from '../../src/slack/slack-channel-api.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api-server.ts';
import { createSilentLogger } from '../fakes/slack/silent-logger.ts';
import { silentLog } from './helpers/catalog-fixture.ts';

/** 2,500 public channels: three pages at Slack's largest limit, with an archived and a private one among them. */
const channels = [
  ...Array.from({ length: 2500 }, (_, i) => ({ id: `C0${String(i).padStart(5, '0')}`, name: `chan-${i}` })),
  { id: 'C0ARCHIVED', name: 'team-old', isArchived: true },
  { id: 'G0PRIVATE', name: 'team-secret', isPrivate: true },
];

let fake: FakeSlack;
let client: WebClient;
beforeAll(async () => {
  // channels:read only: listing public channels must not need groups:read.
  fake = await startFakeSlack({ scopes: ['channels:read'], channels });
  client = new WebClient(fake.botToken, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logger: createSilentLogger() });
});
afterAll(() => fake.close());

describe('webClientChannelApi against the strict fake', () => {
  it('lists every public, unarchived channel through the cursor, with channels:read alone', async () => {
    fake.clearCalls();
    const directory = new ChannelDirectory(webClientChannelApi(client), { log: silentLog });
    const ids = await directory.channelIdsByName(['chan-0', 'chan-1999', 'chan-2499', 'team-old', 'team-secret'], { budgetMs: 5000 });
    expect(ids).toEqual(
      new Map([
        ['chan-0', 'C000000'],
        ['chan-1999', 'C001999'],
        ['chan-2499', 'C002499'],
      ]),
    );
    const calls = fake.calls('conversations.list');
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(
      calls.every((call) => call.body.types === 'public_channel' && String(call.body.exclude_archived) === 'true' && Number(call.body.limit) === 1000),
    ).toBe(true);
  });

  it('a failing conversations.list leaves names as they are, without throwing', async () => {
    fake.failNext('conversations.list', { kind: 'error', error: 'internal_error' });
    const directory = new ChannelDirectory(webClientChannelApi(client), { log: silentLog });
    expect(await directory.channelIdsByName(['chan-0'], { budgetMs: 5000 })).toEqual(new Map());
  });
});
