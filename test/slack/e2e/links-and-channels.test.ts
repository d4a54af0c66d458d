import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonBody } from '../../fakes/slack/answers.ts';
import type { FakeChannel } from '../../fakes/slack-api-server.ts';
import { channelRename, linkShared, messageShortcut } from '../../fakes/slack-payloads.ts';
import { CallbackIds } from '../../../src/slack/ids.ts';
import { People } from '../helpers/catalog-fixture.ts';
import type { Harness } from '../helpers/slack-harness.ts';
import { answeredRef, ask, isChooser, mention, mentionedUsers, settle, startE2e, TeamChannels, textOf } from './e2e-harness.ts';

/**
 * Issue 10: team channels become real channel links (conversations.list, followed to its last page, cached,
 * refreshed on channel_rename), the Find owner shortcut lists every entity a message names, and only links that
 * mean the entity unfurl as its card.
 */

/** A workspace with more channels than one conversations.list page holds; the team channels come last. */
const manyChannels: FakeChannel[] = Array.from({ length: 1200 }, (_, index) => ({ id: `C0FILL${String(index).padStart(5, '0')}`, name: `random-${index}` }));
const LOGISTICS_LATER = { id: 'C0LOGISTICS', name: 'logistics-old' };

let h: Harness;
beforeAll(async () => {
  h = await startE2e({ channels: [...manyChannels, ...Object.values(TeamChannels), LOGISTICS_LATER] });
});
afterAll(() => h.close());

describe('team channels are clickable', () => {
  it('/owner checkout-service links #team-checkout by id, found past the first conversations.list page', async () => {
    const answer = await ask(h, '/owner', 'checkout-service');
    expect(textOf(answer)).toContain(`<#${TeamChannels.checkout.id}`);
    const lists = h.fake.calls('conversations.list');
    expect(lists.map((call) => (call.response as JsonBody).ok)).not.toContain(false);
  });

  it('the channel list is cached: a second answer lists no channels again', async () => {
    await ask(h, '/owner', 'checkout-service');
    const answer = await ask(h, '/owner', 'cart-service');
    expect(textOf(answer)).toContain(`<#${TeamChannels.checkout.id}`);
    expect(h.fake.calls('conversations.list')).toEqual([]);
  });

  it('a shared answer reaches the team through its channel and pings none of its members', async () => {
    const reply = await mention(h, 'who owns checkout-service?', People.stranger.id);
    expect(reply.method).toBe('chat.postMessage');
    expect(textOf(reply.body)).toContain(`<#${TeamChannels.checkout.id}`);
    expect(mentionedUsers(reply.body).filter((id) => id !== People.stranger.id)).toEqual([]);
  });

  it('a channel renamed to the name a team gives becomes its link after channel_rename', async () => {
    expect(textOf(await ask(h, '/owner', 'shipping-service'))).not.toContain(`<#${LOGISTICS_LATER.id}`);
    h.fake.renameChannel(LOGISTICS_LATER.id, 'team-logistics');
    expect((await h.send(channelRename({ channelId: LOGISTICS_LATER.id, name: 'team-logistics' }))).status).toBe(200);
    await settle(300);
    expect(textOf(await ask(h, '/owner', 'shipping-service'))).toContain(`<#${LOGISTICS_LATER.id}`);
  });
});

describe('the Find owner message shortcut', () => {
  it('answers for every entity the message names, in one list, not a chooser', async () => {
    h.fake.clearCalls();
    const inbound = messageShortcut({
      callbackId: CallbackIds.findOwnerShortcut,
      userId: People.marcus.id,
      triggerId: h.fake.mintTriggerId(),
      responseUrl: h.fake.mintResponseUrl(),
      channelId: 'C0GENERAL',
      message: { ts: '1700000000.000300', text: 'checkout-service and payments-ledger-db are both timing out', user: People.sofia.id },
    });
    expect((await h.send(inbound)).status).toBe(200);
    await h.fake.waitForCall('response_url', undefined, 5000);
    await settle();
    const replies = h.fake.calls('response_url');
    expect(replies).toHaveLength(1);
    const list = replies[0]!.body;
    expect(isChooser(list)).toBe(false);
    const text = textOf(list);
    expect(text).toMatch(/checkout-service|Checkout Service/);
    expect(text).toMatch(/payments-ledger-db|Payments ledger database/);
    expect(text).toContain(`<#${TeamChannels.checkout.id}`);
    expect(text).toContain(`<#${TeamChannels.payments.id}`);
  });
});

describe('link unfurls', () => {
  const unfurlsOf = async (urls: string[]): Promise<Record<string, { blocks?: JsonBody[] }>> => {
    h.fake.clearCalls();
    await h.send(linkShared({ userId: People.marcus.id, channelId: 'C0GENERAL', links: urls.map((url) => ({ domain: 'github.com', url })) }));
    await h.fake.waitForCall('chat.unfurl', undefined, 5000);
    await settle(300);
    return Object.assign({}, ...h.fake.calls('chat.unfurl').map((call) => call.body.unfurls as object)) as Record<string, { blocks?: JsonBody[] }>;
  };

  it.each([
    ['https://github.com/acme/checkout-service'],
    ['https://github.com/acme/checkout-service/blob/main/catalog-info.yaml'],
    // Its docs: techdocs-ref dir:. puts them in the repository's docs/ folder (mkdocs.yml at the root).
    ['https://github.com/acme/checkout-service/tree/main/docs'],
  ])('%s unfurls as the checkout-service card', async (url) => {
    const unfurls = await unfurlsOf([url]);
    expect(answeredRef({ blocks: unfurls[url]?.blocks })).toBe('component:default/checkout-service');
    // Everyone in the channel sees an unfurl: the team's members are named, never pinged.
    expect(mentionedUsers({ blocks: unfurls[url]?.blocks })).toEqual([]);
  });

  it.each([
    ['a pull request', 'https://github.com/acme/checkout-service/pull/42'],
    ['a commit', 'https://github.com/acme/checkout-service/commit/4f1d2c0e9b'],
    ['an issue', 'https://github.com/acme/checkout-service/issues/7'],
    ['another file', 'https://github.com/acme/checkout-service/blob/main/src/main/kotlin/Checkout.kt'],
  ])('%s of a catalogued repository gets at most one context line, its parts separate elements', async (_what, url) => {
    const root = 'https://github.com/acme/checkout-service';
    const unfurls = await unfurlsOf([root, url]);
    expect(unfurls[root]).toBeDefined();
    const blocks = unfurls[url]?.blocks;
    if (blocks === undefined) return;
    expect(blocks.map((block) => block.type)).toEqual(['context']);
    expect((blocks[0]!.elements as unknown[]).length).toBeGreaterThan(1);
    expect(JSON.stringify(blocks)).toMatch(/checkout-service|Checkout Service/);
  });
});
