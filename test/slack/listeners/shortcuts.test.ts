import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { findOwnerShortcut } from '../../../src/slack/listeners/shortcuts/find-owner-shortcut.ts';
import { openExampleCatalog, People, slackDepsFor } from '../helpers/catalog-fixture.ts';
import { allText, blockIds, recorder } from '../helpers/recorder.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

const findOwner = async (text: string) => {
  const io = recorder();
  const deps = slackDepsFor(runtime, { callboardUrl: 'https://callboard.acme.example' });
  await findOwnerShortcut(deps)({ ack: io.ack, respond: io.respond, shortcut: { user: { id: People.marcus.id }, message: { text } } });
  return io;
};

/** The lines of the compact list, without its heading. */
const listLines = (message: { blocks: Array<{ block_id?: string; text?: { text: string } }> }): string[] =>
  message.blocks
    .filter((block) => block.block_id?.startsWith('found.list.'))
    .flatMap((block) => block.text?.text.split('\n') ?? [])
    .filter((line) => line.startsWith('• '));

describe('Find owner message shortcut', () => {
  it('a message naming more entities than the list holds says so, under the first 25', async () => {
    const names = runtime.store
      .entities()
      .filter((entity) => ['Component', 'API', 'Resource', 'System'].includes(entity.kind))
      .map((entity) => entity.metadata.name);
    expect(new Set(names).size).toBeGreaterThan(25);
    const io = await findOwner(names.join(' '));
    expect(listLines(io.last() as never)).toHaveLength(25);
    expect(allText(io.last())).toContain('The message names more than 25 catalog entities; the first 25 are listed.');
    const few = await findOwner(names.slice(0, 3).join(' '));
    expect(blockIds(few.last())).not.toContain('found.more');
  });

  it('answers privately, through the response_url, one line per entity: entity → team → channel', async () => {
    const io = await findOwner('Anyone know why cart-service is paging tonight?');
    expect(io.events).toEqual(['ack', 'respond']);
    expect(io.last().response_type).toBe('ephemeral');
    const lines = listLines(io.last() as never);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe('• *Cart Service* `cart-service` (component) → *Checkout* → <https://acme.slack.com/archives/C04CHKOUT02|#team-checkout>');
  });

  it('every entity the message names is listed, in one compact list with no chooser', async () => {
    const io = await findOwner('orders-db is slow and <https://github.com/acme/checkout-service|the checkout repo> times out');
    expect(blockIds(io.last())).not.toContain('chooser.choices');
    const lines = listLines(io.last() as never);
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).toContain('checkout-service');
    expect(lines.join('\n')).toContain('orders-db');
    expect(allText(io.last())).not.toContain('"type":"button"');
  });

  it('an owner that is not in the catalog is said so on its line', async () => {
    const lines = listLines((await findOwner('carrier-gateway timed out again')).last() as never);
    expect(lines).toEqual([expect.stringContaining('`group:default/legacy-team` (not in the catalog)')]);
  });

  it('a link with a malformed percent-escape names nothing; the rest of the message still counts', async () => {
    const io = await findOwner('see <https://callboard.acme.example/catalog/default/component/%E0%A4%A> — why is cart-service paging?');
    expect(io.events).toEqual(['ack', 'respond']);
    expect(listLines(io.last() as never)).toEqual([expect.stringContaining('cart-service')]);
  });

  it('nothing named → one short line, escaped', async () => {
    const io = await findOwner('lunch at noon? 🍕 <!here>');
    expect(blockIds(io.last())).toEqual(['found.none']);
    expect(allText(io.last())).not.toContain('<!here>');
    expect((io.last().blocks[0] as { text: { text: string } }).text.text.split('\n')).toHaveLength(1);
  });
});
