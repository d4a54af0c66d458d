import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelCreated } from '../../fakes/slack-payloads.ts';
import { People } from '../helpers/catalog-fixture.ts';
import type { Harness } from '../helpers/slack-harness.ts';
import { blockText, openIncidentCatalog, postsIn, startIncidentApp, waitForHandled } from './incident-harness.ts';

/** The same listeners over Socket Mode: a channel_created envelope through the fake's WebSocket gets the card. */

const CART_INC = { id: 'C0INCCART', name: 'incident-cart-service', botIsMember: false };

let h: Harness;
beforeAll(async () => {
  const { runtime } = await openIncidentCatalog();
  h = await startIncidentApp(runtime, [CART_INC], 'socket');
});
afterAll(async () => h.close());

describe('incident channels over Socket Mode', () => {
  it('a matching channel created gets its card, once, even when the envelope is delivered twice', async () => {
    const event = channelCreated({ channelId: CART_INC.id, name: CART_INC.name, creator: People.marcus.id, eventId: 'Ev0SOCKETCART' });
    await h.socket!.deliver(event);
    expect((await waitForHandled(h, CART_INC.id))[0]).toMatchObject({ result: 'cards', posted: ['component:default/cart-service'] });
    await h.socket!.deliver(event);
    await h.socket!.deliver(channelCreated({ channelId: CART_INC.id, name: CART_INC.name, creator: People.marcus.id }));
    expect((await waitForHandled(h, CART_INC.id, 2))[1]).toMatchObject({ result: 'already posted' });
    const cards = postsIn(h, CART_INC.id);
    expect(cards).toHaveLength(1);
    expect(blockText(cards[0]!)).toContain('Cart Service (Component)');
  });
});
