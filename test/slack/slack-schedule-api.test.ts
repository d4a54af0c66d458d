import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../fakes/slack/silent-logger.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api-server.ts';
import { PostAnswerLost } from '../../src/schedule/schedule-post-api.ts';
import { webClientScheduleApi, webClientTimeZoneOf } from '../../src/slack/slack-schedule-api.ts';

/** Channel ids are passed through; only names are looked up in the channel directory. */
describe('webClientScheduleApi.resolveChannel', () => {
  const lookedUp: string[][] = [];
  const channels = {
    channelIdsByName: async (names: readonly string[]) => {
      lookedUp.push([...names]);
      return new Map([['payments', 'C0PAYMENTS']]);
    },
  };
  const api = webClientScheduleApi({} as WebClient, channels);

  it('passes public, private and direct-message channel ids through', async () => {
    expect(await api.resolveChannel('C0PAYMENTS')).toBe('C0PAYMENTS');
    expect(await api.resolveChannel('G0PRIVATE')).toBe('G0PRIVATE');
    // A subscription made in the app's DM is stored with the DM's id.
    expect(await api.resolveChannel('D0APPDM12')).toBe('D0APPDM12');
    expect(lookedUp).toEqual([]);
  });

  it('looks a name up, with or without #', async () => {
    expect(await api.resolveChannel('#payments')).toBe('C0PAYMENTS');
    expect(await api.resolveChannel('payments')).toBe('C0PAYMENTS');
  });
});

describe('webClientTimeZoneOf', () => {
  const clientWith = (tz: string | undefined) => ({ users: { info: async () => ({ ok: true, user: { tz } }) } }) as unknown as Pick<WebClient, 'users'>;

  it("is the subscriber's zone when the runtime knows it, else UTC", async () => {
    expect(await webClientTimeZoneOf(clientWith('Europe/Berlin'))('U1')).toBe('Europe/Berlin');
    expect(await webClientTimeZoneOf(clientWith(undefined))('U1')).toBe('UTC');
    expect(await webClientTimeZoneOf(clientWith('Mars/Olympus'))('U1')).toBe('UTC');
  });
});

describe('webClientScheduleApi.findPosted', () => {
  const metadata = { event_type: 'callboard_scheduled_post', event_payload: { schedule: 'health-weekly', slot: '2026-12-07T08:00:00.000Z' } };
  const window = { oldest: new Date('2026-12-07T07:55:00Z'), latest: new Date('2026-12-07T09:00:00Z') };
  const historyOf = (pages: (page: number) => { messages: unknown[]; has_more: boolean }) => {
    let calls = 0;
    const client = {
      conversations: {
        history: async () => {
          const page = pages(calls++);
          return { ok: true, ...page, response_metadata: { next_cursor: page.has_more ? `c${calls}` : '' } };
        },
      },
    } as unknown as WebClient;
    return webClientScheduleApi(client, { channelIdsByName: async () => new Map() });
  };

  it('finds the slot message on a later page, and says none only after the last page', async () => {
    const found = historyOf((page) => ({ messages: page === 1 ? [{ ts: '1.5', metadata }] : [{ ts: '1.1' }], has_more: page < 1 }));
    expect(await found.findPosted('C0PAYMENTS', window, metadata)).toEqual({ channel: 'C0PAYMENTS', ts: '1.5' });
    const none = historyOf((page) => ({ messages: [{ ts: `1.${page}` }], has_more: page < 2 }));
    expect(await none.findPosted('C0PAYMENTS', window, metadata)).toBeUndefined();
  });

  it('refuses to say "not there" when it stopped reading before the end (which would post the slot again)', async () => {
    const endless = historyOf((page) => ({ messages: [{ ts: `1.${page}` }], has_more: true }));
    await expect(endless.findPosted('C0PAYMENTS', window, metadata)).rejects.toThrow('not read to the end');
  });
});

describe('webClientScheduleApi.post, against the strict Slack fake', () => {
  const metadata = { event_type: 'callboard_scheduled_post', event_payload: { schedule: 'health-weekly', slot: '2026-12-07T08:00:00.000Z' } };
  const message = { text: 'health', blocks: [] };
  let fake: FakeSlack;
  const waits: number[] = [];
  /** The shared client as the app builds it: it retries a 5xx by itself, which a scheduled post must not do. */
  const api = () => {
    const shared = new WebClient(fake.botToken, {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 3, minTimeout: 0, maxTimeout: 0 },
      logger: createSilentLogger(),
    });
    const sleep = async (ms: number) => void waits.push(ms);
    return webClientScheduleApi(shared, { channelIdsByName: async () => new Map() }, { logger: createSilentLogger(), sleep, postTimeoutMs: 200 });
  };

  beforeAll(async () => {
    fake = await startFakeSlack({ channels: [{ id: 'C0PAYMENTS', name: 'payments' }] });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.clearCalls();
    waits.splice(0);
  });

  it('does not retry a post whose answer was a 500 after Slack posted it: it says the answer was lost', async () => {
    fake.failNext('chat.postMessage', { kind: 'lost-reply', reply: { kind: 'status', status: 500 } });
    const before = fake.messages('C0PAYMENTS').length;
    await expect(api().post('C0PAYMENTS', message, metadata)).rejects.toThrow(PostAnswerLost);
    expect(fake.calls('chat.postMessage')).toHaveLength(1);
    expect(fake.messages('C0PAYMENTS')).toHaveLength(before + 1);
  });

  it('does not retry a post left unanswered past its timeout', async () => {
    fake.failNext('chat.postMessage', { kind: 'lost-reply', reply: { kind: 'hang' } });
    await expect(api().post('C0PAYMENTS', message, metadata)).rejects.toThrow(PostAnswerLost);
    expect(fake.calls('chat.postMessage')).toHaveLength(1);
  });

  it("waits out a 429's Retry-After and posts again (nothing was posted)", async () => {
    fake.failNext('chat.postMessage', { kind: 'ratelimited', retryAfterSeconds: 7 });
    const posted = await api().post('C0PAYMENTS', message, metadata);
    expect(waits).toEqual([7000]);
    expect(fake.calls('chat.postMessage').map((call) => call.status)).toEqual([429, 200]);
    expect(fake.messages('C0PAYMENTS').at(-1)?.ts).toBe(posted.ts);
  });

  it("passes Slack's own refusal through as it is", async () => {
    fake.failNext('chat.postMessage', { kind: 'error', error: 'not_in_channel' });
    await expect(api().post('C0PAYMENTS', message, metadata)).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
  });
});
