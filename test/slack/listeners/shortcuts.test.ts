import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { findOwnerShortcut } from '../../../src/slack/listeners/shortcuts/find-owner-shortcut.ts';
import { openExampleCatalog, People, slackDepsFor } from '../helpers/catalog-fixture.ts';
import { blockIds, recorder } from '../helpers/recorder.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

const findOwner = async (text: string) => {
  const io = recorder();
  await findOwnerShortcut(slackDepsFor(runtime))({ ack: io.ack, respond: io.respond, shortcut: { user: { id: People.marcus.id }, message: { text } } });
  return io;
};

describe('Find owner message shortcut', () => {
  it('one catalog name in the message → its owner card', async () => {
    const io = await findOwner('Anyone know why cart-service is paging tonight?');
    expect(io.events).toEqual(['ack', 'respond']);
    expect(blockIds(io.last())).toContain('owner.header');
  });

  it('several names (or a repository link) → a choice between them', async () => {
    const io = await findOwner('orders-db is slow and <https://github.com/acme/checkout-service|the checkout repo> times out');
    expect(blockIds(io.last())).toContain('chooser.choices');
    expect(JSON.stringify(io.last())).toContain('component:default/checkout-service');
    expect(JSON.stringify(io.last())).toContain('resource:default/orders-db');
  });

  it('a link with a malformed percent-escape names nothing; the rest of the message still counts', async () => {
    const io = recorder();
    const deps = slackDepsFor(runtime, { callboardUrl: 'https://callboard.acme.example' });
    const text = 'see <https://callboard.acme.example/catalog/default/component/%E0%A4%A> — why is cart-service paging?';
    await findOwnerShortcut(deps)({ ack: io.ack, respond: io.respond, shortcut: { user: { id: People.marcus.id }, message: { text } } });
    expect(io.events).toEqual(['ack', 'respond']);
    expect(blockIds(io.last())).toContain('owner.header');
    expect(JSON.stringify(io.last())).toContain('component:default/cart-service');
  });

  it('no names → how to ask instead', async () => {
    const io = await findOwner('lunch at noon? 🍕 <!here>');
    expect(blockIds(io.last())).toContain('usage.problem');
    expect(JSON.stringify(io.last())).not.toContain('<!here>');
  });
});
