import { afterEach, describe, expect, it } from 'vitest';
import { channelCreated, channelRename } from '../../fakes/slack-payloads.ts';
import { People } from '../helpers/catalog-fixture.ts';
import type { Harness } from '../helpers/slack-harness.ts';
import { manifestBotScopes } from '../e2e/e2e-harness.ts';
import { openIncidentCatalog, postsIn, startIncidentApp, waitForHandled } from './incident-harness.ts';

/** Two Callboard processes on one database (each its own connections and write queue), and a token short of a scope. */

const ORDERS_INC = { id: 'C0INCORDERS', name: 'inc-orders-service-timeouts', botIsMember: false };
const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

describe('incident cards across processes', () => {
  it('two apps on one database file receiving the same channel_created post the card once between them', async () => {
    const first = await openIncidentCatalog();
    const second = await openIncidentCatalog(first.configFile);
    const [a, b] = [await startIncidentApp(first.runtime, [ORDERS_INC]), await startIncidentApp(second.runtime, [ORDERS_INC])];
    open.push(a, b);
    const event = channelCreated({ channelId: ORDERS_INC.id, name: ORDERS_INC.name, creator: People.marcus.id, eventId: 'Ev0TWOAPPS' });
    await Promise.all([a.send(event), b.send(event)]);
    const outcomes = [...(await waitForHandled(a, ORDERS_INC.id)), ...(await waitForHandled(b, ORDERS_INC.id))];
    expect(outcomes.map((outcome) => outcome.result).sort()).toEqual(['already posted', 'cards']);
    expect(postsIn(a, ORDERS_INC.id).length + postsIn(b, ORDERS_INC.id).length).toBe(1);
  });

  it('without channels:join the card is not posted, the log says why, and the card stays claimable for later', async () => {
    const { runtime } = await openIncidentCatalog();
    const h = await startIncidentApp(runtime, [ORDERS_INC], 'http', {
      scopes: manifestBotScopes().filter((scope) => scope !== 'channels:join'),
    });
    open.push(h);
    await h.send(channelCreated({ channelId: ORDERS_INC.id, name: ORDERS_INC.name, creator: People.marcus.id }));
    expect((await waitForHandled(h, ORDERS_INC.id))[0]).toMatchObject({ result: 'not a member' });
    expect(h.fake.calls('conversations.join').map((call) => (call.response as { error?: string }).error)).toEqual(['missing_scope']);
    expect(h.logs.some((line) => line.error === 'missing_scope' && String(line.msg).includes('could not join'))).toBe(true);
    expect(postsIn(h, ORDERS_INC.id)).toEqual([]);
    expect(await runtime.incidentCards.claim(ORDERS_INC.id, 'component:default/orders-service')).toBe(true);
  });

  it('a card Slack refused is not marked posted: the next event for the channel posts it', async () => {
    const { runtime } = await openIncidentCatalog();
    const h = await startIncidentApp(runtime, [ORDERS_INC]);
    open.push(h);
    h.fake.failNext('chat.postMessage', { kind: 'error', error: 'restricted_action' });
    await h.send(channelCreated({ channelId: ORDERS_INC.id, name: ORDERS_INC.name, creator: People.marcus.id }));
    expect((await waitForHandled(h, ORDERS_INC.id))[0]).toMatchObject({ result: 'not posted', posted: [] });
    expect(h.logs.some((line) => line.error === 'restricted_action' && line.msg === 'incident channel: the card was not posted')).toBe(true);
    h.fake.renameChannel(ORDERS_INC.id, 'inc-orders-service-timeouts-sev2');
    await h.send(channelRename({ channelId: ORDERS_INC.id, name: 'inc-orders-service-timeouts-sev2' }));
    expect((await waitForHandled(h, ORDERS_INC.id, 2))[1]).toMatchObject({ result: 'cards', posted: ['component:default/orders-service'] });
    expect(postsIn(h, ORDERS_INC.id).map((call) => (call.response as { ok: boolean }).ok)).toEqual([false, true]);
  });
});
