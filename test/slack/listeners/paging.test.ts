import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionIds } from '../../../src/slack/ids.ts';
import type { JsonBody } from '../../fakes/slack/answers.ts';
import { blockActions, slashCommand } from '../../fakes/slack-payloads.ts';
import { People } from '../helpers/catalog-fixture.ts';
import { startHarness, type Harness } from '../helpers/slack-harness.ts';
import { expectMessageWithinLimits } from '../views/view-helpers.ts';

/**
 * Long answers through the real Bolt app and the strict fake: the ephemeral answer of a slash command is paged
 * in place through each click's response_url, a message the bot posted through chat.update, and the full list
 * goes out as a CSV through files.uploadV2.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.fake.clearCalls());

type Block = {
  type: string;
  block_id?: string;
  text?: { text?: string };
  elements?: Array<{ action_id?: string; value?: string; text?: string | { text?: string } }>;
};
type Button = { action_id: string; block_id: string; value?: string };

const blocksOf = (message: JsonBody): Block[] => (message.blocks as Block[] | undefined) ?? [];
const textOf = (message: JsonBody): string =>
  blocksOf(message)
    .filter((block) => block.type !== 'actions')
    .flatMap((block) => [block.text?.text ?? '', ...(block.type === 'context' ? (block.elements ?? []).map((element) => String(element.text ?? '')) : [])])
    .join('\n');
/** Listed entities (• lines) or search hits (numbered lines). */
const itemsOf = (message: JsonBody): string[] =>
  textOf(message)
    .split('\n')
    .filter((line) => /^(\d+\.|•) /.test(line));
const buttonOf = (message: JsonBody, actionId: string): Button | undefined => {
  for (const block of blocksOf(message)) {
    const element = block.type === 'actions' ? block.elements?.find((candidate) => candidate.action_id === actionId) : undefined;
    if (element) return { action_id: actionId, block_id: block.block_id ?? '', ...(element.value !== undefined ? { value: element.value } : {}) };
  }
  return undefined;
};

/** A slash command's answer, as its response_url received it. */
const ask = async (name: string, text: string): Promise<JsonBody> => {
  const inbound = slashCommand({
    command: name,
    text,
    userId: People.marcus.id,
    channelId: 'C0GENERAL',
    triggerId: h.fake.mintTriggerId(),
    responseUrl: h.fake.mintResponseUrl(),
  });
  expect((await h.send(inbound)).status).toBe(200);
  return (await h.fake.waitForCall('response_url', undefined, 5000)).body;
};

/** A click on `button` of `message`: ephemeral (a slash command's answer) unless `postedTs` names a message the bot posted. */
const click = async (message: JsonBody, button: Button, postedTs?: string): Promise<void> => {
  h.fake.clearCalls();
  const inbound = blockActions({
    userId: People.marcus.id,
    triggerId: h.fake.mintTriggerId(),
    responseUrl: h.fake.mintResponseUrl(),
    message: { channelId: 'C0GENERAL', ts: postedTs ?? '1700000000.000900', isEphemeral: postedTs === undefined, blocks: blocksOf(message) },
    actions: [{ ...button }],
  });
  expect((await h.send(inbound)).status).toBe(200);
};

/** Clicks a paging button of an ephemeral answer and returns the page that replaced it. */
const turnPage = async (message: JsonBody, actionId: string): Promise<JsonBody> => {
  await click(message, buttonOf(message, actionId)!);
  const reply = await h.fake.waitForCall('response_url', undefined, 5000);
  expect(reply.status).toBe(200);
  expect(reply.body.replace_original).toBe(true);
  expectMessageWithinLimits(reply.body as { text?: string; blocks?: unknown[] });
  return reply.body;
};

describe('paging a dependency answer', () => {
  it('/deps storefront-web --depth 10 (21 entities): Next replaces the answer with 21 of 21, Previous brings page 1 back', async () => {
    const first = await ask('/deps', 'storefront-web --depth 10');
    expect(itemsOf(first)).toHaveLength(20);
    expect(textOf(first)).toContain('Showing 1–20 of 21');
    expect(buttonOf(first, ActionIds.pagePrevious)).toBeUndefined();
    const second = await turnPage(first, ActionIds.pageNext);
    expect(itemsOf(second)).toHaveLength(1);
    expect(textOf(second)).toContain('Showing 21 of 21');
    expect(new Set([...itemsOf(first), ...itemsOf(second)]).size).toBe(21);
    expect(buttonOf(second, ActionIds.pageNext)).toBeUndefined();
    expect(itemsOf(await turnPage(second, ActionIds.pagePrevious))).toEqual(itemsOf(first));
  });

  it('/deps orders-db --reverse walks every hop by default: cart-service, 4 hops away, is in the blast radius', async () => {
    const answer = await ask('/deps', 'orders-db --reverse');
    expect(textOf(answer)).toContain('over all hops');
    expect(textOf(answer)).toMatch(/\*4 hops away\* \(\d+\)\n• component \*[^\n]*cart-service/);
    expect(blocksOf(answer).map((block) => block.block_id)).not.toContain('deps.beyond');
  });

  it('--depth 1 says how many lie beyond, and Show all hops replaces the answer with all of them', async () => {
    const near = await ask('/deps', 'orders-db --reverse --depth 1');
    const beyond = /\*(\d+) more entit(?:y|ies) lie/.exec(textOf(near));
    expect(beyond).not.toBeNull();
    const all = await turnPage(near, ActionIds.pageAllHops);
    expect(itemsOf(all)).toHaveLength(itemsOf(near).length + Number(beyond![1]));
  });

  it('a page of a message the bot posted (a shared answer, a mention reply) is updated with chat.update', async () => {
    const first = await ask('/deps', 'storefront-web --depth 10');
    const bot = new WebClient(h.fake.botToken, { slackApiUrl: `${h.fake.apiUrl.replace(/\/$/, '')}/` });
    const posted = await bot.chat.postMessage({ channel: 'C0GENERAL', text: String(first.text), blocks: blocksOf(first) as never });
    await click(first, buttonOf(first, ActionIds.pageNext)!, posted.ts!);
    const update = await h.fake.waitForCall('chat.update', undefined, 5000);
    expect(update.body).toMatchObject({ channel: 'C0GENERAL', ts: posted.ts });
    expect(update.status).toBe(200);
    expect(h.fake.messages('C0GENERAL').find((message) => message.ts === posted.ts)?.text).toContain('showing 21 of 21');
    expect(h.fake.calls('response_url')).toEqual([]);
  });
});

describe('a message chat.update cannot edit', () => {
  it('is replaced through the click’s response_url instead', async () => {
    const first = await ask('/deps', 'storefront-web --depth 10');
    // A ts the bot never posted: Slack answers message_not_found.
    await click(first, buttonOf(first, ActionIds.pageNext)!, '1700000000.999999');
    const reply = await h.fake.waitForCall('response_url', undefined, 5000);
    expect(h.fake.calls('chat.update').map((call) => (call.response as JsonBody).error)).toEqual(['message_not_found']);
    expect(reply.body.replace_original).toBe(true);
    expect(textOf(reply.body)).toContain('Showing 21 of 21');
  });
});

describe('forged or stale paging values', () => {
  it('get a usage hint under the answer, never a replaced answer or an exception', async () => {
    const first = await ask('/deps', 'storefront-web --depth 10');
    for (const actionId of [ActionIds.pageNext, ActionIds.exportList]) {
      await click(first, { action_id: actionId, block_id: 'deps.actions', value: '{"view":"deps","ref":"x","direction":"up","page":2}' });
      const reply = await h.fake.waitForCall('response_url', undefined, 5000);
      expect(reply.body.replace_original).toBe(false);
      expect(blocksOf(reply.body).map((block) => block.block_id)).toContain('usage.problem');
      expect(h.fake.calls('files.getUploadURLExternal')).toEqual([]);
    }
  });
});

describe('/find pages through the true number of matches', () => {
  it('states how many match, and its pages list exactly that many, each once', async () => {
    const first = await ask('/find', 'acme');
    const stated = Number(/(\d+) results, best match first/.exec(textOf(first))?.[1]);
    expect(stated).toBeGreaterThan(15);
    const pages = [first];
    while (buttonOf(pages.at(-1)!, ActionIds.pageNext)) pages.push(await turnPage(pages.at(-1)!, ActionIds.pageNext));
    const items = pages.flatMap(itemsOf);
    expect(items).toHaveLength(stated);
    expect(new Set(items.map((line) => line.replace(/^\d+\. /, ''))).size).toBe(stated);
    expect(items.map((line) => Number(/^(\d+)\./.exec(line)?.[1]))).toEqual(Array.from({ length: stated }, (_, i) => i + 1));
  });
});

describe('Download CSV', () => {
  it('sends the whole list to the clicker’s DM with Callboard as a CSV file, and says so under the answer', async () => {
    const first = await ask('/deps', 'storefront-web --depth 10');
    await click(first, buttonOf(first, ActionIds.exportList)!);
    const note = await h.fake.waitForCall('response_url', undefined, 5000);
    expect(note.body.replace_original).toBe(false);
    expect(textOf(note.body)).toContain('Sent *dependencies-storefront-web.csv* (21 rows) to your DM with Callboard.');
    const intro = h.fake.calls('chat.postMessage')[0]!;
    expect(intro.body.channel).toBe(People.marcus.id);
    const file = h.fake.sharedFiles().at(-1)!;
    expect(file.filename).toBe('dependencies-storefront-web.csv');
    expect(file.channels).toEqual([(intro.response as JsonBody).channel]);
    const lines = file.content.trimEnd().split('\r\n');
    expect(lines[0]).toBe('"depth","ref","kind","name","title","owner","lifecycle","type","via","in_catalog"');
    expect(lines).toHaveLength(22);
    expect(lines[1]).toBe(
      '"1","api:default/catalog-graphql","API","catalog-graphql","Product Catalog GraphQL API","group:default/search-team","production","graphql","component:default/storefront-web","yes"',
    );
  });

  it('exports every match of a search, best first', async () => {
    const first = await ask('/find', 'acme');
    const stated = Number(/(\d+) results/.exec(textOf(first))?.[1]);
    await click(first, buttonOf(first, ActionIds.exportList)!);
    await h.fake.waitForCall('response_url', undefined, 5000);
    const file = h.fake.sharedFiles().at(-1)!;
    expect(file.filename).toBe('search-acme.csv');
    expect(file.content.trimEnd().split('\r\n')).toHaveLength(stated + 1);
  });
});
