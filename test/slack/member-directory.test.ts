import { describe, expect, it } from 'vitest';
import { MemberDirectory } from '../../src/slack/member-directory.ts';
import type { SlackUserApi } from '../../src/slack/slack-user-api.ts';
import { silentLog } from './helpers/catalog-fixture.ts';

const directoryWith = (lookup: (email: string) => Promise<string | undefined>) => {
  let now = 0;
  const calls: string[] = [];
  const api: SlackUserApi = { emailOf: async () => undefined, userIdByEmail: (email) => (calls.push(email), lookup(email)) };
  const directory = new MemberDirectory(api, { now: () => now, ttlMs: 1000, missTtlMs: 100, log: silentLog });
  return { directory, calls, advance: (ms: number) => void (now += ms) };
};

describe('MemberDirectory', () => {
  it('maps emails to Slack ids case-insensitively and caches hits and misses', async () => {
    const { directory, calls, advance } = directoryWith(async (email) => (email === 'ada@acme.example' ? 'U0ADA' : undefined));
    expect(await directory.slackIdsByEmail(['Ada@Acme.example', 'nobody@acme.example'])).toEqual(new Map([['ada@acme.example', 'U0ADA']]));
    await directory.slackIdsByEmail(['ada@acme.example', 'nobody@acme.example']);
    expect(calls).toEqual(['ada@acme.example', 'nobody@acme.example']);
    advance(150);
    await directory.slackIdsByEmail(['ada@acme.example', 'nobody@acme.example']);
    expect(calls).toEqual(['ada@acme.example', 'nobody@acme.example', 'nobody@acme.example']);
    advance(1000);
    await directory.slackIdsByEmail(['ada@acme.example']);
    expect(calls.filter((email) => email === 'ada@acme.example')).toHaveLength(2);
  });

  it('never waits longer than the budget; a slow lookup serves the next answer', async () => {
    let release: (id: string) => void = () => undefined;
    const { directory, calls } = directoryWith(() => new Promise((resolve) => (release = resolve)));
    const started = Date.now();
    expect(await directory.slackIdsByEmail(['slow@acme.example'], { budgetMs: 50 })).toEqual(new Map());
    expect(Date.now() - started).toBeLessThan(500);
    release('U0SLOW');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await directory.slackIdsByEmail(['slow@acme.example'], { budgetMs: 50 })).toEqual(new Map([['slow@acme.example', 'U0SLOW']]));
    expect(calls).toHaveLength(1);
  });

  it('a failing lookup is not cached and does not throw', async () => {
    let fail = true;
    const { directory, calls } = directoryWith(async () => {
      if (fail) throw new Error('ratelimited');
      return 'U0OK';
    });
    expect(await directory.slackIdsByEmail(['x@acme.example'])).toEqual(new Map());
    fail = false;
    expect(await directory.slackIdsByEmail(['x@acme.example'])).toEqual(new Map([['x@acme.example', 'U0OK']]));
    expect(calls).toHaveLength(2);
  });
});
