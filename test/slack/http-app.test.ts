import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionIds, CallbackIds } from '../../src/slack/ids.ts';
import { appHomeOpened, appMention, blockActions, linkShared, messageShortcut, signRequest, slashCommand, urlVerification } from '../fakes/slack-payloads.ts';
import { People } from './helpers/catalog-fixture.ts';
import { startHarness, SIGNING_SECRET, type Harness } from './helpers/slack-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.fake.clearCalls());

const command = (name: string, text: string) =>
  slashCommand({
    command: name,
    text,
    userId: People.marcus.id,
    channelId: 'C0GENERAL',
    triggerId: h.fake.mintTriggerId(),
    responseUrl: h.fake.mintResponseUrl(),
  });

const blockIdsOf = (body: Record<string, unknown>): string[] => ((body.blocks as Array<{ block_id: string }> | undefined) ?? []).map((block) => block.block_id);

describe('the Bolt app over HTTP, signed requests', () => {
  it('answers url_verification with the challenge', async () => {
    const response = await h.send(urlVerification('chal-123'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: 'chal-123' });
  });

  it('/owner: an empty ack at once, the owner card through response_url', async () => {
    const response = await h.send(command('/owner', 'checkout-service'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    const reply = await h.fake.waitForCall('response_url');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral' });
    expect(blockIdsOf(reply.body)).toContain('owner.members');
    expect(JSON.stringify(reply.body)).toContain(`<@${People.sofia.id}>`);
    expect(h.fake.calls('users.lookupByEmail').length).toBeGreaterThan(0);
  });

  it.each([
    ['/deps', 'orders-db --reverse --depth 5', 'deps.header'],
    ['/find', 'payments', 'search.header'],
    ['/callboard', 'help', 'help.short'],
    ['/callboard', 'whoami', 'whoami.user'],
    ['/callboard', 'errors checkout-team', 'problems.none'],
    ['/callboard', 'sync', 'sync.denied'],
    ['/callboard', 'nonsense', 'usage.problem'],
  ])('%s %s', async (name, text, blockId) => {
    expect((await h.send(command(name, text))).status).toBe(200);
    const reply = await h.fake.waitForCall('response_url');
    expect(reply.status).toBe(200);
    expect(blockIdsOf(reply.body)).toContain(blockId);
  });

  it('a block action from an answer card answers the clicker through its response_url', async () => {
    const inbound = blockActions({
      userId: People.marcus.id,
      triggerId: h.fake.mintTriggerId(),
      responseUrl: h.fake.mintResponseUrl(),
      message: { channelId: 'C0GENERAL', ts: '1700000000.000100', isEphemeral: true },
      actions: [{ action_id: ActionIds.showDependents, block_id: 'owner.actions', value: 'component:default/checkout-service' }],
    });
    expect((await h.send(inbound)).status).toBe(200);
    const reply = await h.fake.waitForCall('response_url');
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(blockIdsOf(reply.body)).toContain('deps.header');
  });

  it('Share in channel posts in_channel without replacing the private answer', async () => {
    const inbound = blockActions({
      userId: People.marcus.id,
      triggerId: h.fake.mintTriggerId(),
      responseUrl: h.fake.mintResponseUrl(),
      message: { channelId: 'C0GENERAL', ts: '1700000000.000101', isEphemeral: true },
      actions: [
        { action_id: ActionIds.shareInChannel, block_id: 'owner.actions', value: JSON.stringify({ view: 'owner', ref: 'component:default/checkout-service' }) },
      ],
    });
    await h.send(inbound);
    const reply = await h.fake.waitForCall('response_url');
    expect(reply.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
  });

  it('the Find owner message shortcut answers through its response_url', async () => {
    const inbound = messageShortcut({
      callbackId: CallbackIds.findOwnerShortcut,
      userId: People.marcus.id,
      triggerId: h.fake.mintTriggerId(),
      responseUrl: h.fake.mintResponseUrl(),
      channelId: 'C0GENERAL',
      message: { ts: '1700000000.000102', text: 'is cart-service down?', user: People.sofia.id },
    });
    expect((await h.send(inbound)).status).toBe(200);
    expect(blockIdsOf((await h.fake.waitForCall('response_url')).body)).toContain('found.list.0');
  });

  it('app_mention replies in the thread with chat.postMessage', async () => {
    await h.send(appMention({ userId: People.marcus.id, channelId: 'C0GENERAL', text: 'who owns payments-ledger-db?', threadTs: '1700000000.000001' }));
    const post = await h.fake.waitForCall('chat.postMessage');
    expect(post.response).toMatchObject({ ok: true });
    expect(post.body).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1700000000.000001' });
  });

  it('app_home_opened publishes the Home tab', async () => {
    await h.send(appHomeOpened({ userId: People.marcus.id }));
    const publish = await h.fake.waitForCall('views.publish');
    expect(publish.response).toMatchObject({ ok: true });
    expect(JSON.stringify(h.fake.homeView(People.marcus.id))).toContain('group:default/checkout-team');
  });

  it('link_shared unfurls a known repo once, even when Slack retries the delivery', async () => {
    const inbound = linkShared({
      userId: People.marcus.id,
      channelId: 'C0GENERAL',
      links: [{ domain: 'github.com', url: 'https://github.com/acme/orders-service' }],
    });
    await h.send(inbound);
    const unfurl = await h.fake.waitForCall('chat.unfurl');
    expect(unfurl.response).toMatchObject({ ok: true });
    expect((await h.send(inbound, { retry: { num: 1, reason: 'http_timeout' } })).status).toBe(200);
    expect((await h.send(inbound, { retry: { num: 2, reason: 'http_timeout' } })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.fake.calls('chat.unfurl')).toHaveLength(1);
  });

  it('link_shared: a link with a malformed percent-escape is skipped, the other links still unfurl', async () => {
    const bad = 'https://callboard.acme.example/catalog/default/component/%E0%A4%A';
    const good = 'https://github.com/acme/checkout-service';
    const logsBefore = h.logs.length;
    await h.send(
      linkShared({
        userId: People.marcus.id,
        channelId: 'C0GENERAL',
        links: [
          { domain: 'callboard.acme.example', url: bad },
          { domain: 'github.com', url: good },
        ],
      }),
    );
    const unfurl = await h.fake.waitForCall('chat.unfurl');
    expect(unfurl.response).toMatchObject({ ok: true });
    expect(Object.keys(unfurl.body.unfurls as object)).toEqual([good]);
    expect(h.logs.slice(logsBefore).filter((line) => Number(line.level) >= 50)).toEqual([]);
  });
});

describe('requests that are not from Slack', () => {
  const post = (body: string, headers: Record<string, string>) =>
    fetch(h.endpoint, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body });
  const form = () => new URLSearchParams(command('/owner', 'checkout-service').payload as Record<string, string>).toString();

  it.each([
    ['no signature', () => ({})],
    ['a wrong signature', () => ({ ...signRequest('not-the-secret', form()) })],
    ['a stale timestamp', () => ({ ...signRequest(SIGNING_SECRET, form(), Math.floor(Date.now() / 1000) - 301) })],
    ['a signature of other bytes', () => ({ ...signRequest(SIGNING_SECRET, `${form()}&x=1`) })],
  ])('%s → 401 and the handler never runs', async (_name, headers) => {
    const body = form();
    const response = await post(body, headers());
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(h.fake.calls()).toEqual([]);
  });

  it('a timestamp more than five minutes ahead → 401, like a stale one', async () => {
    const body = form();
    const response = await post(body, { ...signRequest(SIGNING_SECRET, body, Math.floor(Date.now() / 1000) + 301) });
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(h.fake.calls()).toEqual([]);
  });

  it('the same signed request sent again → 401 as a replay, answered once', async () => {
    const body = form();
    const headers = signRequest(SIGNING_SECRET, body);
    expect((await post(body, { ...headers })).status).toBe(200);
    await h.fake.waitForCall('response_url');
    expect((await post(body, { ...headers })).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(h.fake.calls('response_url')).toHaveLength(1);
  });

  it("Slack's redelivery of an event, same signature plus X-Slack-Retry-Num, still reaches the de-duplication", async () => {
    const inbound = linkShared({
      userId: People.marcus.id,
      channelId: 'C0GENERAL',
      links: [{ domain: 'github.com', url: 'https://github.com/acme/cart-service' }],
    });
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await h.send(inbound, { timestamp })).status).toBe(200);
    await h.fake.waitForCall('chat.unfurl');
    expect((await h.send(inbound, { timestamp, retry: { num: 1, reason: 'http_timeout' } })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(h.fake.calls('chat.unfurl')).toHaveLength(1);
  });

  it.each([
    ['payload=null', 'payload=null', 'application/x-www-form-urlencoded'],
    ['payload=[1]', 'payload=%5B1%5D', 'application/x-www-form-urlencoded'],
    ['payload=42', 'payload=42', 'application/x-www-form-urlencoded'],
    ['a JSON array', '[{"type":"event_callback"}]', 'application/json'],
    ['JSON null', 'null', 'application/json'],
    ['unparseable JSON', '{"type":', 'application/json'],
  ])('a signed body that is not a payload object (%s) → 400 at once', async (_name, body, contentType) => {
    const response = await fetch(h.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': contentType, ...signRequest(SIGNING_SECRET, body) },
      body,
      signal: AbortSignal.timeout(2000),
    });
    expect(response.status).toBe(400);
  });
});
