import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { parseAsk } from '../../../src/cli/commands/ask-command.ts';
import { answerParsed } from '../../../src/slack/listeners/answers/answer-request.ts';
import { openExampleCatalog, slackDepsFor } from '../helpers/catalog-fixture.ts';
import { allText, blockIds } from '../helpers/recorder.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

const ask = (text: string) => answerParsed(slackDepsFor(runtime), parseAsk(text), 'U0MARCUS');

describe('who owns several things at once', () => {
  it.each(['who owns checkout-service and cart-service?', '/owner checkout-service, cart-service', 'who owns the checkout service & the cart service'])(
    '%j lists each with its team, as the Find owner shortcut does (was "Nothing is called …")',
    async (text) => {
      const message = await ask(text);
      expect(blockIds(message)[0]).toBe('found.list.0');
      const text_ = allText(message);
      expect(text_).toContain('Owners of what you asked about (2)');
      expect(text_).toMatch(/Checkout Service\* `checkout-service` \(component\) → \*Checkout\*/);
      expect(text_).toMatch(/Cart Service\* `cart-service` \(component\) → \*Checkout\*/);
    },
  );

  it('three, of different kinds and teams, in the order asked', async () => {
    const text = allText(await ask('who owns orders-db, the payments api and ui kit?'));
    expect(text.indexOf('orders-db')).toBeLessThan(text.indexOf('payments-api'));
    expect(text.indexOf('payments-api')).toBeLessThan(text.indexOf('ui-kit'));
    expect(text).toContain('*Order Management*');
    expect(text).toContain('*Payments*');
    expect(text).toContain('*Storefront*');
  });

  it('a title that contains "and" or "&" is still one entity', async () => {
    expect(blockIds(await ask('/owner Search & Discovery'))).toContain('team.owned');
    expect(allText(await ask('/owner Acme org, domains and systems'))).toContain('location:default/acme-org');
  });

  it('when one item names nothing or several things, nothing is half-answered: the usual not-found or chooser', async () => {
    expect(blockIds(await ask('who owns checkout-service and unicorn-service?'))[0]).toBe('notfound.summary');
    expect(blockIds(await ask('who owns checkout-service and payments-api?'))[0]).toBe('notfound.summary');
  });
});
