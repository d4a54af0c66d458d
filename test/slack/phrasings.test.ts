import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../src/catalog-runtime.ts';
import { parseAsk } from '../../src/cli/commands/ask-command.ts';
import type { SlackRequest } from '../../src/slack/parse/slack-request.ts';
import { resolveEntity } from '../../src/usecases/resolve-entity.ts';
import { openExampleCatalog } from './helpers/catalog-fixture.ts';

/**
 * How people ask, against the example org, through the entry point Slack mentions, slash commands and
 * `callboard ask` share (parseAsk → parseMention / parseSlashCommand), then the one resolver. Each row: what
 * was typed, the intent understood, and the entity answered (`chooser` when several fit equally,
 * `not found` when nothing does; for a search, the words searched).
 */
type Intent = 'owner' | 'dependencies' | 'dependents' | 'oncall' | 'docs' | 'search';

const PHRASINGS: ReadonlyArray<[text: string, intent: Intent, expected: string]> = [
  // The examples, as written.
  ['who owns the payments api?', 'owner', 'api:default/payments-api'],
  ['who owns the checkout service?', 'owner', 'component:default/checkout-service'],
  ['who owns orders db', 'owner', 'resource:default/orders-db'],
  ['who owns payments?', 'owner', 'system:default/payments'],
  ['/owner Checkout Service', 'owner', 'component:default/checkout-service'],
  ['/owner https://github.com/acme/checkout-service', 'owner', 'component:default/checkout-service'],
  ['/owner <https://github.com/acme/checkout-service|checkout-service>', 'owner', 'component:default/checkout-service'],
  ['who is on call for checkout-service?', 'oncall', 'component:default/checkout-service'],
  ['where are the docs for checkout-service?', 'docs', 'component:default/checkout-service'],
  ['what breaks if orders-db goes down?', 'dependents', 'resource:default/orders-db'],
  // An exact name that two kinds share is a choice; a kind word typed on its own steers it.
  ['who owns payments-api?', 'owner', 'chooser'],
  ['who owns the Payments API?', 'owner', 'api:default/payments-api'],
  ['who owns the payments-api component?', 'owner', 'component:default/payments-api'],
  // Case and separators.
  ['/owner checkout_service', 'owner', 'component:default/checkout-service'],
  ['/owner CHECKOUT-SERVICE', 'owner', 'component:default/checkout-service'],
  ['/owner checkout service', 'owner', 'component:default/checkout-service'],
  ['/owner checkout.service', 'owner', 'component:default/checkout-service'],
  ['/owner "Checkout   Service"', 'owner', 'component:default/checkout-service'],
  ['who owns ui kit?', 'owner', 'component:default/ui-kit'],
  ['who owns Payments Ledger Database', 'owner', 'resource:default/payments-ledger-db'],
  ['who owns storefront (acme.example)?', 'owner', 'component:default/storefront-web'],
  ['who owns ada lovelace', 'owner', 'user:default/ada.lovelace'],
  // GitHub URLs in every form.
  ['/owner <https://github.com/acme/checkout-service>', 'owner', 'component:default/checkout-service'],
  ['/owner https://github.com/acme/checkout-service.git', 'owner', 'component:default/checkout-service'],
  ['/owner https://github.com/acme/checkout-service/', 'owner', 'component:default/checkout-service'],
  ['/owner https://www.github.com/acme/checkout-service', 'owner', 'component:default/checkout-service'],
  ['/owner https://github.com/ACME/Checkout-Service/tree/main/src', 'owner', 'component:default/checkout-service'],
  ['/owner https://github.com/acme/cart-service/blob/main/catalog-info.yaml', 'owner', 'component:default/cart-service'],
  ['/owner https://github.com/acme/checkout-service/pull/42', 'owner', 'component:default/checkout-service'],
  ['/owner git@github.com:acme/orders-service.git', 'owner', 'component:default/orders-service'],
  ['/owner ssh://git@github.com/acme/orders-service', 'owner', 'component:default/orders-service'],
  ['/owner http://github.com/acme/pricing-service', 'owner', 'component:default/pricing-service'],
  ['/owner github.com/acme/search-service', 'owner', 'component:default/search-service'],
  ['/owner acme/shipping-service', 'owner', 'component:default/shipping-service'],
  ['who owns <https://github.com/acme/inventory-service|inventory-service>?', 'owner', 'component:default/inventory-service'],
  ['/owner https://github.com/acme/infra-databases', 'owner', 'chooser'],
  ['/owner https://github.com/acme/checkout-service/blob/main/openapi.yaml', 'owner', 'api:default/checkout-api'],
  ['/owner https://docs.acme.example/payments-api/', 'owner', 'component:default/payments-api'],
  ['/owner https://github.com/acme/no-such-repo', 'owner', 'not found'],
  // Kind words.
  ['which team owns inventory svc', 'owner', 'component:default/inventory-service'],
  ['who owns the orders api', 'owner', 'api:default/orders-api'],
  ['who owns the orders database?', 'owner', 'resource:default/orders-db'],
  ['who owns the payments team?', 'owner', 'group:default/payments-team'],
  ['who owns the payments squad', 'owner', 'group:default/payments-team'],
  ['who owns the checkout system', 'owner', 'system:default/checkout'],
  ['who owns checkout?', 'owner', 'system:default/checkout'],
  ['who owns Order Management?', 'owner', 'system:default/order-management'],
  ['who owns order events topic', 'owner', 'api:default/order-events'],
  ['who owns the backoffice website', 'owner', 'component:default/backoffice-web'],
  ['who owns the http client library?', 'owner', 'component:default/http-client'],
  ['who owns the unicorn service?', 'owner', 'not found'],
  // Aliases (callboard.dev/aliases).
  ['who owns the design system?', 'owner', 'component:default/ui-kit'],
  ['who owns kafka?', 'owner', 'resource:default/events-kafka'],
  ['who owns auth', 'owner', 'component:default/identity-service'],
  // Other ways to ask who owns, possessives, politeness.
  ["what's the owner of orders-db?", 'owner', 'resource:default/orders-db'],
  ['whose is the cart service?', 'owner', 'component:default/cart-service'],
  ['who is responsible for the shipping service', 'owner', 'component:default/shipping-service'],
  ["checkout-service's owner?", 'owner', 'component:default/checkout-service'],
  ['hey, who owns the checkout service? thanks', 'owner', 'component:default/checkout-service'],
  ['can you tell me who owns the payments api please', 'owner', 'api:default/payments-api'],
  ['do you know who owns orders db?', 'owner', 'resource:default/orders-db'],
  ['<@U0CALLBOT> who owns `cart-service`?', 'owner', 'component:default/cart-service'],
  ['/callboard owner checkout_service', 'owner', 'component:default/checkout-service'],
  // Dependencies and dependents.
  ['what does the checkout service depend on?', 'dependencies', 'component:default/checkout-service'],
  ['deps of payments api', 'dependencies', 'api:default/payments-api'],
  ['/deps Checkout Service', 'dependencies', 'component:default/checkout-service'],
  ['/callboard deps checkout_service', 'dependencies', 'component:default/checkout-service'],
  ['what breaks if the orders database goes down', 'dependents', 'resource:default/orders-db'],
  ['what uses the payments api?', 'dependents', 'api:default/payments-api'],
  ['who depends on orders db', 'dependents', 'resource:default/orders-db'],
  ['what depends on the cart service?', 'dependents', 'component:default/cart-service'],
  ["what's the blast radius of orders-db?", 'dependents', 'resource:default/orders-db'],
  ['impact of payments ledger db going down', 'dependents', 'resource:default/payments-ledger-db'],
  ['/deps orders-db --reverse', 'dependents', 'resource:default/orders-db'],
  ['/callboard deps Orders Database --reverse', 'dependents', 'resource:default/orders-db'],
  // On-call and docs.
  ['who is on call for the checkout service?', 'oncall', 'component:default/checkout-service'],
  ["who's on-call for payments api?", 'oncall', 'api:default/payments-api'],
  ['oncall cart-service', 'oncall', 'component:default/cart-service'],
  ['/callboard oncall orders db', 'oncall', 'resource:default/orders-db'],
  ['where are the docs for the checkout service?', 'docs', 'component:default/checkout-service'],
  ['docs for payments api', 'docs', 'api:default/payments-api'],
  ['runbook for orders-db', 'docs', 'resource:default/orders-db'],
  ['checkout service docs', 'docs', 'component:default/checkout-service'],
  ['/callboard docs https://github.com/acme/cart-service', 'docs', 'component:default/cart-service'],
  // Searches.
  ['find payments', 'search', 'payments'],
  ['anything about kafka?', 'search', 'kafka'],
  ['search for ledger please', 'search', 'ledger'],
  ['/callboard find checkout things', 'search', 'checkout things'],
  ['find the owner of orders db', 'owner', 'resource:default/orders-db'],
  // People and teams asked about as such, by name, display name (accents or not) or email.
  ['who is marcus oyelaran?', 'owner', 'user:default/marcus.oyelaran'],
  ['who is Sofia Márquez', 'owner', 'user:default/sofia.marquez'],
  ["who's the payments team?", 'owner', 'group:default/payments-team'],
  ['who is on call for payments api?', 'oncall', 'api:default/payments-api'],
  ['/owner marcus.oyelaran@acme.example', 'owner', 'user:default/marcus.oyelaran'],
  ['who is <mailto:Sofia.Marquez@acme.example|Sofia.Marquez@acme.example>?', 'owner', 'user:default/sofia.marquez'],
  ['/owner nobody@acme.example', 'owner', 'not found'],
  // What a team or person owns, who is in a team, who leads it: their card answers it.
  ['what does the checkout team own?', 'owner', 'group:default/checkout-team'],
  ['what does marcus.oyelaran own', 'owner', 'user:default/marcus.oyelaran'],
  ['what is owned by the payments team?', 'owner', 'group:default/payments-team'],
  ['which team is marcus oyelaran on?', 'owner', 'user:default/marcus.oyelaran'],
  ["who's in the payments team?", 'owner', 'group:default/payments-team'],
  ['who are the members of the checkout team', 'owner', 'group:default/checkout-team'],
  ['who is the lead of the payments team?', 'owner', 'group:default/payments-team'],
  ['who leads the orders team', 'owner', 'group:default/orders-team'],
  ['who works on the checkout service?', 'owner', 'component:default/checkout-service'],
  // Slack markup that is not part of the name: emoji, @here/@channel, user-group mentions.
  ['who owns :fire: checkout-service?', 'owner', 'component:default/checkout-service'],
  ['<!here> who owns the cart service :pray:', 'owner', 'component:default/cart-service'],
  ['who owns <!subteam^S0123ABCD|@payments> orders-db', 'owner', 'resource:default/orders-db'],
  // Kind words for every kind.
  ['who owns the acme-org location', 'owner', 'location:default/acme-org'],
  ['who owns the fulfilment domain?', 'owner', 'domain:default/fulfilment'],
];

const intentOf = (request: SlackRequest): string =>
  request.kind === 'deps' ? (request.direction === 'reverse' ? 'dependents' : 'dependencies') : request.kind === 'find' ? 'search' : request.kind;

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

const answer = (text: string): { intent: string; answered: string } => {
  const parsed = parseAsk(text);
  if (!parsed.ok) return { intent: 'not understood', answered: parsed.problem };
  const { request } = parsed;
  if (request.kind === 'find') return { intent: 'search', answered: request.query };
  if (!('entity' in request)) return { intent: request.kind, answered: '' };
  const resolution = resolveEntity(runtime.store, request.entity);
  const answered =
    resolution.status === 'found'
      ? resolution.ref
      : resolution.status === 'ambiguous'
        ? 'chooser'
        : resolution.status === 'not_found'
          ? 'not found'
          : resolution.message;
  return { intent: intentOf(request), answered };
};

describe('phrasings against the example org (parse + resolve, as Slack and callboard ask answer them)', () => {
  it('has at least 60 phrasings', () => expect(PHRASINGS.length).toBeGreaterThanOrEqual(60));

  it.each(PHRASINGS)('%j → %s %s', (text, intent, expected) => {
    expect(answer(text)).toEqual({ intent, answered: expected });
  });
});
