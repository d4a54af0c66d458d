import { describe, expect, it } from 'vitest';
import { parseMention } from '../../../src/slack/parse/parse-mention.ts';

const BOT = 'U0CALLBOT';

describe('parseMention', () => {
  it.each([
    ['<@U0CALLBOT> who owns payments-api?', { kind: 'owner', entity: 'payments-api' }],
    ['<@U0CALLBOT> Who owns `checkout-service`', { kind: 'owner', entity: 'checkout-service' }],
    ['<@U0CALLBOT>: which team owns the orders-db?', { kind: 'owner', entity: 'orders-db' }],
    ['who is the owner of cart-service? <@U0CALLBOT>', { kind: 'owner', entity: 'cart-service' }],
    ['<@U0CALLBOT> what depends on orders-db?', { kind: 'deps', entity: 'orders-db', direction: 'reverse', depth: 3 }],
    ['<@U0CALLBOT> what uses orders-db --depth 5', { kind: 'deps', entity: 'orders-db', direction: 'reverse', depth: 5 }],
    ['<@U0CALLBOT> blast radius of orders-db', { kind: 'deps', entity: 'orders-db', direction: 'reverse', depth: 3 }],
    ['<@U0CALLBOT> what does storefront-web depend on?', { kind: 'deps', entity: 'storefront-web', direction: 'forward', depth: 3 }],
    ['<@U0CALLBOT> deps storefront-web --depth 2', { kind: 'deps', entity: 'storefront-web', direction: 'forward', depth: 2 }],
    ['<@U0CALLBOT> /owner checkout-service', { kind: 'owner', entity: 'checkout-service' }],
    ['<@U0CALLBOT> find payments', { kind: 'find', query: 'payments' }],
    ['<@U0CALLBOT> errors checkout-team', { kind: 'errors', team: 'checkout-team' }],
    ['<@U0CALLBOT> whoami', { kind: 'whoami' }],
    ['<@U0CALLBOT>', { kind: 'help' }],
    ['<@U0CALLBOT> help', { kind: 'help' }],
  ])('%j', (text, request) => {
    expect(parseMention(text, BOT)).toEqual({ ok: true, request });
  });

  it('drops the bot mention even without knowing the bot id', () => {
    expect(parseMention('<@U0CALLBOT> who owns x?')).toEqual({ ok: true, request: { kind: 'owner', entity: 'x' } });
  });

  it.each(['<@U0CALLBOT> make me a sandwich', `<@U0CALLBOT> ${'blah '.repeat(1000)}`, '<@U0CALLBOT> <!channel>'])('%j is a problem with a hint', (text) => {
    const result = parseMention(text, BOT);
    expect(result.ok).toBe(false);
  });
});
