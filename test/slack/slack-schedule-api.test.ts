import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
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
