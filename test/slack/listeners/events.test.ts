import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { appHomeOpened } from '../../../src/slack/listeners/events/app-home-opened.ts';
import { appMention } from '../../../src/slack/listeners/events/app-mention.ts';
import { ActionIds } from '../../../src/slack/ids.ts';
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

type Sent = Record<string, unknown> & { blocks: unknown[]; text: string; thread_ts?: string; user?: string };

/** A mention, answered through a strict client: `posted` is seen by the channel, `ephemeral` by the asker only. */
const mention = async (text: string, threadTs?: string) => {
  const posted: Sent[] = [];
  const ephemeral: Sent[] = [];
  const client = strictFake<never>({
    chat: { postMessage: async (message: Sent) => void posted.push(message), postEphemeral: async (message: Sent) => void ephemeral.push(message) },
  });
  const event = {
    user: People.marcus.id,
    text: `<@${BOT}> ${text}`,
    channel: 'C0GENERAL',
    ts: '1700000000.000100',
    ...(threadTs ? { thread_ts: threadTs } : {}),
  };
  await appMention(slackDepsFor(runtime))({ event, context: { botUserId: BOT }, client });
  for (const message of [...posted, ...ephemeral]) expect(checkMessageLimits({ text: message.text, blocks: message.blocks })).toEqual([]);
  return { posted, ephemeral };
};

const sectionLines = (message: Sent, blockId: string): string[] => {
  const block = (message.blocks as Array<{ block_id?: string; text?: { text: string } }>).find((candidate) => candidate.block_id === blockId);
  return block?.text?.text.split('\n') ?? [];
};

describe('app_mention', () => {
  it('"who owns X?" answers in a thread under the question, for everyone, with members named but not pinged', async () => {
    const { posted, ephemeral } = await mention('who owns checkout-service?');
    expect(ephemeral).toEqual([]);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700000000.000100' });
    expect(allText(posted[0])).toContain('owner.header');
    expect(allText(posted[0])).not.toContain('message.share');
    // The asker is credited; no team member is mentioned in a message the channel sees.
    expect(allText(posted[0])).not.toMatch(new RegExp(`<@(?!${People.marcus.id})U[A-Z0-9]+>`));
    expect(allText(posted[0])).not.toContain(`<@${People.sofia.id}>`);
  });

  it('"what depends on X?" is the blast radius; an existing thread is kept', async () => {
    const { posted } = await mention('what depends on orders-db?', '1699999999.000001');
    expect(posted[0]!.thread_ts).toBe('1699999999.000001');
    expect(allText(posted[0])).toContain('What depends on orders-db');
  });

  it('help is three lines with a More button, to the asker only, in the thread', async () => {
    for (const text of ['', 'help']) {
      const { posted, ephemeral } = await mention(text);
      expect(posted).toEqual([]);
      expect(ephemeral).toHaveLength(1);
      expect(ephemeral[0]).toMatchObject({ channel: 'C0GENERAL', user: People.marcus.id, thread_ts: '1700000000.000100' });
      expect(sectionLines(ephemeral[0]!, 'help.short')).toHaveLength(3);
      expect(allText(ephemeral[0])).toContain(`"action_id":"${ActionIds.showHelp}"`);
      expect(allText(ephemeral[0])).not.toContain('help.header');
    }
  });

  it('"did not understand" goes to the asker only, with the reason and the short help; never a broadcast', async () => {
    const { posted, ephemeral } = await mention('<!channel> please <!here> make coffee', '1699999999.000001');
    expect(posted).toEqual([]);
    expect(ephemeral[0]).toMatchObject({ user: People.marcus.id, thread_ts: '1699999999.000001' });
    expect(sectionLines(ephemeral[0]!, 'help.short')).toHaveLength(4);
    expect(allText(ephemeral[0])).not.toMatch(/<!channel>|<!here>/);
  });

  it('a name nothing is called, and a choice only the asker can make, go to the asker only', async () => {
    const missing = await mention('who owns frobnicator-9000?');
    expect(missing.posted).toEqual([]);
    expect(allText(missing.ephemeral[0])).toContain('notfound.summary');
    const choice = await mention('owner payments-api');
    expect(choice.posted).toEqual([]);
    expect(allText(choice.ephemeral[0])).toContain('chooser.choices');
  });

  it('whoami is about the asker: answered to them alone', async () => {
    const { posted, ephemeral } = await mention('whoami');
    expect(posted).toEqual([]);
    expect(allText(ephemeral[0])).toContain('whoami.user');
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

  it('scopes problems as /callboard errors does: someone in no team sees none, unless a Callboard admin', async () => {
    const statusOf = async (settings: { admins?: string[] }) => {
      const views: Array<{ view: { blocks: Array<{ block_id?: string; elements?: Array<{ text: string }> }> } }> = [];
      const client = strictFake<never>({ views: { publish: async (args: never) => void views.push(args) } });
      await appHomeOpened(slackDepsFor(runtime, settings))({ event: { user: People.stranger.id, tab: 'home' }, client });
      return views[0]!.view.blocks.find((block) => block.block_id === 'home.status')!.elements![0]!.text;
    };
    expect(await statusOf({})).toContain(':white_check_mark: No catalog problems in your teams');
    expect(await statusOf({ admins: [People.stranger.email] })).toContain(':warning: 1 warning in every team');
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
