import { describe, expect, it } from 'vitest';
import { SlackTimeZones } from '../../src/slack/slack-time-zones.ts';
import type { SlackUserApi } from '../../src/slack/slack-user-api.ts';

const api = (answer: (id: string) => Promise<string | undefined>) => {
  const asked: string[] = [];
  const users: SlackUserApi = {
    emailOf: async () => undefined,
    userIdByEmail: async () => undefined,
    timeZoneOf: (id) => (asked.push(id), answer(id)),
  };
  return { users, asked };
};

describe('SlackTimeZones', () => {
  it('asks users.info once per person within the TTL, then again', async () => {
    let now = 0;
    const { users, asked } = api(async () => 'Europe/Berlin');
    const zones = new SlackTimeZones(users, { now: () => now, ttlMs: 1000 });
    expect(await zones.of('U1')).toBe('Europe/Berlin');
    expect(await zones.of('U1')).toBe('Europe/Berlin');
    now = 1500;
    expect(await zones.of('U1')).toBe('Europe/Berlin');
    expect(asked).toEqual(['U1', 'U1']);
  });

  it('answers unknown (UTC in the views) for a failure, a slow Slack, no asker, or an API without time zones', async () => {
    expect(
      await new SlackTimeZones(
        api(async () => {
          throw new Error('ratelimited');
        }).users,
      ).of('U1'),
    ).toBeUndefined();
    let answerSlowly: (zone: string) => void = () => undefined;
    const slow = api(() => new Promise((resolve) => (answerSlowly = resolve)));
    const zones = new SlackTimeZones(slow.users);
    expect(await zones.of('U2', { budgetMs: 10 })).toBeUndefined();
    answerSlowly('Asia/Tokyo');
    await Promise.resolve();
    // The slow answer still filled the cache for the next question.
    expect(await zones.of('U2', { budgetMs: 10 })).toBe('Asia/Tokyo');
    expect(slow.asked).toEqual(['U2']);
    expect(await zones.of(undefined)).toBeUndefined();
    expect(await new SlackTimeZones({ emailOf: async () => undefined, userIdByEmail: async () => undefined }).of('U3')).toBeUndefined();
  });
});
