import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionIds, CallbackIds } from '../../../src/slack/ids.ts';
import { appHomeOpened, appMention, blockActions, messageShortcut, slashCommand } from '../../fakes/slack-payloads.ts';
import { People } from '../helpers/catalog-fixture.ts';
import { startHarness, type Harness } from '../helpers/slack-harness.ts';

/**
 * Who sees what, through signed requests against the strict fake Slack: the fake refuses an
 * ephemeral without its user or to someone not in the channel, an expired or reused trigger, and
 * any view or message over Block Kit's limits.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    settings: { syncAllowed: [People.marcus.email], admins: ['group:platform-team'] },
    fake: {
      channels: [
        { id: 'C0TEAM', name: 'team-room', members: [People.marcus.id, People.sofia.id] },
        { id: 'C0ORDERS', name: 'team-orders' },
        { id: 'C0CHECKOUT', name: 'team-checkout' },
      ],
    },
  });
});
afterAll(() => h.close());
beforeEach(() => h.fake.clearCalls());

type Blocks = Array<{ block_id?: string; elements?: Array<{ action_id?: string }> }>;
const blockIdsOf = (body: Record<string, unknown>): string[] => ((body.blocks as Blocks | undefined) ?? []).map((block) => block.block_id ?? '');
const viewBlockIds = (body: Record<string, unknown>): string[] => ((body.view as { blocks: Blocks }).blocks ?? []).map((block) => block.block_id ?? '');
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('mentions', () => {
  it('an answer is a thread reply the channel sees, naming members without pinging them', async () => {
    await h.send(appMention({ userId: People.marcus.id, channelId: 'C0TEAM', text: 'who owns checkout-service?', threadTs: '1700000000.000001' }));
    const post = await h.fake.waitForCall('chat.postMessage');
    expect(post.response).toMatchObject({ ok: true });
    expect(post.body).toMatchObject({ channel: 'C0TEAM', thread_ts: '1700000000.000001' });
    expect(blockIdsOf(post.body)).toContain('owner.header');
    expect(JSON.stringify(post.body)).not.toContain(`<@${People.sofia.id}>`);
    await settle();
    expect(h.fake.calls('chat.postEphemeral')).toEqual([]);
  });

  it('"did not understand" reaches the asker alone, in the thread, as three lines of help and a More button', async () => {
    await h.send(appMention({ userId: People.marcus.id, channelId: 'C0TEAM', text: 'make coffee', threadTs: '1700000000.000002' }));
    const ephemeral = await h.fake.waitForCall('chat.postEphemeral');
    expect(ephemeral.response).toMatchObject({ ok: true });
    expect(ephemeral.body).toMatchObject({ channel: 'C0TEAM', user: People.marcus.id, thread_ts: '1700000000.000002' });
    expect(blockIdsOf(ephemeral.body)).toEqual(['help.short', 'help.short_actions']);
    await settle();
    expect(h.fake.calls('chat.postMessage')).toEqual([]);
    expect(h.fake.messages('C0TEAM').filter((message) => message.threadTs === '1700000000.000002')).toEqual([]);
  });

  it('More replaces the short help with the full help through the click’s response_url', async () => {
    const inbound = blockActions({
      userId: People.marcus.id,
      triggerId: h.fake.mintTriggerId(),
      responseUrl: h.fake.mintResponseUrl(),
      message: { channelId: 'C0TEAM', ts: '1700000000.000003', isEphemeral: true },
      actions: [{ action_id: ActionIds.showHelp, block_id: 'help.short_actions', value: 'more' }],
    });
    expect((await h.send(inbound)).status).toBe(200);
    const reply = await h.fake.waitForCall('response_url');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(blockIdsOf(reply.body)).toContain('help.header');
  });
});

describe('App Home', () => {
  const homeClick = (actionId: string, value: string | undefined, extra: Record<string, unknown> = {}) =>
    blockActions({
      userId: People.marcus.id,
      triggerId: h.fake.mintTriggerId(),
      view: { id: 'VHOME1', type: 'home', root_view_id: null, previous_view_id: null },
      actions: [{ action_id: actionId, block_id: 'home.actions', ...(value !== undefined ? { value } : {}), ...extra }],
    });

  it('opening the tab shows Sync now to someone allowed, and team channels as real channel links', async () => {
    await h.send(appHomeOpened({ userId: People.marcus.id }));
    await h.fake.waitForCall('views.publish');
    const home = JSON.stringify(h.fake.homeView(People.marcus.id));
    expect(home).toContain(ActionIds.syncNow);
    expect(home).toContain('<#C0CHECKOUT>');
  });

  it('Problems opens a modal with the click’s trigger; nothing is posted to the Messages tab', async () => {
    expect((await h.send(homeClick(ActionIds.showProblems, 'mine'))).status).toBe(200);
    const open = await h.fake.waitForCall('views.open');
    expect(open.response).toMatchObject({ ok: true });
    expect(viewBlockIds(open.body).some((id) => id.startsWith('problems.'))).toBe(true);
    await settle();
    expect(h.fake.calls('chat.postMessage')).toEqual([]);
  });

  it('Open entity shows the owner card in a modal whose every button works there', async () => {
    const inbound = homeClick(ActionIds.openEntity, undefined, {
      type: 'static_select',
      selected_option: { text: { type: 'plain_text', text: 'Checkout' }, value: 'component:default/checkout-service' },
    });
    await h.send(inbound);
    const open = await h.fake.waitForCall('views.open');
    expect(open.response).toMatchObject({ ok: true });
    expect(viewBlockIds(open.body)).toContain('owner.header');
    expect(JSON.stringify(open.body)).not.toContain(ActionIds.shareInChannel);
  });

  it('Sync now republishes the Home tab with the summary, for someone slack.syncAllowed names', async () => {
    await h.send(homeClick(ActionIds.syncNow, 'all'));
    const summary = await h.fake.waitForCall('views.publish', (call) => JSON.stringify(call.body).includes('sync.summary'), 10_000);
    expect(summary.response).toMatchObject({ ok: true });
    expect(h.fake.calls('chat.postMessage')).toEqual([]);
  });
});

describe('/callboard errors all and the Find owner shortcut', () => {
  it('a non-admin asking for every team’s problems gets one line naming who can', async () => {
    await h.send(
      slashCommand({
        command: '/callboard',
        text: 'errors all',
        userId: People.marcus.id,
        channelId: 'C0TEAM',
        triggerId: h.fake.mintTriggerId(),
        responseUrl: h.fake.mintResponseUrl(),
      }),
    );
    const reply = await h.fake.waitForCall('response_url');
    expect(reply.body).toMatchObject({ response_type: 'ephemeral' });
    expect(blockIdsOf(reply.body)).toEqual(['problems.refused']);
    expect(JSON.stringify(reply.body)).toContain('group:platform-team');
  });

  it('Find owner answers privately through the response_url with one line per named entity', async () => {
    await h.send(
      messageShortcut({
        callbackId: CallbackIds.findOwnerShortcut,
        userId: People.marcus.id,
        triggerId: h.fake.mintTriggerId(),
        responseUrl: h.fake.mintResponseUrl(),
        channelId: 'C0TEAM',
        message: { ts: '1700000000.000102', text: 'is cart-service down? orders-db looks slow', user: People.sofia.id },
      }),
    );
    const reply = await h.fake.waitForCall('response_url');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral' });
    expect(blockIdsOf(reply.body)).toEqual(['found.list.0', 'found.hint']);
    expect(JSON.stringify(reply.body).match(/• /g)).toHaveLength(2);
    // The team channel named in the catalog is a real channel link (conversations.list).
    expect(JSON.stringify(reply.body)).toContain('<#C0ORDERS>');
  });
});
