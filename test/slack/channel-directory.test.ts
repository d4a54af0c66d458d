import { describe, expect, it } from 'vitest';
import { ChannelDirectory } from '../../src/slack/channel-directory.ts';
import type { SlackChannelApi } from '../../src/slack/slack-channel-api.ts';
import { channelRename } from '../../src/slack/listeners/events/channel-rename.ts';
import { memoryChannels, silentLog } from './helpers/catalog-fixture.ts';

const clock = () => {
  let now = 0;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
};

describe('ChannelDirectory', () => {
  it('reads every page of conversations.list and maps names to ids, any case or #', async () => {
    const { api, calls } = memoryChannels();
    const directory = new ChannelDirectory(api, { log: silentLog });
    const ids = await directory.channelIdsByName(['#Team-Checkout', 'dept-commerce', 'general', 'no-such-channel']);
    expect(ids).toEqual(
      new Map([
        ['team-checkout', 'C0CHECKOUT'],
        ['dept-commerce', 'C0COMMERCE'],
        ['general', 'C0GENERAL'],
      ]),
    );
    // Four channels in pages of two: the cursor of the first page asks for the second, and no more.
    expect(calls).toEqual(['conversations.list', 'conversations.list 2']);
  });

  it('serves answers from the cache until the TTL, and a missing name refreshes at most every missRefreshMs', async () => {
    const { api, calls } = memoryChannels();
    const time = clock();
    const directory = new ChannelDirectory(api, { now: time.now, ttlMs: 10_000, missRefreshMs: 1_000, log: silentLog });
    await directory.channelIdsByName(['team-checkout']);
    await directory.channelIdsByName(['team-checkout', 'team-new']);
    expect(calls).toHaveLength(2);
    time.advance(1_000);
    await directory.channelIdsByName(['team-checkout']);
    expect(calls).toHaveLength(2);
    await directory.channelIdsByName(['team-new']);
    expect(calls).toHaveLength(4);
    time.advance(10_000);
    await directory.channelIdsByName(['team-checkout']);
    expect(calls).toHaveLength(6);
  });

  it('never waits longer than the budget; the slow listing serves the next answer', async () => {
    let release: () => void = () => undefined;
    const api: SlackChannelApi = {
      publicChannels: () => new Promise((resolve) => (release = () => resolve({ channels: [{ id: 'C0SLOW', name: 'slow' }] }))),
    };
    const directory = new ChannelDirectory(api, { log: silentLog });
    const started = Date.now();
    expect(await directory.channelIdsByName(['slow'], { budgetMs: 50 })).toEqual(new Map());
    expect(Date.now() - started).toBeLessThan(500);
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await directory.channelIdsByName(['slow'], { budgetMs: 50 })).toEqual(new Map([['slow', 'C0SLOW']]));
  });

  it('a failing listing does not throw, keeps what it knew, and is not retried at once', async () => {
    const time = clock();
    let fail = false;
    let calls = 0;
    const api: SlackChannelApi = {
      publicChannels: async () => {
        calls += 1;
        if (fail) throw new Error('ratelimited');
        return { channels: [{ id: 'C0A', name: 'team-a' }] };
      },
    };
    const directory = new ChannelDirectory(api, { now: time.now, ttlMs: 100, missRefreshMs: 1_000, log: silentLog });
    await directory.channelIdsByName(['team-a']);
    fail = true;
    time.advance(100);
    expect(await directory.channelIdsByName(['team-a'])).toEqual(new Map([['team-a', 'C0A']]));
    expect(await directory.channelIdsByName(['team-a'])).toEqual(new Map([['team-a', 'C0A']]));
    expect(calls).toBe(2);
    fail = false;
    time.advance(1_000);
    await directory.channelIdsByName(['team-a']);
    expect(calls).toBe(3);
  });

  it('a channel_rename event moves the id to the new name at once', async () => {
    const { api, calls } = memoryChannels();
    const directory = new ChannelDirectory(api, { log: silentLog });
    await directory.channelIdsByName(['team-checkout']);
    await channelRename({ channels: directory })({ event: { channel: { id: 'C0CHECKOUT', name: 'team-checkout-and-cart' } } });
    expect(await directory.channelIdsByName(['team-checkout', 'team-checkout-and-cart'])).toEqual(new Map([['team-checkout-and-cart', 'C0CHECKOUT']]));
    expect(calls).toHaveLength(2);
  });

  it('a rename that arrives while the list is being read survives the older pages', async () => {
    let release: () => void = () => undefined;
    const api: SlackChannelApi = {
      publicChannels: () => new Promise((resolve) => (release = () => resolve({ channels: [{ id: 'C0A', name: 'team-a-old' }] }))),
    };
    const directory = new ChannelDirectory(api, { log: silentLog });
    directory.warmUp();
    directory.renamed({ id: 'C0A', name: 'team-a' });
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await directory.channelIdsByName(['team-a', 'team-a-old'], { budgetMs: 0 })).toEqual(new Map([['team-a', 'C0A']]));
  });

  it('warmUp reads the list in the background once, so the first answer finds it cached', async () => {
    const { api, calls } = memoryChannels();
    const directory = new ChannelDirectory(api, { log: silentLog });
    directory.warmUp();
    directory.warmUp();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toHaveLength(2);
    expect(await directory.channelIdsByName(['team-payments'], { budgetMs: 0 })).toEqual(new Map([['team-payments', 'C0PAYMENTS']]));
    directory.warmUp();
    expect(calls).toHaveLength(2);
  });

  it('stops after maxPages so a huge workspace cannot keep a listing going', async () => {
    const { api, calls } = memoryChannels(
      Array.from({ length: 10 }, (_, i) => ({ id: `C0${i}`, name: `c${i}` })),
      2,
    );
    const directory = new ChannelDirectory(api, { maxPages: 3, log: silentLog });
    const ids = await directory.channelIdsByName(['c0', 'c5', 'c9']);
    expect(ids).toEqual(
      new Map([
        ['c0', 'C00'],
        ['c5', 'C05'],
      ]),
    );
    expect(calls).toHaveLength(3);
  });
});
