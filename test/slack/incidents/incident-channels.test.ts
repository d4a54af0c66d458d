import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { DEFAULT_BOT } from '../../fakes/slack/workspace.ts';
import { appMention, channelCreated, channelRename, memberJoinedChannel } from '../../fakes/slack-payloads.ts';
import { People } from '../helpers/catalog-fixture.ts';
import type { Harness } from '../helpers/slack-harness.ts';
import { blockText, handledIn, openIncidentCatalog, postsIn, startIncidentApp, waitForHandled } from './incident-harness.ts';

/**
 * Issue 12, incident channels: signed Events API requests into the real Bolt receiver, Slack's side played by the
 * strict fake with the manifest's scopes. A channel that looks like an incident gets one context card per entity it
 * names, once, whatever repeats the news.
 */

const CHECKOUT_INC = { id: 'C0INCCHECKOUT', name: 'inc-2024-checkout-service-down', botIsMember: false };
const RANDOM = { id: 'C0RANDOMCHAT', name: 'random-chatter', botIsMember: false };
const COFFEE = { id: 'C0INCCOFFEE', name: 'inc-coffee-machine', botIsMember: false };
const WAR_ROOM = { id: 'C0WARROOM', name: 'war-room-7', topic: 'kafka consumer lag growing', botIsMember: true };
const HIDDEN_PRIVATE = { id: 'G0PRIVHIDDEN', name: 'inc-private-orders', isPrivate: true, botIsMember: false };
const INVITED_PRIVATE = { id: 'G0SECRESPONSE', name: 'inc-sec-response', isPrivate: true, botIsMember: true, purpose: 'SSO outage on identity-service' };
const MYSTERY_INC = { id: 'C0INCMYSTERY', name: 'inc-strange-noises', botIsMember: true };
const PLANNING = { id: 'C0PLANNING', name: 'planning', botIsMember: false };
const PAYMENTS_INC = { id: 'C0INCPAYMENTS', name: 'incident-payments-api-errors', botIsMember: false };
const QUIET = { id: 'C0QUIETROOM', name: 'quiet-room', botIsMember: true };

const CHANNELS = [CHECKOUT_INC, RANDOM, COFFEE, WAR_ROOM, HIDDEN_PRIVATE, INVITED_PRIVATE, PLANNING, PAYMENTS_INC, QUIET, MYSTERY_INC];

let catalog: { runtime: CatalogRuntime; configFile: string };
let h: Harness;

beforeAll(async () => {
  catalog = await openIncidentCatalog();
  h = await startIncidentApp(catalog.runtime, CHANNELS);
});
afterAll(async () => h.close());

const created = (channel: { id: string; name: string }, eventId?: string) =>
  channelCreated({ channelId: channel.id, name: channel.name, creator: People.marcus.id, ...(eventId ? { eventId } : {}) });

describe('a channel created with an incident name', () => {
  it('gets one card for checkout-service: Callboard joins, then posts owner, on-call, runbook, blast radius and changes', async () => {
    expect((await h.send(created(CHECKOUT_INC, 'Ev0CHECKOUT1'))).status).toBe(200);
    const [outcome] = await waitForHandled(h, CHECKOUT_INC.id);
    expect(outcome).toMatchObject({ result: 'cards', posted: ['component:default/checkout-service'] });
    const methods = h.fake
      .calls()
      .filter((call) => call.body.channel === CHECKOUT_INC.id)
      .map((call) => call.method);
    expect(methods).toEqual(['conversations.info', 'conversations.join', 'chat.postMessage']);
    const [card] = postsIn(h, CHECKOUT_INC.id);
    expect(card!.response).toMatchObject({ ok: true });
    const text = blockText(card!);
    expect(text).toContain('Checkout Service (Component)');
    expect(text).toContain('*Owner*\\nCheckout  ·  <#C0TEAMCHECKOUT>');
    // PagerDuty is down: the line says so and the rest of the card still posts.
    expect(text).toContain('on-call unavailable: ');
    expect(text).toContain('https://github.com/acme/checkout-service/blob/main/docs/runbook.md');
    expect(text).toContain('Depends on, within 2 hops');
    expect(text).toContain('• Cart Service — Checkout');
    expect(text).toContain('• Payments API (api) — Payments');
    expect(text).toContain('Depended on by, within 2 hops');
    expect(text).toContain('Storefront');
    // The example org was synced just now: its catalog entry changed within the last 7 days.
    expect(text).toContain('Catalog entry added or changed');
    expect(card!.body.metadata).toEqual({ event_type: 'callboard_incident_card', event_payload: { entity_ref: 'component:default/checkout-service' } });
  });

  it('a redelivery of the same event (X-Slack-Retry-Num) posts nothing more', async () => {
    const response = await h.send(created(CHECKOUT_INC, 'Ev0CHECKOUT1'), { retry: { num: 1, reason: 'http_timeout' } });
    expect(response.status).toBe(200);
    // The retry stops at the de-duplication step; a later event for the channel shows the flow found the card posted.
    await h.send(memberJoinedChannel({ userId: DEFAULT_BOT.userId, channelId: CHECKOUT_INC.id, channelType: 'C' }));
    const outcomes = await waitForHandled(h, CHECKOUT_INC.id, 2);
    expect(outcomes).toHaveLength(2);
    expect(outcomes[1]).toMatchObject({ result: 'already posted', earlier: ['component:default/checkout-service'] });
    expect(postsIn(h, CHECKOUT_INC.id)).toHaveLength(1);
    expect(h.logs.some((line) => line.eventId === 'Ev0CHECKOUT1' && line.retryNum === 1)).toBe(true);
  });

  it('two matching events for one channel at once (created, and Callboard joining) post each card once', async () => {
    await Promise.all([
      h.send(created(PAYMENTS_INC)),
      h.send(memberJoinedChannel({ userId: DEFAULT_BOT.userId, channelId: PAYMENTS_INC.id, channelType: 'C' })),
    ]);
    const outcomes = await waitForHandled(h, PAYMENTS_INC.id, 2);
    const posted = outcomes.flatMap((outcome) => (outcome.posted as string[] | undefined) ?? []);
    expect(posted).toContain('component:default/payments-api');
    expect(new Set(posted).size).toBe(posted.length);
    const cards = postsIn(h, PAYMENTS_INC.id);
    expect(cards).toHaveLength(posted.length);
    expect(cards.map((call) => (call.body.metadata as { event_payload: { entity_ref: string } }).event_payload.entity_ref).sort()).toEqual([...posted].sort());
  });

  it('a channel whose name matches no pattern is left alone: no read, no join, no post', async () => {
    await h.send(created(RANDOM));
    const [outcome] = await waitForHandled(h, RANDOM.id);
    expect(outcome).toMatchObject({ result: 'not an incident channel' });
    expect(h.fake.calls().filter((call) => call.body.channel === RANDOM.id)).toEqual([]);
  });

  it('an incident channel that names nothing known gets no message when created', async () => {
    await h.send(created(COFFEE));
    const [outcome] = await waitForHandled(h, COFFEE.id);
    expect(outcome).toMatchObject({ result: 'nothing found' });
    expect(postsIn(h, COFFEE.id)).toEqual([]);
    expect(h.fake.calls('conversations.join').filter((call) => call.body.channel === COFFEE.id)).toEqual([]);
  });
});

describe('renames', () => {
  it('renamed to match: one card; renamed away and back: still one', async () => {
    h.fake.renameChannel(PLANNING.id, 'inc-cart-service-errors');
    await h.send(channelRename({ channelId: PLANNING.id, name: 'inc-cart-service-errors' }));
    expect((await waitForHandled(h, PLANNING.id, 1))[0]).toMatchObject({ result: 'cards', posted: ['component:default/cart-service'] });
    h.fake.renameChannel(PLANNING.id, 'cart-retro');
    await h.send(channelRename({ channelId: PLANNING.id, name: 'cart-retro' }));
    expect((await waitForHandled(h, PLANNING.id, 2))[1]).toMatchObject({ result: 'not an incident channel' });
    // Callboard was removed from the channel meanwhile: its one card is there, so it does not rejoin.
    h.fake.addChannel({ ...PLANNING, name: 'inc-cart-service-errors', botIsMember: false });
    await h.send(channelRename({ channelId: PLANNING.id, name: 'inc-cart-service-errors' }));
    expect((await waitForHandled(h, PLANNING.id, 3))[2]).toMatchObject({ result: 'already posted', earlier: ['component:default/cart-service'] });
    expect(postsIn(h, PLANNING.id)).toHaveLength(1);
    expect(h.fake.calls('conversations.join').filter((call) => call.body.channel === PLANNING.id)).toHaveLength(1);
  });
});

describe('invited: the channel name decides, as for a created channel', () => {
  it('invited to a channel that does not match (people invite Callboard to mention it): no post, no join', async () => {
    await h.send(memberJoinedChannel({ userId: DEFAULT_BOT.userId, channelId: WAR_ROOM.id, channelType: 'C', inviter: People.marcus.id }));
    expect((await waitForHandled(h, WAR_ROOM.id))[0]).toMatchObject({ result: 'not an incident channel' });
    expect(postsIn(h, WAR_ROOM.id)).toEqual([]);
    expect(h.fake.calls('chat.postEphemeral').filter((call) => call.body.channel === WAR_ROOM.id)).toEqual([]);
    expect(h.fake.calls('conversations.join').filter((call) => call.body.channel === WAR_ROOM.id)).toEqual([]);
  });

  it('invited to a matching channel that names nothing known: no message at all', async () => {
    await h.send(memberJoinedChannel({ userId: DEFAULT_BOT.userId, channelId: MYSTERY_INC.id, channelType: 'C', inviter: People.marcus.id }));
    expect((await waitForHandled(h, MYSTERY_INC.id))[0]).toMatchObject({ result: 'nothing found' });
    expect(postsIn(h, MYSTERY_INC.id)).toEqual([]);
    expect(h.fake.calls('chat.postEphemeral').filter((call) => call.body.channel === MYSTERY_INC.id)).toEqual([]);
  });

  it('another member joining is not an invitation of Callboard; Callboard invited to a plain channel stays quiet', async () => {
    await h.send(memberJoinedChannel({ userId: People.sofia.id, channelId: QUIET.id, channelType: 'C', inviter: People.marcus.id }));
    await h.send(memberJoinedChannel({ userId: DEFAULT_BOT.userId, channelId: QUIET.id, channelType: 'C', inviter: People.marcus.id }));
    const outcomes = await waitForHandled(h, QUIET.id, 1);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ result: 'not an incident channel' });
    await h.send(memberJoinedChannel({ userId: DEFAULT_BOT.userId, channelId: QUIET.id, channelType: 'C', inviter: People.sofia.id }));
    expect((await waitForHandled(h, QUIET.id, 2))[1]).toMatchObject({ result: 'not an incident channel' });
    expect(postsIn(h, QUIET.id)).toEqual([]);
  });

  it('invited to a private channel: reads it with groups:read and posts without joining', async () => {
    await h.send(memberJoinedChannel({ userId: DEFAULT_BOT.userId, channelId: INVITED_PRIVATE.id, channelType: 'G', inviter: People.marcus.id }));
    expect((await waitForHandled(h, INVITED_PRIVATE.id))[0]).toMatchObject({ result: 'cards', posted: ['component:default/identity-service'] });
    expect(postsIn(h, INVITED_PRIVATE.id)).toHaveLength(1);
    expect(h.fake.calls('conversations.join').filter((call) => call.body.channel === INVITED_PRIVATE.id)).toEqual([]);
  });

  it('a private channel Callboard is not in cannot be joined: nothing posted, the log says to invite it', async () => {
    await h.send(channelRename({ channelId: HIDDEN_PRIVATE.id, name: HIDDEN_PRIVATE.name }));
    expect((await waitForHandled(h, HIDDEN_PRIVATE.id))[0]).toMatchObject({ result: 'cannot read', error: 'channel_not_found' });
    expect(postsIn(h, HIDDEN_PRIVATE.id)).toEqual([]);
  });
});

describe('asked: @Callboard context', () => {
  it('@Callboard context with no name in a channel that does not match: cards for what its topic names (an alias), on-call from a rotation', async () => {
    await h.send(appMention({ userId: People.marcus.id, channelId: WAR_ROOM.id, text: 'context', threadTs: '1700000000.000200' }));
    expect((await waitForHandled(h, WAR_ROOM.id, 2))[1]).toMatchObject({ result: 'cards', posted: ['resource:default/events-kafka'] });
    const text = blockText(postsIn(h, WAR_ROOM.id)[0]!);
    expect(text).toContain('Platform on-call');
    expect(text).not.toContain('on-call unavailable');
    expect(h.fake.calls('conversations.join').filter((call) => call.body.channel === WAR_ROOM.id)).toEqual([]);
  });

  it('@Callboard context <entity> in any channel posts that card; asked again, the asker hears it is already there', async () => {
    await h.send(appMention({ userId: People.marcus.id, channelId: QUIET.id, text: 'context orders-db', threadTs: '1700000000.000300' }));
    expect((await waitForHandled(h, QUIET.id, 3))[2]).toMatchObject({ result: 'cards', posted: ['resource:default/orders-db'] });
    await h.send(appMention({ userId: People.marcus.id, channelId: QUIET.id, text: 'context orders-db', threadTs: '1700000000.000300' }));
    expect((await waitForHandled(h, QUIET.id, 4))[3]).toMatchObject({ result: 'already posted' });
    expect(postsIn(h, QUIET.id)).toHaveLength(1);
    const [ephemeral] = h.fake.calls('chat.postEphemeral').filter((call) => call.body.channel === QUIET.id);
    expect(ephemeral!.body).toMatchObject({ user: People.marcus.id, thread_ts: '1700000000.000300' });
    expect(ephemeral!.body.text).toContain('already in this channel');
  });

  it('@Callboard context naming nothing known tells the asker how to ask', async () => {
    await h.send(appMention({ userId: People.sofia.id, channelId: 'C0GENERAL', text: 'context flux-capacitor', threadTs: '1700000000.000400' }));
    expect((await waitForHandled(h, 'C0GENERAL'))[0]).toMatchObject({ result: 'nothing found' });
    const [ephemeral] = h.fake.calls('chat.postEphemeral').filter((call) => call.body.channel === 'C0GENERAL');
    expect(ephemeral!.body.text).toContain('No catalog entity found for "flux-capacitor"');
    expect(postsIn(h, 'C0GENERAL')).toEqual([]);
  });
});

describe('a restart', () => {
  it('a new app on the same database file never posts a card again, even for a redelivered event', async () => {
    await h.close();
    const reopened = await openIncidentCatalog(catalog.configFile);
    h = await startIncidentApp(reopened.runtime, CHANNELS);
    await h.send(created(CHECKOUT_INC, 'Ev0CHECKOUT1'), { retry: { num: 2, reason: 'http_timeout' } });
    expect((await waitForHandled(h, CHECKOUT_INC.id))[0]).toMatchObject({ result: 'already posted', earlier: ['component:default/checkout-service'] });
    h.fake.renameChannel(PLANNING.id, 'inc-cart-service-errors');
    await h.send(channelRename({ channelId: PLANNING.id, name: 'inc-cart-service-errors' }));
    expect((await waitForHandled(h, PLANNING.id))[0]).toMatchObject({ result: 'already posted' });
    expect(h.fake.calls('chat.postMessage')).toEqual([]);
    // Every card is in the ledger: neither channel is joined again.
    expect(h.fake.calls('conversations.join')).toEqual([]);
    expect(handledIn(h, CHECKOUT_INC.id)).toHaveLength(1);
  });
});
