import { describe, expect, it } from 'vitest';
import { parseMention } from '../../../src/slack/parse/parse-mention.ts';

const BOT = 'U0CALLBOT';

describe('parseMention', () => {
  it.each([
    ['<@U0CALLBOT> who owns payments-api?', { kind: 'owner', entity: 'payments-api' }],
    ['<@U0CALLBOT> Who owns `checkout-service`', { kind: 'owner', entity: 'checkout-service' }],
    ['<@U0CALLBOT>: which team owns the orders-db?', { kind: 'owner', entity: 'orders-db' }],
    ['who is the owner of cart-service? <@U0CALLBOT>', { kind: 'owner', entity: 'cart-service' }],
    ['<@U0CALLBOT> what depends on orders-db?', { kind: 'deps', entity: 'orders-db', direction: 'reverse' }],
    ['<@U0CALLBOT> what uses orders-db --depth 5', { kind: 'deps', entity: 'orders-db', direction: 'reverse', depth: 5 }],
    ['<@U0CALLBOT> blast radius of orders-db', { kind: 'deps', entity: 'orders-db', direction: 'reverse' }],
    ['<@U0CALLBOT> what does storefront-web depend on?', { kind: 'deps', entity: 'storefront-web', direction: 'forward' }],
    // The whole noun phrase, not one word; "the", possessives, politeness and punctuation dropped.
    ['<@U0CALLBOT> who owns the payments api?', { kind: 'owner', entity: 'payments api' }],
    ['<@U0CALLBOT> hey, can you tell me who owns the Checkout Service please? thanks!', { kind: 'owner', entity: 'Checkout Service' }],
    ['<@U0CALLBOT> do you know which team owns orders db', { kind: 'owner', entity: 'orders db' }],
    ["<@U0CALLBOT> checkout-service's owner?", { kind: 'owner', entity: 'checkout-service' }],
    ['<@U0CALLBOT> who maintains <https://github.com/acme/x|x>?', { kind: 'owner', entity: '<https://github.com/acme/x|x>' }],
    ['<@U0CALLBOT> who is responsible for the cart service', { kind: 'owner', entity: 'cart service' }],
    ['<@U0CALLBOT> whose is orders-db', { kind: 'owner', entity: 'orders-db' }],
    ['<@U0CALLBOT> what breaks if orders-db goes down?', { kind: 'deps', entity: 'orders-db', direction: 'reverse' }],
    ['<@U0CALLBOT> impact of the orders database going down', { kind: 'deps', entity: 'orders database', direction: 'reverse' }],
    ['<@U0CALLBOT> who depends on payments api --depth 2', { kind: 'deps', entity: 'payments api', direction: 'reverse', depth: 2 }],
    ['<@U0CALLBOT> what uses the ledger?', { kind: 'deps', entity: 'ledger', direction: 'reverse' }],
    ['<@U0CALLBOT> deps of checkout service', { kind: 'deps', entity: 'checkout service', direction: 'forward' }],
    ["<@U0CALLBOT> who's on-call for payments api?", { kind: 'oncall', entity: 'payments api' }],
    ['<@U0CALLBOT> who is on call for the checkout service right now', { kind: 'oncall', entity: 'checkout service' }],
    ['<@U0CALLBOT> oncall orders-db', { kind: 'oncall', entity: 'orders-db' }],
    ['<@U0CALLBOT> where are the docs for payments api?', { kind: 'docs', entity: 'payments api' }],
    ['<@U0CALLBOT> runbook for orders-db', { kind: 'docs', entity: 'orders-db' }],
    ['<@U0CALLBOT> cart service docs', { kind: 'docs', entity: 'cart service' }],
    ['<@U0CALLBOT> anything about kafka?', { kind: 'find', query: 'kafka' }],
    ['<@U0CALLBOT> search for ledger', { kind: 'find', query: 'ledger' }],
    ['<@U0CALLBOT> find the owner of orders db', { kind: 'owner', entity: 'orders db' }],
    // A greeting is dropped only as a word of its own: "ok-service" and "hi.fi" are names.
    ['<@U0CALLBOT> ok-service owner', { kind: 'owner', entity: 'ok-service' }],
    ['<@U0CALLBOT> hi.fi owner?', { kind: 'owner', entity: 'hi.fi' }],
    ['<@U0CALLBOT> ok, so who owns x', { kind: 'owner', entity: 'x' }],
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

  it('a mention with nothing but @channel or an emoji asks for help, as an empty mention does', () => {
    expect(parseMention('<@U0CALLBOT> <!channel>', BOT)).toEqual({ ok: true, request: { kind: 'help' } });
    expect(parseMention('<@U0CALLBOT> :wave:', BOT)).toEqual({ ok: true, request: { kind: 'help' } });
  });

  it('a depth out of range is named, not ignored', () => {
    expect(parseMention('<@U0CALLBOT> what depends on orders-db --depth 99', BOT)).toMatchObject({ ok: false, problem: expect.stringContaining('--depth') });
  });

  it.each([
    ['<@U0CALLBOT> who is on call?', 'who is on call for checkout-service?'],
    ["<@U0CALLBOT> who's on-call right now?", 'who is on call for checkout-service?'],
    ['<@U0CALLBOT> who owns?', 'who owns checkout-service?'],
    ['<@U0CALLBOT> which team owns this', 'who owns checkout-service?'],
    ['<@U0CALLBOT> docs?', 'where are the docs for checkout-service?'],
    ['<@U0CALLBOT> what breaks?', 'what breaks if orders-db goes down?'],
    ['<@U0CALLBOT> who owns <!here>?', 'who owns checkout-service?'],
  ])('%j is understood: it asks about what, with an example (not "did not understand", not an entity named "who is")', (text, example) => {
    expect(parseMention(text, BOT)).toMatchObject({ ok: false, problem: `About what? Name it, e.g. "${example}"` });
  });

  it.each([
    ['<@U0CALLBOT> who is marcus oyelaran?', { kind: 'owner', entity: 'marcus oyelaran' }],
    ["<@U0CALLBOT> who's the payments team", { kind: 'owner', entity: 'payments team' }],
    ['<@U0CALLBOT> who is the owner of cart-service', { kind: 'owner', entity: 'cart-service' }],
    ['<@U0CALLBOT> who is on call for cart-service', { kind: 'oncall', entity: 'cart-service' }],
  ])('"who is X" asks for the card of X (a person, a team, anything): %j', (text, request) => {
    expect(parseMention(text, BOT)).toEqual({ ok: true, request });
  });

  it.each(['<@U0CALLBOT> make me a sandwich', '<@U0CALLBOT> who are you?', `<@U0CALLBOT> ${'blah '.repeat(1000)}`])('%j is a problem with a hint', (text) => {
    const result = parseMention(text, BOT);
    expect(result.ok).toBe(false);
  });
});
