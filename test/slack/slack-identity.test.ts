import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../src/catalog-runtime.ts';
import { SlackIdentity } from '../../src/slack/slack-identity.ts';
import { memoryUsers, openExampleCatalog, People, silentLog } from './helpers/catalog-fixture.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

describe('SlackIdentity', () => {
  it('Slack user → email → catalog User → groups, with users.info cached', async () => {
    const users = memoryUsers();
    let now = 0;
    const identity = new SlackIdentity(runtime.store, users.api, { now: () => now, catalogTtlMs: 10, emailTtlMs: 1000 });
    const marcus = await identity.identify(People.marcus.id);
    expect(marcus.email).toBe(People.marcus.email);
    expect(marcus.user?.metadata.name).toBe('marcus.oyelaran');
    expect(marcus.groups.map((group) => group.metadata.name)).toEqual(['checkout-team']);
    now += 20;
    await identity.identify(People.marcus.id);
    expect(users.calls).toEqual([`users.info ${People.marcus.id}`]);
  });

  it('unknown people and Slack failures give an identity without a User, not an error', async () => {
    const stranger = await new SlackIdentity(runtime.store, memoryUsers().api).identify(People.stranger.id);
    expect(stranger).toEqual({ slackUserId: People.stranger.id, email: People.stranger.email, groups: [] });
    const failing = new SlackIdentity(
      runtime.store,
      { emailOf: () => Promise.reject(new Error('boom')), userIdByEmail: async () => undefined },
      { log: silentLog },
    );
    expect(await failing.identify('U0X')).toEqual({ slackUserId: 'U0X', groups: [] });
  });
});
