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
