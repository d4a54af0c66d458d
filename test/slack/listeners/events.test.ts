import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { appHomeOpened } from '../../../src/slack/listeners/events/app-home-opened.ts';
import { appMention } from '../../../src/slack/listeners/events/app-mention.ts';
import { dedupeEvents } from '../../../src/slack/listeners/events/event-dedupe.ts';
import { checkMessageLimits, checkViewLimits } from '../../helpers/block-kit/check-block-kit-limits.ts';
import { openExampleCatalog, People, silentLog, slackDepsFor } from '../helpers/catalog-fixture.ts';
import { allText } from '../helpers/recorder.ts';
import { strictFake } from '../helpers/strict-fake.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

const BOT = 'U0CALLBOT';

const mention = async (text: string, threadTs?: string) => {
  const posted: Array<Record<string, unknown> & { blocks: unknown[]; text: string }> = [];
  const client = strictFake<never>({ chat: { postMessage: async (message: never) => void posted.push(message) } });
  const event = {
    user: People.marcus.id,
    text: `<@${BOT}> ${text}`,
    channel: 'C0GENERAL',
    ts: '1700000000.000100',
    ...(threadTs ? { thread_ts: threadTs } : {}),
  };
  await appMention(slackDepsFor(runtime))({ event, context: { botUserId: BOT }, client });
  for (const message of posted) expect(checkMessageLimits({ text: message.text, blocks: message.blocks })).toEqual([]);
  return posted;
};

describe('app_mention', () => {
  it('"who owns X?" answers in a thread under the question', async () => {
    const [reply] = await mention('who owns checkout-service?');
    expect(reply).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700000000.000100' });
    expect(allText(reply)).toContain('owner.header');
    expect(allText(reply)).not.toContain('message.share');
  });

  it('"what depends on X?" is the blast radius; an existing thread is kept', async () => {
    const [reply] = await mention('what depends on orders-db?', '1699999999.000001');
    expect(reply!.thread_ts).toBe('1699999999.000001');
    expect(allText(reply)).toContain('What depends on orders-db');
  });

  it('nonsense, injection and an empty mention get help, never a broadcast', async () => {
    expect(allText((await mention(''))[0])).toContain('help.header');
    const [odd] = await mention('<!channel> please <!here> make coffee');
    expect(allText(odd)).toContain('usage.problem');
    expect(allText(odd)).not.toMatch(/<!channel>|<!here>/);
  });
});

describe('app_home_opened', () => {
  it('publishes the Home tab with my teams', async () => {
    const views: Array<{ user_id: string; view: { blocks: unknown[] } }> = [];
    const client = strictFake<never>({ views: { publish: async (args: never) => void views.push(args) } });
    await appHomeOpened(slackDepsFor(runtime))({ event: { user: People.marcus.id, tab: 'home' }, client });
    expect(views[0]!.user_id).toBe(People.marcus.id);
    expect(checkViewLimits(views[0]!.view)).toEqual([]);
    expect(allText(views[0])).toContain('group:default/checkout-team');
    await appHomeOpened(slackDepsFor(runtime))({ event: { user: People.marcus.id, tab: 'messages' }, client });
    expect(views).toHaveLength(1);
  });
});

describe('event de-duplication', () => {
  it('runs an event once however often Slack redelivers it', async () => {
    const middleware = dedupeEvents(silentLog);
    let runs = 0;
    const next = async () => void (runs += 1);
    await middleware({ body: { event_id: 'Ev1' }, context: {}, next });
    await middleware({ body: { event_id: 'Ev1' }, context: { retryNum: 1, retryReason: 'http_timeout' }, next });
    await middleware({ body: { event_id: 'Ev2' }, context: {}, next });
    await middleware({ body: { command: '/owner' }, context: {}, next });
    expect(runs).toBe(3);
  });
});
